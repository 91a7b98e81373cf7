import * as z from "zod";
import { defineEvent, Id } from "../../kernel/index.js";
import { CostCategory, FundingSource } from "./vocabulary.js";
import { Money, Text, ofProject } from "../shared/index.js";

/** Money is set aside for the project from a funding source, for a fiscal year. */
export const BudgetAllocatedData = z.strictObject({
  ...ofProject,
  budgetId: Id,
  source: FundingSource,
  amount: Money,
  fiscalYear: z.int().min(1990, "must be a year such as 2019").max(2100, "must be a year such as 2019"),
  note: Text(500).optional(),
});
/** Money is spent, charged to one of the project's budgets (and, for goods or services bought, the procurement it paid). */
export const CostRecordedData = z.strictObject({
  ...ofProject,
  costId: Id,
  budgetId: Id,
  category: CostCategory,
  amount: Money,
  procurementId: Id.optional(),
  description: Text(1000),
});
/** The money events with their schemas and versions: its part of the catalogue (`labEvents`). */
export const moneyEvents = {
  BudgetAllocated: defineEvent(BudgetAllocatedData),
  CostRecorded: defineEvent(CostRecordedData),
};
