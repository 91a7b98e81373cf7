import type * as z from "zod";
import { deepFreeze, type Immutable, PersistentMap } from "../../kernel/index.js";
import type { ProcurementContractedData, ProcurementRequestedData } from "./events.js";

/** A procurement and how it ended. */
export type Procurement = Immutable<
  Pick<z.infer<typeof ProcurementRequestedData>, "procedure" | "estimatedValue"> & {
    status: "requested" | "contracted" | "cancelled";
    requestedAt: string;
    settledAt: string | null;
    /** The event that contracted or cancelled it. */
    settledEventId: string | null;
    supplierEntityId: string | null;
    value: z.infer<typeof ProcurementContractedData>["value"] | null;
  }
>;

/** The procurements' part of a project's state: a `PersistentMap`, as it grows with the project. */
export type ProcurementState = Immutable<{ procurements: PersistentMap<string, Procurement> }>;

/** The procurements' part of a project with no events. */
export const initialProcurement: ProcurementState = deepFreeze({ procurements: PersistentMap.empty<string, Procurement>() });
