import { permissions, ProjectCommand, type ProjectState } from "../catalogue/index.js";
import { checkGate, type GateCheck, isTerminal } from "../lifecycle/index.js";
import { precondition } from "./preconditions.js";
import type { ActorRole } from "../shared/index.js";

/** The project commands, in catalogue order. */
const projectCommandTypes = ProjectCommand.options.map((o) => o.shape.type.value);

/** What may happen next to a project, and what stands between it and its next stage. */
export interface NextSteps {
  /** Commands whose preconditions hold now (their payload is still checked when issued). */
  allowed: (typeof projectCommandTypes)[number][];
  /** The gate out of the current stage and which requirements are met or missing; null once the project is over. */
  gate: GateCheck | null;
}

/**
 * List the commands allowed now and where the project stands against its next gate, optionally
 * only those a given role may issue. Uses the same checks as `decide`.
 *
 * @example
 * const { allowed, gate } = nextSteps(state, "lab_team");
 * // gate: { gate: "G2", to: "pilot", met: ["kpi_with_baseline_and_target"], missing: ["citizen_session_closed", …] }
 */
export const nextSteps = (state: ProjectState, role?: ActorRole): NextSteps => ({
  allowed: projectCommandTypes.filter(
    (type) => precondition(type, state) === undefined && (role === undefined || (permissions[type] as readonly string[]).includes(role)),
  ),
  gate: !state.submitted || isTerminal(state) ? null : checkGate(state),
});
