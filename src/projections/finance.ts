import type { Budget, Cost, CostCategory, FundingSource, Sector } from "../lab/index.js";
import { yearOf } from "./background.js";
import type { KpiFigure } from "./impact.js";

// Amounts are kept apart by currency and never converted: a lab that mixes currencies gets one
// set of totals per currency, not a sum that means nothing.

/** Money allocated and spent. */
export interface Amounts {
  budget: number;
  spent: number;
}

/** Every money figure in one currency. */
export interface CurrencyFigures extends Amounts {
  /** By the funding source of the budget (a cost counts under its budget's source). */
  bySource: Partial<Record<FundingSource, Amounts>>;
  /** Budgets by fiscal year, costs by the year they occurred. */
  byYear: Record<string, Amounts>;
  /** By the project's sector. */
  bySector: Partial<Record<Sector, Amounts>>;
  /** Spent, by category. */
  byCategory: Partial<Record<CostCategory, number>>;
  /** Spent / distinct people involved (the headline's "people involved in any role"); null when nobody was. */
  spentPerPersonInvolved: number | null;
  /** Budgets whose costs exceed what they hold (recorded, not refused: the money was spent). */
  overspentBudgets: number;
}

/** One project's money in one currency: what the dominance rule weighs each project's share of a published amount by. */
export interface ProjectMoney extends Amounts {
  projectId: string;
  currency: string;
  /** By the funding source of the budget. */
  bySource: Partial<Record<FundingSource, Amounts>>;
  /** Budgets by fiscal year, costs by the year they occurred. */
  byYear: Record<string, Amounts>;
  /** Spent, by category. */
  byCategory: Partial<Record<CostCategory, number>>;
}

type Breakdown = Amounts & Pick<ProjectMoney, "bySource" | "byYear" | "byCategory">;

/** A KPI that measures a cost or a time and should fall: what one unit of service saves. */
export interface Saving {
  projectId: string;
  kpiId: string;
  unit: string;
  /** baseline − actual, in the KPI's unit, per unit of service (a request, a case): positive when it fell. */
  perUnit: number;
  /** (baseline − actual) / baseline; null when the baseline is 0. */
  relative: number | null;
}

/** The money figures. */
export interface FinanceFigures {
  /** By currency (ISO 4217 code). */
  byCurrency: Record<string, CurrencyFigures>;
  byProject: ProjectMoney[];
  /**
   * Savings where a KPI measures cost or service time and should decrease: per unit of service,
   * baseline − latest actual. The log records no volumes, so no total saving is claimed.
   */
  savings: Saving[];
}

/** One project's money, as the portfolio keeps it. */
export interface ProjectLedger {
  readonly projectId: string;
  readonly sector: Sector;
  readonly budgets: ReadonlyMap<string, Budget>;
  readonly costs: ReadonlyMap<string, Cost>;
}

const add = <K extends string>(r: Partial<Record<K, Amounts>>, key: K, budget: number, spent: number): void => {
  const x = (r[key] ??= { budget: 0, spent: 0 });
  x.budget += budget;
  x.spent += spent;
};

const emptyCurrency = (): CurrencyFigures => ({
  budget: 0,
  spent: 0,
  bySource: {},
  byYear: {},
  bySector: {},
  byCategory: {},
  spentPerPersonInvolved: null,
  overspentBudgets: 0,
});

const emptyBreakdown = (): Breakdown => ({ budget: 0, spent: 0, bySource: {}, byYear: {}, byCategory: {} });

// A budget counts by its source and fiscal year; a cost by its budget's source (a cost whose budget
// is unknown counts in no source), the year it occurred and its category.
const allocate = (t: Breakdown, b: Budget): void => {
  t.budget += b.amount.amount;
  add(t.bySource, b.source, b.amount.amount, 0);
  add(t.byYear, String(b.fiscalYear), b.amount.amount, 0);
};
const charge = (t: Breakdown, c: Cost, source: FundingSource | undefined): void => {
  t.spent += c.amount.amount;
  if (source !== undefined) add(t.bySource, source, 0, c.amount.amount);
  add(t.byYear, yearOf(c.at), 0, c.amount.amount);
  t.byCategory[c.category] = (t.byCategory[c.category] ?? 0) + c.amount.amount;
};

const sortedKeys = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * Budget and spend by currency, source, year, sector and category; each project's totals; savings
 * per unit of service where a KPI measures cost or time.
 *
 * @example
 * const f = computeFigures(events);
 * if (f.ok) console.log(f.value.finance.byCurrency.EUR?.spentPerPersonInvolved);
 */
export const financeFigures = (ledgers: Iterable<ProjectLedger>, peopleInvolved: number, kpis: readonly KpiFigure[]): FinanceFigures => {
  const byCurrency: Record<string, CurrencyFigures> = {};
  const byProject: ProjectMoney[] = [];
  for (const p of ledgers) {
    const mine: Record<string, Breakdown> = {};
    const charged = new Map<string, number>();
    for (const b of p.budgets.values()) {
      const f = (byCurrency[b.amount.currency] ??= emptyCurrency());
      add(f.bySector, p.sector, b.amount.amount, 0);
      for (const t of [f, (mine[b.amount.currency] ??= emptyBreakdown())]) allocate(t, b);
    }
    for (const c of p.costs.values()) {
      const f = (byCurrency[c.amount.currency] ??= emptyCurrency());
      add(f.bySector, p.sector, 0, c.amount.amount);
      for (const t of [f, (mine[c.amount.currency] ??= emptyBreakdown())]) charge(t, c, p.budgets.get(c.budgetId)?.source);
      charged.set(c.budgetId, (charged.get(c.budgetId) ?? 0) + c.amount.amount);
    }
    for (const [id, b] of p.budgets) {
      const f = byCurrency[b.amount.currency];
      if (f && (charged.get(id) ?? 0) > b.amount.amount) f.overspentBudgets++;
    }
    for (const [currency, x] of Object.entries(mine)) byProject.push({ projectId: p.projectId, currency, ...x, byYear: sortedKeys(x.byYear) });
  }
  for (const f of Object.values(byCurrency)) {
    f.spentPerPersonInvolved = peopleInvolved === 0 ? null : f.spent / peopleInvolved;
    f.byYear = sortedKeys(f.byYear);
  }
  const savings = kpis
    .filter((k) => (k.category === "cost" || k.category === "service_time") && k.direction === "decrease" && k.actual !== null)
    .map((k) => {
      const perUnit = k.baseline - (k.actual ?? k.baseline);
      return { projectId: k.projectId, kpiId: k.kpiId, unit: k.unit, perUnit, relative: k.baseline === 0 ? null : perUnit / k.baseline };
    });
  return {
    byCurrency: sortedKeys(byCurrency),
    byProject: byProject.sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : a.currency < b.currency ? -1 : 1)),
    savings,
  };
};
