import { evidenceLevelProblem } from "../evidence.js";
import { isBefore } from "../../kernel/index.js";
import type { ProjectState, Session } from "../state.js";
import { exitGate, transitions } from "../transitions.js";
import { type Gate, SessionKind, type Stage } from "../vocabulary.js";

/** The named requirements of each gate (DESIGN §3). */
export const gateRequirements = {
  G1: ["challenge_accepted", "sponsor_committed"],
  // Every gate re-checks the sponsor: a project whose sponsor has left goes no further.
  G2: ["sponsor_committed", "citizen_session_closed", "kpi_with_baseline_and_target", "procurements_settled"],
  G3: ["sponsor_committed", "pilot_ended", "evaluation_success_or_partial", "evidence_level_supported"],
  G4: ["sponsor_committed", "adoption_recorded"],
} as const satisfies Record<Gate, readonly string[]>;

/** The name of one gate requirement. */
export type Requirement = (typeof gateRequirements)[Gate][number];

/**
 * The session kinds that make a closed session count as co-design for G2: every kind but a
 * training, which builds civil servants' capacity and involves no citizen in designing anything.
 */
export const coDesignSessionKinds = SessionKind.exclude(["training"]).options;

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

const earliest = (times: Iterable<string>): string | null => {
  let out: string | null = null;
  for (const t of times) if (out === null || isBefore(t, out)) out = t;
  return out;
};
const latest = (times: Iterable<string>): string | null => {
  let out: string | null = null;
  for (const t of times) if (out === null || isBefore(out, t)) out = t;
  return out;
};
const withCitizens = (x: Session): boolean => [...x.attendees.values()].includes("citizen") || (x.headcount?.citizens ?? 0) > 0;
const coDesign = new Set<string>(coDesignSessionKinds);
const sponsorSince = (s: ProjectState): string[] =>
  [...s.entities.values()].flatMap((m) => {
    const t = m.active ? m.roles.get("sponsor") : undefined;
    return t === undefined ? [] : [t];
  });

// Since when each requirement has held, in business time, or null while it does not: a gate
// decision cannot be dated before what it relies on (see the causality rule).
const since: Readonly<Record<Requirement, (s: ProjectState) => string | null>> = {
  challenge_accepted: (s) => s.acceptedAt,
  sponsor_committed: (s) => earliest(sponsorSince(s)),
  citizen_session_closed: (s) =>
    earliest(
      [...s.sessions.values()].flatMap((x) =>
        x.status === "closed" && x.closedAt !== null && x.stage === "co_design" && coDesign.has(x.kind) && withCitizens(x) ? [x.closedAt] : [],
      ),
    ),
  kpi_with_baseline_and_target: (s) => earliest([...s.kpis.values()].map((k) => k.definedAt)),
  // Settled since the last settlement; with nothing requested, since the stay began.
  procurements_settled: (s) => {
    const settled: string[] = [];
    for (const p of s.procurements.values()) {
      if (p.settledAt === null) return null;
      settled.push(p.settledAt);
    }
    return latest(settled) ?? s.stageEnteredAt;
  },
  pilot_ended: (s) => {
    const ended: string[] = [];
    for (const p of s.pilots.values()) {
      if (p.endedAt === null) return null;
      ended.push(p.endedAt);
    }
    return latest(ended);
  },
  evaluation_success_or_partial: (s) => {
    const last = s.evaluations.at(-1);
    return last !== undefined && (last.outcome === "success" || last.outcome === "partial") ? last.at : null;
  },
  evidence_level_supported: (s) => {
    const last = s.evaluations.at(-1);
    if (last?.method === undefined) return null;
    return evidenceLevelProblem(last.evidenceLevel, { method: last.method, independentReplications: last.independentReplications }) === undefined
      ? last.at
      : null;
  },
  adoption_recorded: (s) => earliest(s.adoptions.map((a) => a.at)),
};

/**
 * Since when a requirement has held for a project, in business time, or null while it does not.
 *
 * @example
 * requirementSince(state, "sponsor_committed") // "2019-02-01T00:00:00Z": when the sponsor joined
 */
export const requirementSince = (s: ProjectState, requirement: Requirement): string | null => since[requirement](s);

/**
 * Whether one requirement holds for a project now.
 *
 * @example
 * requirementMet(state, "sponsor_committed") // false once the only sponsor has left
 */
export const requirementMet = (s: ProjectState, requirement: Requirement): boolean => since[requirement](s) !== null;

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
