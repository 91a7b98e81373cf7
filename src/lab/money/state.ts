import type * as z from "zod";
import { deepFreeze, type Immutable, PersistentMap } from "../../kernel/index.js";
import type { BudgetAllocatedData, CostRecordedData } from "./events.js";

/** Money set aside for the project. */
export type Budget = Immutable<Pick<z.infer<typeof BudgetAllocatedData>, "source" | "amount" | "fiscalYear"> & { allocatedAt: string }>;
/** Money spent, and the budget it was charged to. */
export type Cost = Immutable<Pick<z.infer<typeof CostRecordedData>, "budgetId" | "category" | "amount"> & { procurementId: string | null; at: string }>;

/**
 * The money's part of a project's state: its budgets and costs, by id. Both grow with the project's
 * events, so they are `PersistentMap`s: recording a cost copies the path to it, not every cost.
 */
export type MoneyState = Immutable<{ budgets: PersistentMap<string, Budget>; costs: PersistentMap<string, Cost> }>;

/** The money's part of a project with no events. */
export const initialMoney: MoneyState = deepFreeze({ budgets: PersistentMap.empty<string, Budget>(), costs: PersistentMap.empty<string, Cost>() });
