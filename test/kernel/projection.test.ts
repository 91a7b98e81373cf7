import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { must } from "../../src/testing/index.js";
import { applyTo, type Envelope, mergeProjected, project, type Projection } from "../../src/index.js";
import { tallyLog } from "./arbitraries.js";
import { type TallyEvent, totals } from "./tally.js";

describe("projections", () => {
  it("applying a log incrementally, in any chunks, equals projecting it from scratch", () => {
    fc.assert(
      fc.property(tallyLog, fc.array(fc.nat(), { maxLength: 4 }), (log, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (log.length + 1)))].sort((a, b) => a - b);
        let view = must(project(totals, []));
        let from = 0;
        for (const p of [...points, log.length]) {
          const before = structuredClone(view.state);
          const next = must(applyTo(totals, view, log.slice(from, p)));
          expect(view.state).toEqual(before);
          view = next;
          from = p;
        }
        expect(view).toEqual(must(project(totals, log)));
      }),
    );
  });

  it("an event delivered twice is applied once", () => {
    fc.assert(
      fc.property(tallyLog, fc.nat(), (log, n) => {
        const i = n % log.length;
        const again = [...log.slice(0, i + 1), log[i] as Envelope<TallyEvent>, ...log.slice(i + 1), ...log.slice(0, i)];
        expect(must(project(totals, again)).state).toEqual(must(project(totals, log)).state);
        expect(must(applyTo(totals, must(project(totals, log)), log)).state).toEqual(must(project(totals, log)).state);
      }),
    );
  });

  it("merge law: projecting the whole log equals merging projections of any split by stream", () => {
    fc.assert(
      fc.property(tallyLog, fc.func(fc.boolean()), (log, side) => {
        const left = log.filter((e) => side(e.streamId));
        const right = log.filter((e) => !side(e.streamId));
        const merged = must(mergeProjected(totals, must(project(totals, left)), must(project(totals, right))));
        expect(merged.state).toEqual(must(project(totals, log)).state);
        expect(new Map([...merged.positions].sort())).toEqual(new Map([...must(project(totals, log)).positions].sort()));
      }),
    );
  });

  it("refuses to merge parts that share a stream, or a projection without merge", () => {
    const [log] = fc.sample(
      tallyLog.filter((l) => l.length > 1),
      { numRuns: 1, seed: 1 },
    );
    const part = must(project(totals, log ?? []));
    expect(mergeProjected(totals, part, part)).toMatchObject({ ok: false, error: { code: "overlapping_parts" } });
    const noMerge: Projection<number> = { initialState: 0, evolve: () => undefined };
    expect(() => must(mergeProjected(noMerge, must(project(noMerge, [])), must(project(noMerge, []))))).toThrow(/no merge/);
  });

  it("records how far it has read in each stream", () => {
    const [log] = fc.sample(tallyLog, { numRuns: 1, seed: 5 });
    const { positions } = must(project(totals, log ?? []));
    for (const e of log ?? []) expect(positions.get(e.streamId)).toBeGreaterThanOrEqual(e.version);
  });
});
