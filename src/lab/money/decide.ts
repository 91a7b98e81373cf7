import type { Draft } from "immer";
import type { Envelope } from "../../kernel/index.js";
import type { ProjectEvent } from "../catalogue/index.js";
import type { Budget, Cost } from "./state.js";
import { dataOf, emit, type Evolvers, type Handlers, refuse, type Whens } from "../shared/index.js";

/** The events that move money: a budget allocated, a cost recorded. */
export type MoneyEvent = Extract<ProjectEvent, { type: "BudgetAllocated" | "CostRecorded" }>;

/**
 * Money: budgets allocated once each, costs recorded once each against a budget of the same
 * currency (amounts are never converted). A cost beyond what its budget holds is recorded, not
 * refused — the money was spent — and the figures report the overspend.
 */
export const moneyHandlers: Handlers<"AllocateBudget" | "RecordCost"> = {
  AllocateBudget: (c, s, _ctx, at) => {
    if (s.budgets.has(c.budgetId)) return refuse("budget_exists", `Budget ${c.budgetId} has already been allocated.`, { budgetId: c.budgetId });
    return emit(at, { type: "BudgetAllocated", data: dataOf(c) });
  },
  RecordCost: (c, s, _ctx, at) => {
    if (s.costs.has(c.costId)) return refuse("cost_exists", `Cost ${c.costId} has already been recorded.`, { costId: c.costId });
    const budget = s.budgets.get(c.budgetId);
    if (!budget) return refuse("budget_not_found", `No budget ${c.budgetId} has been allocated to this project; allocate it first.`, { budgetId: c.budgetId });
    if (budget.amount.currency !== c.amount.currency) {
      return refuse(
        "currency_mismatch",
        `Budget ${c.budgetId} is in ${budget.amount.currency}; record the cost in ${budget.amount.currency} (amounts are never converted).`,
        { budgetId: c.budgetId, budgetCurrency: budget.amount.currency, currency: c.amount.currency },
      );
    }
    if (c.procurementId !== undefined && !s.procurements.has(c.procurementId)) {
      return refuse("procurement_not_found", `No procurement ${c.procurementId} has been requested in this project.`, { procurementId: c.procurementId });
    }
    return emit(at, { type: "CostRecorded", data: dataOf(c) });
  },
};

/**
 * Keep a project's budgets and costs (a recipe). The project's own state (PersistentMaps) and the
 * portfolio projection (Maps) both run it: each write assigns what `set` returns, right for both.
 *
 * @example
 * const draft = { budgets: new Map(), costs: new Map() } as Draft<{ budgets: Map<string, Budget>; costs: Map<string, Cost> }>;
 * for (const e of history) if (e.type === "BudgetAllocated" || e.type === "CostRecorded") evolveMoney(draft, e);
 */
export const evolveMoney = (s: Draft<{ budgets: Map<string, Budget>; costs: Map<string, Cost> }>, e: Envelope<MoneyEvent>): void => {
  switch (e.type) {
    case "BudgetAllocated":
      s.budgets = s.budgets.set(e.data.budgetId, { source: e.data.source, amount: e.data.amount, fiscalYear: e.data.fiscalYear, allocatedAt: e.occurredAt });
      return;
    case "CostRecorded":
      s.costs = s.costs.set(e.data.costId, {
        budgetId: e.data.budgetId,
        category: e.data.category,
        amount: e.data.amount,
        procurementId: e.data.procurementId ?? null,
        at: e.occurredAt,
      });
      return;
    default: {
      const never: never = e;
      return never;
    }
  }
};

/** Budgets and costs, by id. */
export const moneyEvolvers: Evolvers<MoneyEvent["type"]> = { BudgetAllocated: evolveMoney, CostRecorded: evolveMoney };

/** Money moves while a project is paused too. */
export const moneyWhen: Whens<"AllocateBudget" | "RecordCost"> = { AllocateBudget: { whilePaused: true }, RecordCost: { whilePaused: true } };
