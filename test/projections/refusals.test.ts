// Figures are refused, with the reason, rather than guessed: invalid as-of options, logs out of
// version order; and ids that look alike never share a key. Every pilot is counted.
import { describe, expect, it } from "vitest";
import { computeFigures, type Envelope, explain, historyOf, labProjections, type LabEvent, live, project } from "../../src/index.js";
import { must } from "../../src/testing/index.js";
import { day, ref } from "../lab/fixtures.js";
import { on, readyForPilot, register, registeredLog } from "./builder.js";

const A = on("pa");
const ready = () => readyForPilot(registeredLog(), A, 1);

describe("every pilot is counted", () => {
  it("a project that re-enters pilot after a pivot runs a second pilot, with its own sites; both are counted", () => {
    const events = ready()
      .on(12, A.startPilot({ sites: 2 }))
      .on(40, A.endPilot())
      .on(41, A.evaluate("inconclusive", 2))
      .on(42, A.gate("G3", "recycle", { recycleTo: "co_design" }))
      .on(43, { type: "PivotProject", projectId: "pa", rationale: "Users need a different journey." })
      .on(44, A.gate("G2"))
      .on(45, A.advance())
      .on(46, A.startPilot({ sites: 5, entityIds: ["pub-owner", "pub-s"] }))
      .on(90, A.endPilot()).events;
    expect(events.filter((e) => e.type === "PilotStarted")).toHaveLength(2);
    const pilots = must(computeFigures(events)).impact.pilots;
    expect(pilots).toMatchObject({ started: 2, ended: 2, sites: 7 });
    expect(pilots.list.map((p) => [p.projectId, p.sites, p.entityIds, p.startedAt, p.endedAt])).toEqual([
      ["pa", 2, ["pub-owner"], day(12), day(40)],
      ["pa", 5, ["pub-owner", "pub-s"], day(46), day(90)],
    ]);
    // Each pilot is known by the event that started it.
    expect(pilots.list.map((p) => p.startedEventId)).toEqual(events.filter((e) => e.type === "PilotStarted").map((e) => e.id));
  });
});

describe("refused, not guessed", () => {
  const events = ready().events;
  it("invalid as-of options are errors, not all-zero figures", () => {
    for (const asOf of [{ at: "31/12/2019" }, { at: "not a date" }, { at: "2019-12-31T23:59:59Z", by: "recordedat" }, { at: "2019-12-31" }, {}] as never[]) {
      const r = computeFigures(events, asOf);
      expect(r.ok, JSON.stringify(asOf)).toBe(false);
      expect(!r.ok && r.error.code).toBe("validation_failed");
    }
    expect(must(computeFigures(events, { at: "2030-01-01T00:00:00Z" })).headline.projects).toBe(1);
    expect(explain(events, "projects", { at: "yesterday" } as never).ok).toBe(false);
  });

  it("a log sorted by business time, with one closing legitimately backdated, is refused at the stream and version out of place", () => {
    // Session s2 is closed on day 8, recorded as having happened on day 5: sorting by occurredAt puts
    // the close before the KPI defined on day 6, which comes before it in its stream.
    const log = registeredLog()
      .on(1, A.submit())
      .on(2, A.schedule("s1", day(3)))
      .on(3, A.attend("s1", [[ref(1), "citizen"]]))
      .on(4, A.schedule("s2", day(5)))
      .on(5, A.attend("s2", [[ref(2), "citizen"]]))
      .on(6, A.kpi("k1", "decrease", 30, 5))
      .on(8, { ...A.close("s2"), occurredAt: day(5) })
      .on(9, A.close("s1")).events;
    expect(must(computeFigures(log)).headline.sessionsHeld).toBe(2);
    const byBusinessTime = [...log].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    expect(byBusinessTime.map((e) => e.id)).not.toEqual(log.map((e) => e.id));
    const r = computeFigures(byBusinessTime);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: "version_gap", details: { streamId: "project:pa" } });
    expect(!r.ok && r.error.message).toMatch(/^project:pa version \d+: follows version \d+/u);
  });

  it("a log newest first is refused at its first event, not read as nothing", () => {
    const r = computeFigures([...events].reverse());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe("version_gap");
    expect(project(labProjections, [...events].reverse()).ok).toBe(false);
    expect(historyOf([...events].reverse(), "pa").ok).toBe(false);
  });

  it("a redelivered event is applied once; another event claiming an applied version is refused", () => {
    const twice = events.flatMap((e) => [e, e]);
    expect(must(computeFigures(twice))).toEqual(must(computeFigures(events)));
    const clash = [...events, { ...(events.at(-3) as Envelope<LabEvent>), id: "another-event" }];
    const r = computeFigures(clash);
    expect(!r.ok && r.error).toMatchObject({ code: "reordered", details: { streamId: "project:pa", eventId: "another-event" } });
    const view = live(labProjections);
    expect(view.applyAll(events).ok).toBe(true);
    const again = view.apply({ ...(events.at(-1) as Envelope<LabEvent>), id: "yet-another", version: (events.at(-1)?.version ?? 0) + 2 });
    expect(!again.ok && again.error.code).toBe("version_gap");
  });
});

describe("ids that look alike never share a key", () => {
  it("project AMA with session 2019/s1 and project AMA/2019 with session s1 stay apart, and so do their KPIs", () => {
    const X = on("AMA");
    const Y = on("AMA/2019");
    const log = registeredLog()
      .on(0, register("pub-a", "public", "health"))
      .on(1, X.submit({ sector: "health" }))
      .on(1, Y.submit({ sector: "justice" }))
      .on(2, X.schedule("2019/s1", day(3)))
      .on(2, Y.schedule("s1", day(3)))
      .on(3, X.attend("2019/s1", [[ref(1), "citizen"]]))
      .on(
        3,
        Y.attend("s1", [
          [ref(2), "citizen"],
          [ref(3), "civil_servant", "pub-a"],
        ]),
      )
      .on(4, X.close("2019/s1"))
      .on(4, Y.close("s1"))
      .on(5, X.kpi("2019/k1", "decrease", 30, 5))
      .on(5, Y.kpi("k1", "increase", 10, 50)).events;
    const f = must(computeFigures(log));
    expect(f.headline.sessionsHeld).toBe(2);
    expect(f.impact.kpis.map((k) => [k.projectId, k.kpiId])).toEqual([
      ["AMA", "2019/k1"],
      ["AMA/2019", "k1"],
    ]);
    expect(f.participation.slices["sector:health"]?.distinctParticipants).toBe(1);
    expect(f.participation.slices["sector:justice"]?.distinctParticipants).toBe(2);
  });
});
