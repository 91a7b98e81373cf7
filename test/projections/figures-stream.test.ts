import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFigures, createCodec, decodeJsonl, labEvents, startFigures } from "../../src/index.js";
import { computeFiguresAsync } from "../../src/projections/index.js";
import { DEMO_LOG } from "../../examples/demo/paths.js";

const events = decodeJsonl(createCodec(labEvents), readFileSync(DEMO_LOG, "utf8")).events;

describe("figures counted one event at a time", () => {
  it("are computeFigures' on the demonstration log, as of any date by either clock", async () => {
    const asOf = fc.option(
      fc.record({
        at: fc.date({ min: new Date("2016-06-01T00:00:00Z"), max: new Date("2021-06-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()),
        by: fc.constantFrom("occurredAt" as const, "recordedAt" as const),
      }),
      { nil: undefined },
    );
    await fc.assert(
      fc.asyncProperty(asOf, async (a) => {
        const whole = computeFigures(events, a);
        const run = startFigures(a);
        for (const e of events) run.push(e);
        expect(run.finish()).toEqual(whole);
        expect(
          await computeFiguresAsync(
            (async function* () {
              yield* events;
            })(),
            a,
          ),
        ).toEqual(whole);
      }),
      { numRuns: 12, seed: 6 },
    );
  });

  it("refuse invalid as-of options and a log out of order, as computeFigures does", async () => {
    const bad = { at: "31/12/2019" } as never;
    expect(startFigures(bad).finish()).toEqual(computeFigures(events, bad));
    // The first two events of one stream, swapped.
    const i = events.findIndex((e) => e.version === 2);
    const j = events.findIndex((e) => e.streamId === events[i]?.streamId && e.version === 1);
    const swapped = events.map((e, k) => (k === i ? events[j] : k === j ? events[i] : e)).filter((e) => e !== undefined);
    expect(await computeFiguresAsync(swapped)).toEqual(computeFigures(swapped));
    expect(computeFigures(swapped).ok).toBe(false);
  });
});
