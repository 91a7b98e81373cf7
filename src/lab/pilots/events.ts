import * as z from "zod";
import { defineEvent, Id, Instant } from "../../kernel/index.js";
import { EntityId, TerritoryCode, ofProject } from "../shared/index.js";

/** A pilot starts at some sites with some entities; several may run at once, each named by its `pilotId`. */
export const PilotStartedData = z.strictObject({
  ...ofProject,
  pilotId: Id.optional().describe("names the pilot when a project runs several; absent for a project's only pilot"),
  sites: z.int().min(1).max(100_000),
  entityIds: z.array(EntityId).min(1).max(500),
  plannedEnd: Instant,
  territory: TerritoryCode.optional().describe("where the pilot runs"),
});
/** A pilot ends: the one it names, or the only one running. */
export const PilotEndedData = z.strictObject({ ...ofProject, pilotId: Id.optional() });
/** The pilots events with their schemas and versions: its part of the catalogue (`labEvents`). */
export const pilotEvents = {
  PilotStarted: defineEvent(PilotStartedData),
  PilotEnded: defineEvent(PilotEndedData),
};
