import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { must } from "../../src/testing/index.js";
import { applyTo, type Envelope, labProjections, type LabEvent, live, mergeProjected, project } from "../../src/index.js";
import { generateDemoLog } from "../../examples/demo/generate.js";

// Small logs with the demonstration's shape (sessions, pauses, pivots, erasures), from three seeds.
let logs: Envelope<LabEvent>[][] = [];
beforeAll(async () => {
  logs = await Promise.all([1, 2, 3].map((seed) => generateDemoLog({ seed, scale: 0.05 })));
}, 60_000);

const logArb = () => fc.nat({ max: 2 }).map((i) => logs[i] as Envelope<LabEvent>[]);

describe("projection laws, on generated portfolio logs", () => {
  it("the logs are non-trivial", () => {
    for (const log of logs) {
      expect(log.length).toBeGreaterThan(200);
      expect(log.some((e) => e.type === "ParticipantForgotten")).toBe(true);
    }
  });

  it("merge: projecting the whole log equals merging projections of any split by stream", () => {
    fc.assert(
      fc.property(logArb(), fc.func(fc.boolean()), (log, side) => {
        const left = log.filter((e) => side(e.streamId));
        const right = log.filter((e) => !side(e.streamId));
        const merged = must(mergeProjected(labProjections, must(project(labProjections, left)), must(project(labProjections, right))));
        expect(merged.state).toEqual(must(project(labProjections, log)).state);
      }),
      { numRuns: 30 },
    );
  });

  it("incremental application in any chunks equals a full rebuild", () => {
    fc.assert(
      fc.property(logArb(), fc.array(fc.nat(), { maxLength: 3 }), (log, cuts) => {
        const points = [...new Set(cuts.map((c) => c % log.length))].sort((a, b) => a - b);
        let view = must(project(labProjections, []));
        let from = 0;
        for (const p of [...points, log.length]) {
          view = must(applyTo(labProjections, view, log.slice(from, p)));
          from = p;
        }
        expect(view.state).toEqual(must(project(labProjections, log)).state);
      }),
      { numRuns: 15 },
    );
  });

  it("delivering events twice changes nothing", () => {
    fc.assert(
      fc.property(logArb(), fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 20 }), (log, picks) => {
        // After some events, an event already delivered (that one or an earlier one) comes again.
        const redeliver = new Map(picks.map((p) => [p % log.length, Math.floor(p / log.length) % ((p % log.length) + 1)]));
        const again: Envelope<LabEvent>[] = [];
        log.forEach((e, k) => {
          again.push(e);
          const j = redeliver.get(k);
          if (j !== undefined) again.push(log[j] as Envelope<LabEvent>);
        });
        expect(again.length).toBe(log.length + redeliver.size);
        expect(must(project(labProjections, again)).state).toEqual(must(project(labProjections, log)).state);
      }),
      { numRuns: 20 },
    );
  });

  it("a live projection fed one event at a time equals the batch rebuild, and its snapshots are frozen", () => {
    const log = logs[0] ?? [];
    const view = live(labProjections);
    const half = Math.floor(log.length / 2);
    for (const e of log.slice(0, half)) view.apply(e);
    const early = view.snapshot();
    expect(early.state).toEqual(must(project(labProjections, log.slice(0, half))).state);
    view.applyAll(log.slice(half));
    view.applyAll(log.slice(0, 10)); // redelivered
    expect(view.snapshot().state).toEqual(must(project(labProjections, log)).state);
    expect(Object.isFrozen(view.snapshot().state.portfolio)).toBe(true);
    // The earlier snapshot did not move.
    expect(early.state).toEqual(must(project(labProjections, log.slice(0, half))).state);
  });
});
