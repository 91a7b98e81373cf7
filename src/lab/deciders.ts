import { combine, type Decider } from "../kernel/index.js";
import { EntityCommand, ParticipantCommand, ProjectCommand } from "./commands.js";
import { decideProject } from "./decide-project.js";
import { decideEntity, decideParticipant } from "./decide-register.js";
import { type EntityEvent, entityEvents, type ParticipantEvent, participantEvents, type ProjectEvent, projectEvents } from "./events.js";
import { evolveEntity, evolveParticipant, evolveProject } from "./evolve.js";
import { type LabContext, LabContextSchema } from "./register.js";
import {
  type EntityState,
  initialEntityState,
  initialParticipantState,
  initialProjectState,
  type ParticipantState,
  type ProjectState,
} from "./state.js";

/**
 * The innovation-project decider (streams `project:<id>`). Its context carries the register
 * (`LabContext`): which organisations exist and which participants were forgotten.
 *
 * @example
 * const r = await handle(store, projectDecider, { type: "AcceptChallenge", projectId: "p-1" }, { ...ctx, register: labRegister(events) });
 */
export const projectDecider: Decider<ProjectCommand, ProjectState, ProjectEvent, LabContext> = {
  commandSchema: ProjectCommand,
  contextSchema: LabContextSchema,
  events: projectEvents,
  streamOf: (c) => `project:${c.projectId}`,
  initialState: initialProjectState,
  decide: decideProject,
  evolve: evolveProject,
};

/** The organisation register's decider (streams `entity:<id>`). */
export const entityDecider: Decider<EntityCommand, EntityState, EntityEvent> = {
  commandSchema: EntityCommand,
  events: entityEvents,
  streamOf: (c) => `entity:${c.entityId}`,
  initialState: initialEntityState,
  decide: decideEntity,
  evolve: evolveEntity,
};

/** The erasure decider (streams `participant:<ref>`). */
export const participantDecider: Decider<ParticipantCommand, ParticipantState, ParticipantEvent> = {
  commandSchema: ParticipantCommand,
  events: participantEvents,
  streamOf: (c) => `participant:${c.participantRef}`,
  initialState: initialParticipantState,
  decide: decideParticipant,
  evolve: evolveParticipant,
};

/**
 * The whole lab: project, entity and participant deciders combined. Any lab command can be handled
 * through it; its state holds each part's state under `project`, `entity` and `participant`.
 *
 * @example
 * const r = await handle(store, labDecider, { type: "RegisterEntity", entityId: "ama", name: "AMA", kind: "public", level: "national", sector: "digital_services" }, ctx);
 */
export const labDecider = combine({ project: projectDecider, entity: entityDecider, participant: participantDecider });
