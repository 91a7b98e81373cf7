import { describe, expect, it } from "vitest";
import { must } from "../../src/testing/index.js";
import { auditTrail } from "../../src/projections/index.js";
import { computeFigures, historyOf, labProjections, project, projectStateAsOf } from "../../src/index.js";
import { day } from "../lab/fixtures.js";
import { on, registeredLog } from "./builder.js";

const A = on("pa");
const log = () =>
  registeredLog()
    .on(0, A.submit())
    .on(1, A.accept())
    .on(2, A.join("pub-s"))
    .on(3, A.gate("G1"))
    .on(4, A.advance())
    .on(5, A.kpi("k1", "decrease", 30, 5))
    .on(30, { ...A.measure("k1", 12, day(19)), occurredAt: day(20) }).events;

describe("time travel for auditors", () => {
  it("historyOf lists every state the project went through, with the event, actor and both times", () => {
    const events = log();
    const history = must(historyOf(events, "pa"));
    expect(history.map((h) => h.type)).toEqual([
      "ChallengeSubmitted",
      "ChallengeAccepted",
      "EntityJoined",
      "GateDecisionRecorded",
      "StageEntered",
      "KpiDefined",
      "KpiMeasured",
    ]);
    expect(history.map((h) => h.state.stage)).toEqual(["challenge", "challenge", "challenge", "challenge", "co_design", "co_design", "co_design"]);
    expect(history[3]).toMatchObject({ actor: { role: "decision_maker" }, occurredAt: day(3), recordedAt: day(3), version: 4 });
    expect(history.at(-1)).toMatchObject({ occurredAt: day(20), recordedAt: day(30) });
    // Each step's state is its own: later steps did not change earlier ones.
    expect(history[0]?.state.accepted).toBeNull();
    expect(must(historyOf(events, "nobody"))).toEqual([]);
  });

  it("a project's state as of a date, by business time or record time", () => {
    const events = log();
    expect(must(projectStateAsOf(events, "pa", { at: day(3) })).stage).toBe("challenge");
    expect(must(projectStateAsOf(events, "pa", { at: day(4) })).stage).toBe("co_design");
    const byBusiness = must(projectStateAsOf(events, "pa", { at: day(25) }));
    const byRecord = must(projectStateAsOf(events, "pa", { at: day(25), by: "recordedAt" }));
    expect(byBusiness.kpis.get("k1")?.measurements).toHaveLength(1);
    expect(byRecord.kpis.get("k1")?.measurements).toHaveLength(0);
  });

  it("corrections are new facts: the trail shows the measurement and its correction side by side", () => {
    const b = registeredLog()
      .on(0, A.submit())
      .on(1, A.kpi("k1", "decrease", 30, 5))
      .on(10, A.measure("k1", 12, day(9)));
    const measured = b.events.at(-1)?.id ?? "";
    const events = b.on(11, A.correct("k1", measured, 11)).events;
    const trail = auditTrail(must(project(labProjections, events)).state.auditTrail, "pa").filter((x) => x.type.startsWith("Kpi"));
    expect(trail.map((x) => x.summary)).toEqual([
      `KPI k1 measured: 12 for 2018-01-01 – 2018-01-10 (logs)`,
      `KPI k1 measurement ${measured} corrected to 11: Fixed a double count.`,
    ]);
    // The stored measurement was not rewritten.
    expect(events.find((e) => e.id === measured)?.data).toMatchObject({ value: 12 });
    expect(must(computeFigures(events)).impact.kpis[0]?.actual).toBe(11);
  });
});
