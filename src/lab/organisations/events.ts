import * as z from "zod";
import { defineEvent } from "../../kernel/index.js";
import { DeclineReason, EntityKind, EntityLevel, EntityRole } from "./vocabulary.js";
import { EntityId, Sector, TerritoryCode, Text, ofProject } from "../shared/index.js";

/** An organisation enters the register (stream `entity:<id>`). */
export const EntityRegisteredData = z.strictObject({
  entityId: EntityId,
  name: Text(200).describe("the organisation's name, never a person's"),
  kind: EntityKind,
  level: EntityLevel.optional().describe("public entities only"),
  sector: Sector,
  territory: TerritoryCode.optional().describe("where the organisation sits (its seat)"),
});

/** An organisation joins the project in a role. */
export const EntityJoinedData = z.strictObject({ ...ofProject, entityId: EntityId, role: EntityRole });
/** An organisation leaves the project (every role it held). */
export const EntityLeftData = z.strictObject({ ...ofProject, entityId: EntityId, reason: Text(1000).optional() });
/** An organisation that was asked declines to take part (schema version 1: the reason as free text only). */
export const EntityDeclinedDataV1 = z.strictObject({ ...ofProject, entityId: EntityId, reason: Text(1000) });
/** An organisation that was asked declines to take part (schema version 2: with a reason code, so reluctance can be counted by reason). */
export const EntityDeclinedData = EntityDeclinedDataV1.extend({ reasonCode: DeclineReason });
/** The organisations events with their schemas and versions: its part of the catalogue (`labEvents`). */
export const organisationEvents = {
  EntityRegistered: defineEvent(EntityRegisteredData),
  EntityJoined: defineEvent(EntityJoinedData),
  EntityLeft: defineEvent(EntityLeftData),
  // v1 refusals had free text only; "unspecified" says so rather than guessing a code from the text.
  EntityDeclined: defineEvent(EntityDeclinedData, [
    { schema: EntityDeclinedDataV1, up: (d: z.infer<typeof EntityDeclinedDataV1>) => ({ ...d, reasonCode: "unspecified" as const }) },
  ]),
};
