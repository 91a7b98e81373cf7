// Money under the dominance rule. An amount summed over projects says little about any one of them,
// unless one or two projects make up nearly all of it: then the amount is, give or take, what the
// largest one spent, and the second largest can work out the largest to within a few percent. Such
// amounts are published at a level where the rule holds — the currency's total — or not at all.
import type { Amounts, FinanceFigures, ProjectMoney, YearAmounts } from "../projections/index.js";
import { isWithheld, type Table, type Value, type Withheld } from "./table.js";

/**
 * The dominance rule for money (the p% rule, p = 10): an amount is dominated when, less its two
 * largest contributions, it is under 10% of the largest — so an amount from one or two projects
 * always is. Nothing (zero) is never dominated.
 *
 * @example
 * dominated([900, 50, 40]); // true: 900 + 50 leave 40, under 10% of 900
 * dominated([400, 300, 300]); // false
 */
export const dominated = (contributions: readonly number[]): boolean => {
  const xs = contributions.filter((x) => x > 0).sort((a, b) => b - a);
  const [x1 = 0, x2 = 0] = xs;
  const total = xs.reduce((s, x) => s + x, 0);
  return total > 0 && total - x1 - x2 < DOMINANCE_P * x1;
};

/** The p of the p% rule: an amount whose rest (less its two largest contributions) is under p × its largest is withheld. */
export const DOMINANCE_P = 0.1;

const WITHHELD: Withheld = { withheld: "dominance" };

type Measure = "budget" | "spent";
type Dimension = "source" | "year" | "category";

/** What is withheld of one currency's money: its total of a measure, or a whole breakdown of it. */
interface Held {
  readonly total: Readonly<Record<Measure, boolean>>;
  readonly breakdown: Readonly<Record<Measure, Readonly<Record<Dimension, boolean>>>>;
}

// A year's two counts (allocated in it, spent in it) as the budget and spent of one line.
const yearAmounts = (a: YearAmounts): Amounts => ({ budget: a.allocatedInYear, spent: a.spentInYear });

// Each project's contribution to one cell of a breakdown.
const cellsOf = (projects: readonly ProjectMoney[], dimension: Dimension, measure: Measure): number[][] => {
  const cells = new Map<string, number[]>();
  for (const p of projects) {
    const amounts: [string, number][] =
      dimension === "category"
        ? measure === "spent"
          ? Object.entries(p.byCategory).map(([k, v]) => [k, v ?? 0])
          : []
        : dimension === "source"
          ? Object.entries<Amounts | undefined>(p.bySource).map(([k, a]) => [k, a?.[measure] ?? 0])
          : Object.entries(p.byYear).map(([k, a]) => [k, yearAmounts(a)[measure]]);
    for (const [k, v] of amounts) cells.set(k, [...(cells.get(k) ?? []), v]);
  }
  return [...cells.values()];
};

// A breakdown with one dominated cell is withheld whole: published beside the total, the others would give it away.
const heldOf = (projects: readonly ProjectMoney[]): Held => {
  const total = (m: Measure) => dominated(projects.map((p) => p[m]));
  const breakdown = (m: Measure) => {
    const held = (d: Dimension) => total(m) || cellsOf(projects, d, m).some(dominated);
    return { source: held("source"), year: held("year"), category: held("category") };
  };
  return { total: { budget: total("budget"), spent: total("spent") }, breakdown: { budget: breakdown("budget"), spent: breakdown("spent") } };
};

/** What the dominance rule withholds, by currency. */
export type MoneyHeld = ReadonlyMap<string, Held>;

/** What the dominance rule withholds of each currency's money. */
export const moneyHeld = (finance: FinanceFigures): MoneyHeld =>
  new Map(Object.keys(finance.byCurrency).map((c) => [c, heldOf(finance.byProject.filter((p) => p.currency === c))]));

// Which amounts of which money table the rule withholds, as where to look in `Held`: a breakdown's
// cells by measure and dimension, or a currency's totals.
type HeldAt = { readonly breakdown: Measure; readonly by: Dimension } | { readonly total: Measure };
const MONEY_CELLS: Readonly<Record<string, Readonly<Record<string, HeldAt>>>> = {
  money: { budget: { breakdown: "budget", by: "source" }, spent: { breakdown: "spent", by: "source" } },
  money_by_year: { allocated_in_year: { breakdown: "budget", by: "year" }, spent_in_year: { breakdown: "spent", by: "year" } },
  spending: { spent: { breakdown: "spent", by: "category" } },
  money_summary: { allocated: { total: "budget" }, spent: { total: "spent" } },
};
const isHeld = (h: Held | undefined, at: HeldAt): boolean => h !== undefined && ("total" in at ? h.total[at.total] : h.breakdown[at.breakdown][at.by]);

/** The tables a dominated amount can be withheld in: the money tables, whose text columns are codes. */
export const MONEY_TABLES: readonly string[] = Object.keys(MONEY_CELLS);

/** A money table with every amount the rule withholds marked withheld (other tables as they are). */
export const withholdMoney = (t: Table, held: MoneyHeld): Table => {
  const cells = MONEY_CELLS[t.id];
  if (cells === undefined) return t;
  const currency = t.columns.findIndex((c) => c.key === "currency");
  const at = t.columns.map((c) => cells[c.key]);
  return {
    ...t,
    rows: t.rows.map((row) => {
      const h = held.get(String(row[currency]));
      return row.map((v, j) => {
        const where = at[j];
        return where !== undefined && isHeld(h, where) ? WITHHELD : v;
      });
    }),
  };
};

/** Budget and spent of one line of a money breakdown, as published, with the share spent (withheld with either). */
export interface PublishedAmounts {
  readonly budget: Value;
  readonly spent: Value;
  readonly spentOfBudget: Value;
}

/** One currency's money as the reports may print it: every amount under the dominance rule, per person from the published people. */
export interface PublishedCurrency {
  readonly currency: string;
  readonly total: PublishedAmounts;
  /** Spent per person involved: from the published (protected) people count; `null` when nobody was. */
  readonly spentPerPersonInvolved: Value;
  readonly overspentBudgets: number;
  readonly byCategory: readonly (readonly [string, Value])[];
  readonly bySource: readonly (readonly [string, PublishedAmounts])[];
  readonly byYear: readonly (readonly [string, PublishedAmounts])[];
}

const amounts = (a: Amounts | undefined, budgetHeld: boolean, spentHeld: boolean): PublishedAmounts => {
  const budget = a?.budget ?? 0;
  const spent = a?.spent ?? 0;
  return {
    budget: budgetHeld ? WITHHELD : budget,
    spent: spentHeld ? WITHHELD : spent,
    spentOfBudget: budgetHeld || spentHeld ? WITHHELD : budget > 0 ? spent / budget : null,
  };
};

// Spent per person, from published values only: withheld with either, nothing when nobody was involved.
const perPerson = (spent: Value, people: Value): Value => {
  if (typeof spent !== "number" || typeof people !== "number") return isWithheld(spent) || isWithheld(people) ? WITHHELD : null;
  return people > 0 ? spent / people : null;
};

/**
 * Each currency's money as the reports may print it: amounts under the dominance rule, and spent
 * per person involved from the published people count (`people`, already protected), never from
 * the exact one.
 */
export const publishedMoney = (finance: FinanceFigures, held: MoneyHeld, people: Value): PublishedCurrency[] =>
  Object.entries(finance.byCurrency).map(([currency, c]) => {
    const h = held.get(currency);
    const b = h?.breakdown;
    const spent = h?.total.spent === true ? WITHHELD : c.spent;
    return {
      currency,
      total: amounts(c, h?.total.budget === true, h?.total.spent === true),
      spentPerPersonInvolved: perPerson(spent, people),
      overspentBudgets: c.overspentBudgets,
      byCategory: Object.entries(c.byCategory).map(([k, v]) => [k, b?.spent.category === true ? WITHHELD : (v ?? 0)] as const),
      bySource: Object.entries(c.bySource).map(([k, a]) => [k, amounts(a, b?.budget.source === true, b?.spent.source === true)] as const),
      byYear: Object.entries(c.byYear).map(([k, a]) => [k, amounts(yearAmounts(a), b?.budget.year === true, b?.spent.year === true)] as const),
    };
  });
