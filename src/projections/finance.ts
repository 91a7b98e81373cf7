import type { Budget, Cost, CostCategory, FundingSource, KpiChange, Sector } from "../lab/index.js";
import { yearOf } from "./background.js";
import type { KpiFigure } from "./impact.js";

// Amounts are kept apart by currency and never converted: a lab that mixes currencies gets one
// set of totals per currency, not a sum that means nothing.

/** Money allocated and spent. */
export interface Amounts {
  budget: number;
  spent: number;
}

/** One year's money: allocated in that year (budgets by their fiscal year) and spent in that year (costs by when they occurred). */
export interface YearAmounts {
  /** Budgets whose fiscal year is this year. */
  allocatedInYear: number;
  /** Costs that occurred in this year, whichever budget they were charged to. */
  spentInYear: number;
}

/** Every money figure in one currency. */
export interface CurrencyFigures extends Amounts {
  /** By the funding source of the budget (a cost counts under its budget's source). */
  bySource: Partial<Record<FundingSource, Amounts>>;
  /**
   * By year, two different counts side by side: budgets by the fiscal year they were allocated for,
   * costs by the year they were spent. Money allocated for 2019 may be spent in 2020, so a year's
   * spent over its allocated is not a share of anything.
   */
  byYear: Record<string, YearAmounts>;
  /** By the project's sector. */
  bySector: Partial<Record<Sector, Amounts>>;
  /** Spent, by category. */
  byCategory: Partial<Record<CostCategory, number>>;
  /**
   * Spent per person, over the people of the projects that spent in this currency: spent / the
   * distinct people who took part in those projects (each person once, whatever the number of
   * projects), null when nobody took part in them. Never over the whole lab's people: a project
   * paid in dollars says nothing of the people of a project paid in euros.
   */
  spentPerPerson: { projects: number; people: number; amount: number | null };
  /** Budgets whose costs exceed what they hold (recorded, not refused: the money was spent). */
  overspentBudgets: number;
}

/** One project's money in one currency: what the dominance rule weighs each project's share of a published amount by. */
export interface ProjectMoney extends Amounts {
  projectId: string;
  currency: string;
  /** By the funding source of the budget. */
  bySource: Partial<Record<FundingSource, Amounts>>;
  /** Budgets by fiscal year, costs by the year they occurred: two counts side by side (see `CurrencyFigures.byYear`). */
  byYear: Record<string, YearAmounts>;
  /** Spent, by category. */
  byCategory: Partial<Record<CostCategory, number>>;
}

type Breakdown = Amounts & Pick<ProjectMoney, "bySource" | "byYear" | "byCategory">;

/**
 * A KPI that measures a cost or a time and should fall: what one unit of service saves, against the
 * comparison group when the latest measurement has one, otherwise against the baseline.
 */
export interface Saving {
  projectId: string;
  kpiId: string;
  unit: string;
  /** What the actual is set against: the comparison group's value over the same period, or the baseline. */
  against: "comparison" | "baseline";
  /**
   * reference − actual, in the KPI's unit, per unit of service (a request, a case): positive when
   * the cost or time is below the reference; negative when it is above — a loss, not a saving.
   */
  perUnit: number;
  /** perUnit / reference; null when the reference is 0. */
  relative: number | null;
  /** `improvement` when it fell below the reference, `worsening` when it rose above it (a negative saving). */
  change: KpiChange;
}

/** The money figures. */
export interface FinanceFigures {
  /** By currency (ISO 4217 code). */
  byCurrency: Record<string, CurrencyFigures>;
  byProject: ProjectMoney[];
  /**
   * Savings where a KPI measures cost or service time and should decrease: per unit of service,
   * the comparison group's value (or the baseline) − the latest actual. The log records no volumes,
   * so no total saving is claimed.
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

const inYear = (r: Record<string, YearAmounts>, year: string, what: keyof YearAmounts, amount: number): void => {
  (r[year] ??= { allocatedInYear: 0, spentInYear: 0 })[what] += amount;
};

const emptyCurrency = (): CurrencyFigures => ({
  budget: 0,
  spent: 0,
  bySource: {},
  byYear: {},
  bySector: {},
  byCategory: {},
  spentPerPerson: { projects: 0, people: 0, amount: null },
  overspentBudgets: 0,
});

const emptyBreakdown = (): Breakdown => ({ budget: 0, spent: 0, bySource: {}, byYear: {}, byCategory: {} });

// A budget counts by its source and fiscal year; a cost by its budget's source (a cost whose budget
// is unknown counts in no source), the year it occurred and its category.
const allocate = (t: Breakdown, b: Budget): void => {
  t.budget += b.amount.amount;
  add(t.bySource, b.source, b.amount.amount, 0);
  inYear(t.byYear, String(b.fiscalYear), "allocatedInYear", b.amount.amount);
};
const charge = (t: Breakdown, c: Cost, source: FundingSource | undefined): void => {
  t.spent += c.amount.amount;
  if (source !== undefined) add(t.bySource, source, 0, c.amount.amount);
  inYear(t.byYear, yearOf(c.at), "spentInYear", c.amount.amount);
  t.byCategory[c.category] = (t.byCategory[c.category] ?? 0) + c.amount.amount;
};

const sortedKeys = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * Budget and spend by currency, source, year, sector and category; each project's totals; savings
 * per unit of service where a KPI measures cost or time.
 *
 * @example
 * const f = computeFigures(events);
 * if (f.ok) console.log(f.value.finance.byCurrency.EUR?.spentPerPerson); // { projects, people, amount }
 */
export const financeFigures = (
  ledgers: Iterable<ProjectLedger>,
  peopleOf: (projectIds: readonly string[]) => number,
  kpis: readonly KpiFigure[],
): FinanceFigures => {
  const byCurrency: Record<string, CurrencyFigures> = {};
  const byProject: ProjectMoney[] = [];
  const spenders = new Map<string, string[]>();
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
    for (const [currency, x] of Object.entries(mine)) {
      byProject.push({ projectId: p.projectId, currency, ...x, byYear: sortedKeys(x.byYear) });
      if (x.spent > 0) spenders.set(currency, [...(spenders.get(currency) ?? []), p.projectId]);
    }
  }
  for (const [currency, f] of Object.entries(byCurrency)) {
    const projects = spenders.get(currency) ?? [];
    const people = peopleOf(projects);
    f.spentPerPerson = { projects: projects.length, people, amount: people === 0 ? null : f.spent / people };
    f.byYear = sortedKeys(f.byYear);
  }
  // A saving is the KPI's effect read the other way round: what fell, against the same reference.
  const savings = kpis.flatMap(({ projectId, kpiId, unit, category, direction, effect: e }) =>
    (category === "cost" || category === "service_time") && direction === "decrease" && e !== null
      ? [{ projectId, kpiId, unit, against: e.against, perUnit: -e.difference + 0, relative: e.relative === null ? null : -e.relative + 0, change: e.change }]
      : [],
  );
  return {
    byCurrency: sortedKeys(byCurrency),
    byProject: byProject.sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : a.currency < b.currency ? -1 : 1)),
    savings,
  };
};
