import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold } from "../../src/index.js";
import { foldAsync } from "../../src/kernel/index.js";
import { tallyLog } from "./arbitraries.js";
import { tally } from "./tally.js";

describe("fold", () => {
  it("from scratch and on top of an existing state give deep-equal results for any split of the events", () => {
    fc.assert(
      fc.property(tallyLog, fc.nat(), (log, cut) => {
        const k = log.length === 0 ? 0 : cut % (log.length + 1);
        const scratch = fold(tally, log);
        const base = fold(tally, log.slice(0, k));
        const snapshot = structuredClone(base);
        const onto = fold(tally, log.slice(k), base);
        expect(onto).toEqual(scratch);
        // The state folded onto is left exactly as it was.
        expect(base).toEqual(snapshot);
      }),
    );
  });

  it("returns a deeply frozen state, so a caller cannot corrupt shared state", () => {
    const state = fold(tally, []);
    expect(Object.isFrozen(state)).toBe(true);
    expect(Object.isFrozen(state.recent)).toBe(true);
  });

  it("folds an async iterable and a sync iterable to the same state as an array", async () => {
    await fc.assert(
      fc.asyncProperty(tallyLog, async (log) => {
        async function* source() {
          for (const e of log) yield e;
        }
        expect(await foldAsync(tally, source())).toEqual(fold(tally, log));
        expect(await foldAsync(tally, new Set(log))).toEqual(fold(tally, log));
        const half = fold(tally, log.slice(0, 1));
        expect(await foldAsync(tally, source(), fold(tally, []))).toEqual(fold(tally, log));
        expect(await foldAsync(tally, log.slice(1), half)).toEqual(fold(tally, log));
      }),
      { numRuns: 30 },
    );
  });

  it("never mutates the decider's initial state", () => {
    const before = structuredClone(tally.initialState);
    fold(tally, [
      {
        id: "e1",
        streamId: "tally:x",
        version: 1,
        type: "Added",
        schemaVersion: 1,
        occurredAt: "2020-01-01T00:00:00Z",
        recordedAt: "2020-01-01T00:00:00Z",
        actor: { id: "a", role: "r" },
        data: { tallyId: "x", by: 3 },
      },
    ]);
    expect(tally.initialState).toEqual(before);
  });
});
