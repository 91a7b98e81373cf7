import * as z from "zod";
import { defineEvent, Id } from "../../kernel/index.js";
import { EntityId, Money, Text, ofProject } from "../shared/index.js";
import { ProcurementProcedure } from "./vocabulary.js";

/** Goods or services are requested through a procurement procedure. */
export const ProcurementRequestedData = z.strictObject({
  ...ofProject,
  procurementId: Id,
  procedure: ProcurementProcedure,
  description: Text(2000),
  estimatedValue: Money,
});
/** A procurement ends in a contract. */
export const ProcurementContractedData = z.strictObject({ ...ofProject, procurementId: Id, supplierEntityId: EntityId, value: Money });
/** A procurement is called off. */
export const ProcurementCancelledData = z.strictObject({ ...ofProject, procurementId: Id, reason: Text(1000) });
/** The procurement events with their schemas and versions: its part of the catalogue (`labEvents`). */
export const procurementEvents = {
  ProcurementRequested: defineEvent(ProcurementRequestedData),
  ProcurementContracted: defineEvent(ProcurementContractedData),
  ProcurementCancelled: defineEvent(ProcurementCancelledData),
};
