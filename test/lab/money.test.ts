import { describe, expect, it } from "vitest";
import { c, given, steps } from "./fixtures.js";

describe("money: budgets and costs", () => {
  it("a budget is allocated once, from a source, for a fiscal year", () => {
    given(steps.submitted)
      .when(c.allocateBudget("b1", { source: "eu_funds" }))
      .thenState({ budgets: new Map([["b1", { source: "eu_funds", amount: { amount: 100_000, currency: "EUR" }, fiscalYear: 2019 }]]) });
    const e = given([...steps.submitted, c.allocateBudget("b1")])
      .when(c.allocateBudget("b1"))
      .thenError("budget_exists");
    expect(e.message).toBe("Budget b1 has already been allocated.");
    given(steps.submitted)
      .when(c.allocateBudget("b1", { fiscalYear: 19 }))
      .thenError("validation_failed");
  });
  it("a cost is charged to a budget of this project, in its currency, once", () => {
    const funded = [...steps.submitted, c.allocateBudget("b1")];
    given(funded)
      .when(c.recordCost("c1"))
      .thenState({ costs: new Map([["c1", { budgetId: "b1", category: "staff", amount: { amount: 12_000, currency: "EUR" }, procurementId: null }]]) });
    given([...funded, c.recordCost("c1")])
      .when(c.recordCost("c1"))
      .thenError("cost_exists");
    const missing = given(funded)
      .when(c.recordCost("c1", { budgetId: "b9" }))
      .thenError("budget_not_found");
    expect(missing.message).toBe("No budget b9 has been allocated to this project; allocate it first.");
    const other = given(funded)
      .when(c.recordCost("c1", { amount: { amount: 500, currency: "USD" } }))
      .thenError("currency_mismatch");
    expect(other.message).toBe("Budget b1 is in EUR; record the cost in EUR (amounts are never converted).");
  });
  it("a cost that pays for goods or services names a procurement of the project", () => {
    const funded = [...steps.inCoDesign, c.allocateBudget("b1")];
    given(funded)
      .when(c.recordCost("c1", { category: "procurement", procurementId: "r1" }))
      .thenError("procurement_not_found");
    given([...funded, c.request("r1")])
      .when(c.recordCost("c1", { category: "procurement", procurementId: "r1" }))
      .thenState({ costs: new Map([["c1", { procurementId: "r1" }]]) });
  });
  it("money is recorded while the project is paused, and a cost beyond its budget is recorded, not refused", () => {
    const paused = [...steps.inCoDesign, c.allocateBudget("b1", { amount: { amount: 10_000, currency: "EUR" } }), c.pause("funding")];
    given(paused)
      .when(c.recordCost("c1", { amount: { amount: 25_000, currency: "EUR" } }))
      .thenState({ status: "paused", costs: new Map([["c1", { amount: { amount: 25_000, currency: "EUR" } }]]) });
    given(paused).when(c.allocateBudget("b2")).thenState({ status: "paused" });
  });
  it("only the lab team (and a decision maker, for budgets) records money", () => {
    given(steps.submitted)
      .when(c.allocateBudget("b1"), { actor: { id: "f-1", role: "facilitator" } })
      .thenError("not_permitted");
    given([...steps.submitted, c.allocateBudget("b1")])
      .when(c.recordCost("c1"), { actor: { id: "dm-1", role: "decision_maker" } })
      .thenError("not_permitted");
  });
});
