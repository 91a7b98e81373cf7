import { describe, expect, it } from "vitest";
import { computeFigures } from "../../src/index.js";
import { must } from "../../src/testing/index.js";
import { day } from "../lab/fixtures.js";
import { on, twoSectors } from "./builder.js";

// Money, counted by hand in the comments. Day 0 is 1 January 2018; day 400 falls in 2019.
const A = on("pa");
const B = on("pb");
const log = () =>
  twoSectors()
    .on(1, A.accept())
    .on(1, B.accept())
    .on(2, A.budget("b1", "national_budget", 100_000, 2018))
    .on(3, A.budget("b2", "eu_funds", 50_000, 2019))
    .on(3, B.budget("b1", "owner_entity", 20_000, 2018, "USD"))
    .on(5, A.schedule("s1", day(6)))
    .on(
      6,
      A.attend("s1", [
        ["0123456789abcdef0123456789abcdef", "citizen"],
        ["fedcba9876543210fedcba9876543210", "citizen"],
      ]),
    )
    .on(7, A.close("s1"))
    .on(8, A.kpi("k1", "decrease", 30, 5))
    .on(10, A.cost("c1", "b1", "staff", 30_000))
    .on(20, A.cost("c3", "b1", "services", 80_000))
    .on(30, B.cost("c1", "b1", "equipment", 4_000, "USD"))
    .on(31, A.measure("k1", 12, day(30)))
    .on(400, A.cost("c2", "b2", "travel", 5_000));

describe("money figures", () => {
  const f = must(computeFigures(log().events)).finance;
  it("totals by currency, never converted", () => {
    // EUR: 100,000 + 50,000 allocated; 30,000 + 80,000 + 5,000 spent. USD: 20,000 and 4,000.
    expect(f.byCurrency.EUR).toMatchObject({ budget: 150_000, spent: 115_000 });
    expect(f.byCurrency.USD).toMatchObject({ budget: 20_000, spent: 4_000 });
  });
  it("by source, by year (budgets by fiscal year, costs by when they occurred), by sector and category", () => {
    expect(f.byCurrency.EUR?.bySource).toEqual({ national_budget: { budget: 100_000, spent: 110_000 }, eu_funds: { budget: 50_000, spent: 5_000 } });
    expect(f.byCurrency.EUR?.byYear).toEqual({ "2018": { budget: 100_000, spent: 110_000 }, "2019": { budget: 50_000, spent: 5_000 } });
    expect(f.byCurrency.EUR?.bySector).toEqual({ health: { budget: 150_000, spent: 115_000 } });
    expect(f.byCurrency.USD?.bySector).toEqual({ justice: { budget: 20_000, spent: 4_000 } });
    expect(f.byCurrency.EUR?.byCategory).toEqual({ staff: 30_000, services: 80_000, travel: 5_000 });
  });
  it("per person involved, and budgets overspent", () => {
    // Two distinct people involved: 115,000 / 2 and 4,000 / 2. b1 of pa holds 100,000 and was charged 110,000.
    expect(f.byCurrency.EUR).toMatchObject({ spentPerPersonInvolved: 57_500, overspentBudgets: 1 });
    expect(f.byCurrency.USD).toMatchObject({ spentPerPersonInvolved: 2_000, overspentBudgets: 0 });
  });
  it("each project's totals, and its own breakdowns (what the dominance rule weighs): they add up to the currency's", () => {
    expect(f.byProject).toMatchObject([
      { projectId: "pa", currency: "EUR", budget: 150_000, spent: 115_000 },
      { projectId: "pb", currency: "USD", budget: 20_000, spent: 4_000 },
    ]);
    const pa = f.byProject[0];
    expect(pa?.bySource).toEqual({ eu_funds: { budget: 50_000, spent: 5_000 }, national_budget: { budget: 100_000, spent: 110_000 } });
    expect(pa?.byCategory).toEqual({ services: 80_000, staff: 30_000, travel: 5_000 });
    // One EUR project: its breakdowns are the currency's.
    expect(pa?.bySource).toEqual(f.byCurrency.EUR?.bySource);
    expect(pa?.byYear).toEqual(f.byCurrency.EUR?.byYear);
    expect(pa?.byCategory).toEqual(f.byCurrency.EUR?.byCategory);
  });
  it("savings per unit where a time or cost KPI should fall: baseline − latest actual", () => {
    // k1 (service time, decrease) from 30 to 12 days: 18 days saved per case, 60%.
    expect(f.savings).toEqual([{ projectId: "pa", kpiId: "k1", unit: "days", perUnit: 18, relative: 0.6 }]);
  });
  it("as of a date: only what had happened by then", () => {
    const early = must(computeFigures(log().events, { at: day(15) })).finance;
    expect(early.byCurrency.EUR).toMatchObject({ budget: 150_000, spent: 30_000, overspentBudgets: 0 });
    expect(early.savings).toEqual([]);
  });
});
