import * as z from "zod";
import { adoptionCommands } from "../adoption/index.js";
import { evaluationCommands, kpiCommands } from "../evidence/index.js";
import { governanceCommands, intakeCommands } from "../lifecycle/index.js";
import { moneyCommands } from "../money/index.js";
import { organisationsCommands } from "../organisations/index.js";
import { pilotsCommands } from "../pilots/index.js";
import { privacyCommands } from "../privacy/index.js";
import { procurementCommands } from "../procurement/index.js";
import { sessionsCommands } from "../sessions/index.js";

const [RegisterEntity, ...projectOrganisations] = organisationsCommands;

/**
 * Commands on project streams: each slice's, in the order a project meets them (intake, the
 * organisations, gates and pauses, sessions, procurement, money, KPIs, pilots and their evaluation,
 * adoption). Generators draw commands in this order, so it is kept stable.
 */
export const ProjectCommand = z.discriminatedUnion("type", [
  ...intakeCommands,
  ...projectOrganisations,
  ...governanceCommands,
  ...sessionsCommands,
  ...procurementCommands,
  ...moneyCommands,
  ...kpiCommands,
  ...pilotsCommands,
  ...evaluationCommands,
  ...adoptionCommands,
]);
/** A command on a project stream. */
export type ProjectCommand = z.infer<typeof ProjectCommand>;

/** Commands on entity streams. */
export const EntityCommand = z.discriminatedUnion("type", [RegisterEntity]);
/** A command on an entity stream. */
export type EntityCommand = z.infer<typeof EntityCommand>;

/** Commands on participant streams. */
export const ParticipantCommand = z.discriminatedUnion("type", [...privacyCommands]);
/** A command on a participant stream. */
export type ParticipantCommand = z.infer<typeof ParticipantCommand>;

/** Every command of the lab. */
export const LabCommand = z.discriminatedUnion("type", [ProjectCommand, EntityCommand, ParticipantCommand]);
/** Any command of the lab. */
export type LabCommand = z.infer<typeof LabCommand>;
/** The name of a command. */
export type CommandType = LabCommand["type"];
