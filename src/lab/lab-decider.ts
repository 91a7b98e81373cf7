import { combine, type Decider } from "../kernel/index.js";
import type { LabCommand, LabEvent, LabRuleCode, ProjectState } from "./catalogue/index.js";
import type { EntityState } from "./organisations/index.js";
import type { ParticipantState } from "./privacy/index.js";
import { entityDecider, participantDecider, projectDecider } from "./project/index.js";
import type { LabContext } from "./register.js";

/** The state of the whole lab's decider: each part's state of the stream a command addresses. */
export interface LabDeciderState {
  readonly project: ProjectState;
  readonly entity: EntityState;
  readonly participant: ParticipantState;
}

/** The type of the whole lab's decider: any lab command in, lab events out, with the lab's context. */
export interface LabDecider extends Decider<LabCommand, LabDeciderState, LabEvent, LabContext, LabRuleCode> {}

/**
 * The whole lab: project, entity and participant deciders combined. Any lab command can be handled
 * through it; its state holds each part's state under `project`, `entity` and `participant`.
 *
 * @example
 * const ama = { entityId: "ama", name: "AMA", kind: "public", level: "national", sector: "digital_services" } as const;
 * const r = await handle(store, labDecider, { type: "RegisterEntity", ...ama }, ctx);
 */
export const labDecider: LabDecider = combine({ project: projectDecider, entity: entityDecider, participant: participantDecider });
