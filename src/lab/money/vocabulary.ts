import * as z from "zod";

/** Where a project's money comes from. */
export const FundingSource = z.enum(["national_budget", "eu_funds", "owner_entity", "partners", "other"]);
/** A funding source. */
export type FundingSource = z.infer<typeof FundingSource>;

/** What money was spent on. */
export const CostCategory = z.enum(["staff", "procurement", "services", "equipment", "travel", "other"]);
/** A cost category. */
export type CostCategory = z.infer<typeof CostCategory>;
