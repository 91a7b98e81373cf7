import { type Evaluation, evidenceLevelProblem } from "../evidence/index.js";
import { isBefore, type RuleViolation } from "../../kernel/index.js";
import type { LabRuleCode, ProjectState } from "../catalogue/index.js";
import { labRule } from "../shared/index.js";
import type { GateDecision } from "./state.js";
import { exitGate, transitions } from "./transitions.js";
import { coDesignSessionKinds, hasCitizens, isHeld, type Session } from "../sessions/index.js";
import type { Gate, Stage } from "./vocabulary.js";

/** The named requirements of each gate. */
export const gateRequirements = {
  G1: ["challenge_accepted", "sponsor_committed"],
  // Every gate re-checks the sponsor: a project whose sponsor has left goes no further.
  G2: ["sponsor_committed", "citizen_session_closed", "kpi_with_baseline_and_target", "procurements_settled"],
  G3: ["sponsor_committed", "pilot_ended", "evaluation_success_or_partial", "evidence_level_supported"],
  G4: ["sponsor_committed", "adoption_recorded"],
} as const satisfies Record<Gate, readonly string[]>;

/** The name of one gate requirement. */
export type Requirement = (typeof gateRequirements)[Gate][number];

/** What a person needs to know about a requirement. */
export const requirementText: Readonly<Record<Requirement, string>> = {
  challenge_accepted: "the challenge has been accepted",
  sponsor_committed: "a registered public entity has joined as sponsor and not left",
  citizen_session_closed: `at least one co-design session (${coDesignSessionKinds.join(", ")}; not a training) with citizen participation has been closed`,
  kpi_with_baseline_and_target: "at least one KPI is defined with a baseline and a target",
  procurements_settled: "every requested procurement is contracted or cancelled",
  pilot_ended: "every pilot of the stay in pilot has ended",
  evaluation_success_or_partial: "the latest evaluation's outcome is success or partial",
  evidence_level_supported: "the latest evaluation names its method, and its method supports the evidence level it claims",
  adoption_recorded: "at least one adoption is recorded",
};

/**
 * Where a requirement stood at a moment: it held then, or it did not but the event `until` made it
 * hold later (what a decision dated before `until` would wrongly rely on), or it does not hold at all.
 */
export type Standing = { readonly held: true } | { readonly held: false; readonly until: Held | null };

/** A fact a decision relied on: when it happened, and the event that says so. */
export interface Held {
  readonly at: string;
  readonly type: string;
  readonly eventId?: string;
}

const HELD: Standing = { held: true };
const NEVER: Standing = { held: false, until: null };
// The end of time: a requirement met now is one that holds at it, given every fact recorded.
const NOW = "9999-12-31T23:59:59.999Z";
const upTo = (t: string) => (at: string) => !isBefore(t, at);
const until = (type: string, stamp: { at: string; eventId: string } | null | undefined): Standing =>
  stamp ? { held: false, until: { at: stamp.at, type, eventId: stamp.eventId } } : NEVER;

// The first of some facts (by business time), for "exists one by t": held if one is at or before t,
// else the earliest one after it.
const some = (t: string, type: string, stamps: Iterable<{ at: string; eventId: string }>): Standing => {
  let first: { at: string; eventId: string } | null = null;
  for (const x of stamps) {
    if (upTo(t)(x.at)) return HELD;
    if (first === null || isBefore(x.at, first.at)) first = x;
  }
  return until(type, first);
};

// The evaluation that was the latest by t (by business time, then as recorded), and whether it passed.
const latestEvaluationBy = (s: ProjectState, t: string, passes: (e: Evaluation) => boolean): Standing => {
  let latest: Evaluation | undefined;
  for (const e of s.evaluations) if (upTo(t)(e.at) && (latest === undefined || !isBefore(e.at, latest.at))) latest = e;
  if (latest !== undefined && passes(latest)) return HELD;
  // Not by t: from the first passing evaluation after it that nothing later overturned.
  const now = s.evaluations.at(-1);
  return now !== undefined && passes(now) ? until("EvaluationPublished", s.evaluations.filter((e) => isBefore(t, e.at) && passes(e)).at(0)) : NEVER;
};
const succeeded = (e: Evaluation): boolean => e.outcome === "success" || e.outcome === "partial";
const supported = (e: Evaluation): boolean =>
  e.method !== undefined && evidenceLevelProblem(e.evidenceLevel, { method: e.method, independentReplications: e.independentReplications }) === undefined;

const coDesign = new Set<string>(coDesignSessionKinds);
// A held co-design session with citizen participation: what G2 asks for.
const coDesignWithCitizens = (x: Session): boolean => isHeld(x) && x.stage === "co_design" && coDesign.has(x.kind) && hasCitizens(x);

// How each requirement stood at a moment `t`, reading only the facts dated by then: a gate decision
// dated `t` relies on exactly that (see the causality rule). At the end of time it is "met now".
const standing: Readonly<Record<Requirement, (s: ProjectState, t: string) => Standing>> = {
  challenge_accepted: (s, t) => (s.accepted !== null && upTo(t)(s.accepted.at) ? HELD : until("ChallengeAccepted", s.accepted)),
  sponsor_committed: (s, t) =>
    some(
      t,
      "EntityJoined",
      [...s.entities.values()].flatMap((m) => {
        const sponsor = m.active ? m.roles.get("sponsor") : undefined;
        return sponsor === undefined ? [] : [sponsor];
      }),
    ),
  citizen_session_closed: (s, t) =>
    some(
      t,
      "SessionClosed",
      [...s.sessions.values()].flatMap((x) => (coDesignWithCitizens(x) && x.closed !== null ? [x.closed] : [])),
    ),
  kpi_with_baseline_and_target: (s, t) =>
    some(
      t,
      "KpiDefined",
      [...s.kpis.values()].map((k) => k.defined),
    ),
  // Every procurement requested by t was settled by t; what settled one after t is what a decision at t lacked.
  procurements_settled: (s, t) => {
    let late: { at: string; eventId: string } | null = null;
    for (const p of s.procurements.values()) {
      if (!upTo(t)(p.requestedAt)) continue;
      if (p.settledAt === null || p.settledEventId === null) return NEVER;
      if (!upTo(t)(p.settledAt) && (late === null || isBefore(late.at, p.settledAt))) late = { at: p.settledAt, eventId: p.settledEventId };
    }
    return late === null ? HELD : until("procurement settled", late);
  },
  // At least one pilot of the stay had started by t, and every one that had was over by t.
  pilot_ended: (s, t) => {
    let startedByT = false;
    let last: { at: string; eventId: string } | null = null;
    let late: { at: string; eventId: string } | null = null;
    for (const p of s.pilots.values()) {
      if (p.endedAt === null || p.endedEventId === null) return NEVER;
      const end = { at: p.endedAt, eventId: p.endedEventId };
      if (last === null || isBefore(last.at, end.at)) last = end;
      if (!upTo(t)(p.startedAt)) continue;
      startedByT = true;
      if (!upTo(t)(end.at) && (late === null || isBefore(late.at, end.at))) late = end;
    }
    if (!startedByT) return until("PilotEnded", last);
    return late === null ? HELD : until("PilotEnded", late);
  },
  evaluation_success_or_partial: (s, t) => latestEvaluationBy(s, t, succeeded),
  evidence_level_supported: (s, t) => latestEvaluationBy(s, t, supported),
  adoption_recorded: (s, t) => some(t, "AdoptionRecorded", s.adoptions),
};

/**
 * How a requirement stood for a project at a moment of business time, reading only the facts dated
 * by then (`{ held: true }`), or which later event made it hold (`until`), or that it does not hold.
 *
 * @example
 * requirementAt(state, "kpi_with_baseline_and_target", "2019-03-01T00:00:00Z")
 * // { held: false, until: { type: "KpiDefined", at: "2019-03-04T…", eventId: "…" } } if the KPI was defined on 4 March
 */
export const requirementAt = (s: ProjectState, requirement: Requirement, at: string): Standing => standing[requirement](s, at);

/**
 * Whether one requirement holds for a project now.
 *
 * @example
 * requirementMet(state, "sponsor_committed") // false once the only sponsor has left
 */
export const requirementMet = (s: ProjectState, requirement: Requirement): boolean => standing[requirement](s, NOW).held;

/** Where a project stands against the gate out of its current stage. */
export interface GateCheck {
  readonly gate: Gate;
  /** Where passing the gate leads. */
  readonly to: Stage | "mainstreamed";
  readonly met: readonly Requirement[];
  readonly missing: readonly Requirement[];
}

/**
 * Check the requirements of the gate out of the project's current stage.
 *
 * @example
 * const { gate, missing } = checkGate(state); // e.g. "G2", ["procurements_settled"]
 */
export const checkGate = (s: ProjectState): GateCheck => {
  const gate = exitGate(s.stage);
  const to = s.stage === "scale" ? "mainstreamed" : transitions.advance[s.stage].to;
  const met: Requirement[] = [];
  const missing: Requirement[] = [];
  for (const r of gateRequirements[gate]) (requirementMet(s, r) ? met : missing).push(r);
  return { gate, to, met, missing };
};

/** The latest gate decision taken during the project's current stay in its stage. */
export const currentDecision = (s: ProjectState): GateDecision | undefined => {
  const span = s.stages.length - 1;
  return s.decisions.findLast((d) => d.span === span);
};

/** Whether the gate out of the current stage was passed (a go or conditional go in this stay) with its requirements met now. */
export const gatePassed = (s: ProjectState): RuleViolation<LabRuleCode> | undefined => {
  const check = checkGate(s);
  const decision = currentDecision(s);
  if (decision?.gate !== check.gate || (decision.outcome !== "go" && decision.outcome !== "conditional_go")) {
    const latest = decision ? `the latest decision at ${decision.gate} is ${decision.outcome}` : `no ${check.gate} decision has been recorded in this stage`;
    return labRule("gate_not_passed", `To leave ${s.stage}, ${check.gate} must be passed with go or conditional_go; ${latest}.`, {
      gate: check.gate,
      latest: decision?.outcome ?? null,
    });
  }
  return missingRequirements(s);
};

/** The gate requirements still missing, as an error naming each one, or nothing. */
export const missingRequirements = (s: ProjectState): RuleViolation<LabRuleCode> | undefined => {
  const { gate, missing } = checkGate(s);
  if (missing.length === 0) return undefined;
  return labRule("gate_requirements_missing", `${gate} cannot be passed yet: ${missing.map((m) => requirementText[m]).join("; ")} — not yet.`, {
    gate,
    missing,
  });
};
