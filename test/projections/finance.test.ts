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
    .on(8, B.schedule("s1", day(9)))
    .on(
      9,
      B.attend("s1", [
        ["fedcba9876543210fedcba9876543210", "citizen"],
        ["00112233445566778899aabbccddeeff", "civil_servant"],
      ]),
    )
    .on(9, B.close("s1"))
    .on(10, A.cost("c1", "b1", "staff", 30_000))
    .on(20, A.cost("c3", "b1", "services", 80_000))
    .on(30, B.cost("c1", "b1", "equipment", 4_000, "USD"))
    .on(8, A.kpi("k2", "decrease", 20, 10))
    .on(8, A.kpi("k3", "decrease", 10, 5))
    .on(31, A.measure("k1", 12, day(30)))
    .on(31, A.measure("k2", 24, day(30), { method: "ab_test", comparison: 30, sampleSize: 200, comparisonSampleSize: 210 }))
    .on(31, A.measure("k3", 14, day(30)))
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
    // b1 is for fiscal year 2018, b2 for 2019; c1 and c3 were spent in 2018 (days 10 and 20), c2 in 2019 (day 400), all in euros.
    expect(f.byCurrency.EUR?.byYear).toEqual({
      "2018": { allocatedInYear: 100_000, spentInYear: 110_000 },
      "2019": { allocatedInYear: 50_000, spentInYear: 5_000 },
    });
    expect(f.byCurrency.EUR?.bySector).toEqual({ health: { budget: 150_000, spent: 115_000 } });
    expect(f.byCurrency.USD?.bySector).toEqual({ justice: { budget: 20_000, spent: 4_000 } });
    expect(f.byCurrency.EUR?.byCategory).toEqual({ staff: 30_000, services: 80_000, travel: 5_000 });
  });
  it("spent per person over the people of the projects that spent in the currency, and budgets overspent", () => {
    // pa spent 115,000 EUR and its session had two people (…cdef and …3210); pb spent 4,000 USD and its session had …3210 again
    // and …eeff. Three distinct people in the lab, but EUR is divided by pa's two (57,500, not 115,000 / 3) and USD by pb's two
    // (2,000, not 4,000 / 3). b1 of pa holds 100,000 and was charged 110,000.
    expect(f.byCurrency.EUR).toMatchObject({ spentPerPerson: { projects: 1, people: 2, amount: 57_500 }, overspentBudgets: 1 });
    expect(f.byCurrency.USD).toMatchObject({ spentPerPerson: { projects: 1, people: 2, amount: 2_000 }, overspentBudgets: 0 });
    expect(must(computeFigures(log().events)).headline.distinctParticipants).toBe(3);
  });
  it("a person in two projects that spent in one currency counts once", () => {
    // pb also spends 1,000 EUR: EUR's projects are pa and pb, whose people are …cdef, …3210 (in both) and …eeff: 116,000 / 3.
    const both = must(
      computeFigures(
        log()
          .on(401, B.budget("b2", "eu_funds", 5_000, 2019))
          .on(402, B.cost("c2", "b2", "travel", 1_000)).events,
      ),
    );
    expect(both.finance.byCurrency.EUR?.spentPerPerson).toEqual({ projects: 2, people: 3, amount: 116_000 / 3 });
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
  it("savings per unit where a time or cost KPI should fall: against the comparison group when there is one", () => {
    // k1 (service time, should fall) from a baseline of 30 to 12 days, no comparison: 18 days saved per case, 18/30 = 60%.
    // k2 from a baseline of 20 to 24 — worse than its baseline — but the comparison sites took 30 over the same period: 6 days
    // saved per case against them, 6/30 = 20%. k3 from 10 to 14: −4 per case, −40%: a loss, said as a worsening, not hidden.
    expect(f.savings).toEqual([
      { projectId: "pa", kpiId: "k1", unit: "days", against: "baseline", perUnit: 18, relative: 0.6, change: "improvement" },
      { projectId: "pa", kpiId: "k2", unit: "days", against: "comparison", perUnit: 6, relative: 0.2, change: "improvement" },
      { projectId: "pa", kpiId: "k3", unit: "days", against: "baseline", perUnit: -4, relative: -0.4, change: "worsening" },
    ]);
  });
  it("as of a date: only what had happened by then", () => {
    const early = must(computeFigures(log().events, { at: day(15) })).finance;
    expect(early.byCurrency.EUR).toMatchObject({ budget: 150_000, spent: 30_000, overspentBudgets: 0 });
    expect(early.savings).toEqual([]);
  });
});
