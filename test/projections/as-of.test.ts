// As of a date is a view of the log, not a shorter log: the laws that say so, on a hand-made log
// whose facts are recorded out of business order and on generated logs with backdated records.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFigures, type Envelope, explain, type LabEvent, type LabFigures, projectStateAsOf } from "../../src/index.js";
import { must } from "../../src/testing/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";
import { day } from "../lab/fixtures.js";
import { on, registeredLog } from "./builder.js";

// The test's own construction of "the log as it stood": exactly the events kept, each stream
// numbered again from 1 in the order they were recorded. Written here, not taken from the library.
const rebuilt = (log: readonly Envelope<LabEvent>[], keep: (e: Envelope<LabEvent>) => boolean): Envelope<LabEvent>[] => {
  const next = new Map<string, number>();
  return log.filter(keep).map((e) => {
    const version = (next.get(e.streamId) ?? 0) + 1;
    next.set(e.streamId, version);
    return { ...e, version };
  });
};
const ms = (t: string): number => new Date(t).getTime();

// The figures of a log, for comparing two: everything but the as-of options they were computed for.
const comparable = (f: LabFigures) => ({ ...f, asOf: null });

describe("as of a business date", () => {
  // pa: accepted on day 10, and a join dated day 5 recorded on day 12 (after the acceptance).
  const log = () =>
    registeredLog()
      .on(1, on("pa").submit())
      .on(10, on("pa").accept())
      .on(12, { ...on("pa").join("pub-s"), occurredAt: day(5) }).events;

  it("counts a fact recorded after a later-dated one, at every date between them", () => {
    for (const d of [5, 6, 7, 8, 9]) {
      const at = day(d);
      const f = computeFigures(log(), { at });
      expect(f.ok, `as of day ${d}`).toBe(true);
      expect(must(f).headline.publicEntities, `as of day ${d}`).toBe(2); // the owner and the sponsor that had joined
      expect(must(explain(log(), "publicEntities", { at }))).not.toEqual([]);
      expect(must(projectStateAsOf(log(), "pa", { at })).accepted).toBeNull();
    }
    expect(must(computeFigures(log(), { at: day(4) })).headline.publicEntities).toBe(1);
    expect(must(projectStateAsOf(log(), "pa", { at: day(10) })).accepted?.at).toBe(day(10));
  });

  it("by record time, the join counts only once it was recorded", () => {
    expect(must(computeFigures(log(), { at: day(11), by: "recordedAt" })).headline.publicEntities).toBe(1);
    expect(must(computeFigures(log(), { at: day(12), by: "recordedAt" })).headline.publicEntities).toBe(2);
  });

  it("still refuses a log that really is out of order", () => {
    const events = log();
    const broken = events.filter((e) => !(e.type === "ChallengeAccepted"));
    const r = computeFigures(broken, { at: day(20) });
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.error.code).toBe("version_gap");
  });
});

describe("the as-of laws, on generated logs with backdated records", () => {
  it("as of t by business time = the log of exactly the events that had happened by t; by record time = the recorded prefix", () => {
    const reach = { logs: 0, backdated: 0, datesBetween: 0, dates: 0, recordDates: 0 };
    fc.assert(
      fc.property(
        labArbitraries(fc).portfolioLog(3, 50),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 3 }),
        (log, picks) => {
          reach.logs++;
          // Dates where the view and a shorter log could differ: a backdated record's own date, and a
          // date between it and the latest fact of its stream recorded before it.
          const latestBefore = new Map<string, string>();
          const interesting: string[] = [];
          for (const e of log) {
            const prior = latestBefore.get(e.streamId);
            if (prior !== undefined && ms(e.occurredAt) < ms(prior)) {
              reach.backdated++;
              interesting.push(e.occurredAt, new Date(Math.floor((ms(e.occurredAt) + ms(prior)) / 2)).toISOString());
            }
            if (prior === undefined || ms(e.occurredAt) > ms(prior)) latestBefore.set(e.streamId, e.occurredAt);
          }
          const span = [Math.min(...log.map((e) => ms(e.occurredAt))), Math.max(...log.map((e) => ms(e.occurredAt)))] as const;
          const random = picks.map((p) => new Date(Math.round(span[0] + p * (span[1] - span[0]))).toISOString());
          for (const at of [...interesting.slice(0, 6), ...random]) {
            reach.dates++;
            const between = log.some(
              (e, i) => ms(e.occurredAt) <= ms(at) && log.slice(0, i).some((x) => x.streamId === e.streamId && ms(x.occurredAt) > ms(at)),
            );
            if (between) reach.datesBetween++;
            const view = computeFigures(log, { at });
            expect(view.ok, `as of ${at}: ${view.ok ? "" : view.error.message}`).toBe(true);
            const shorter = must(
              computeFigures(
                rebuilt(log, (e) => ms(e.occurredAt) <= ms(at)),
                { at },
              ),
            );
            expect(comparable(must(view))).toEqual(comparable(shorter));
          }
          for (const at of random) {
            reach.recordDates++;
            const view = must(computeFigures(log, { at, by: "recordedAt" }));
            const prefix = must(
              computeFigures(
                rebuilt(log, (e) => ms(e.recordedAt) <= ms(at)),
                { at, by: "recordedAt" },
              ),
            );
            expect(comparable(view)).toEqual(comparable(prefix));
          }
        },
      ),
      { numRuns: 60, seed: 20 },
    );
    console.log(
      `as-of laws over ${reach.logs} logs: ${reach.backdated} backdated records, ${reach.dates} business dates ` +
        `(${reach.datesBetween} between a backdated record and a later-dated fact recorded before it), ${reach.recordDates} record dates`,
    );
    expect(reach.backdated).toBeGreaterThan(50);
    expect(reach.datesBetween).toBeGreaterThan(30);
  });
});
