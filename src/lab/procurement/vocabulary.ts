import * as z from "zod";

/** Public procurement procedures. */
export const ProcurementProcedure = z.enum(["direct", "consultation", "open", "pre_commercial", "innovation_partnership"]);
/** A procurement procedure. */
export type ProcurementProcedure = z.infer<typeof ProcurementProcedure>;
