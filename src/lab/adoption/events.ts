import * as z from "zod";
import { defineEvent, Instant } from "../../kernel/index.js";
import { AdoptionStatus, ScaleType } from "./vocabulary.js";
import { Count, EntityId, TerritoryCode, ofProject } from "../shared/index.js";

/** An entity adopts the solution. */
export const AdoptionRecordedData = z.strictObject({
  ...ofProject,
  entityId: EntityId,
  scaleType: ScaleType,
  sites: Count,
  usersCovered: Count,
  territory: TerritoryCode.optional().describe("where the solution was adopted"),
  status: AdoptionStatus.optional().describe("absent in adoptions recorded before statuses were"),
  goLiveAt: Instant.optional().describe("when the solution went live there; required once live"),
});
/** An adoption's status changes (it goes live, is suspended or withdrawn). */
export const AdoptionStatusChangedData = z.strictObject({ ...ofProject, entityId: EntityId, status: AdoptionStatus, goLiveAt: Instant.optional() });
/** The adoption events with their schemas and versions: its part of the catalogue (`labEvents`). */
export const adoptionEvents = {
  AdoptionRecorded: defineEvent(AdoptionRecordedData),
  AdoptionStatusChanged: defineEvent(AdoptionStatusChangedData),
};
