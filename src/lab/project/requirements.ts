import { evidenceLevelProblem } from "../evidence.js";
import type { ProjectState } from "../state.js";
import { exitGate, transitions } from "../transitions.js";
import type { Gate, Stage } from "../vocabulary.js";

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

/** What a person needs to know about a requirement. */
export const requirementText: Readonly<Record<Requirement, string>> = {
  challenge_accepted: "the challenge has been accepted",
  sponsor_committed: "a registered public entity has joined as sponsor and not left",
  citizen_session_closed: "at least one co-design session with citizen participation has been closed",
  kpi_with_baseline_and_target: "at least one KPI is defined with a baseline and a target",
  procurements_settled: "every requested procurement is contracted or cancelled",
  pilot_ended: "every pilot of the stay in pilot has ended",
  evaluation_success_or_partial: "the latest evaluation's outcome is success or partial",
  evidence_level_supported: "the latest evaluation names its method, and its method supports the evidence level it claims",
  adoption_recorded: "at least one adoption is recorded",
};

const checks: Readonly<Record<Requirement, (s: ProjectState) => boolean>> = {
  challenge_accepted: (s) => s.accepted,
  sponsor_committed: (s) => [...s.entities.values()].some((m) => m.active && m.roles.includes("sponsor")),
  citizen_session_closed: (s) =>
    [...s.sessions.values()].some(
      (x) => x.status === "closed" && x.stage === "co_design" && ([...x.attendees.values()].includes("citizen") || (x.headcount?.citizens ?? 0) > 0),
    ),
  kpi_with_baseline_and_target: (s) => s.kpis.size > 0,
  procurements_settled: (s) => [...s.procurements.values()].every((p) => p.status !== "requested"),
  pilot_ended: (s) => s.pilots.size > 0 && [...s.pilots.values()].every((p) => p.endedAt !== null),
  evaluation_success_or_partial: (s) => {
    const latest = s.evaluations.at(-1)?.outcome;
    return latest === "success" || latest === "partial";
  },
  evidence_level_supported: (s) => {
    const latest = s.evaluations.at(-1);
    return (
      latest?.method !== undefined &&
      evidenceLevelProblem(latest.evidenceLevel, { method: latest.method, independentReplications: latest.independentReplications }) === undefined
    );
  },
  adoption_recorded: (s) => s.adoptions.length > 0,
};

/**
 * Whether one requirement holds for a project now.
 *
 * @example
 * requirementMet(state, "sponsor_committed") // false once the only sponsor has left
 */
export const requirementMet = (s: ProjectState, requirement: Requirement): boolean => checks[requirement](s);

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
