import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSequence, projectAsync, type ProjectOptions, startProjection, startSequenceCheck } from "../../src/kernel/index.js";
import { createCodec, decodeJsonl, decodeJsonlChunks, encodeJsonl, type Envelope, project } from "../../src/index.js";
import { tallyLog } from "./arbitraries.js";
import { type TallyEvent, tallyEvents, totals } from "./tally.js";

const codec = createCodec(tallyEvents);

// A log damaged by a repeat, a removal or a swap, or left alone.
const damaged = tallyLog.chain((log) =>
  fc.tuple(fc.nat(), fc.constantFrom("none", "repeat", "remove", "swap")).map(([n, how]) => {
    const i = n % log.length;
    const out = [...log];
    if (how === "repeat") out.splice(i, 0, log[i] as Envelope<TallyEvent>);
    if (how === "remove") out.splice(i, 1);
    if (how === "swap" && i + 1 < log.length) [out[i], out[i + 1]] = [log[i + 1] as Envelope<TallyEvent>, log[i] as Envelope<TallyEvent>];
    return out;
  }),
);

async function* one<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

describe("reading a log one piece at a time", () => {
  it("a projection fed event by event, or from an async source, is the projection of the whole log", async () => {
    await fc.assert(
      fc.asyncProperty(damaged, fc.boolean(), async (log, some) => {
        const options: ProjectOptions<TallyEvent> = some ? { where: (e) => e.version % 2 === 1 } : {};
        const whole = project(totals, log, options);
        const p = startProjection(totals, options);
        for (const e of log) p.push(e);
        expect(p.finish()).toEqual(whole);
        expect(await projectAsync(totals, one(log), options)).toEqual(whole);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it("a log read as holding each event once keeps no id: the same projection, and a repeat refused rather than skipped", () => {
    fc.assert(
      fc.property(damaged, (log) => {
        const ids = new Set(log.map((e) => e.id));
        const once = project(totals, log, { eachOnce: true });
        if (ids.size === log.length) expect(once).toEqual(project(totals, log));
        else expect(!once.ok && once.error.code).toBe("reordered");
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it("finish freezes the state built, and ends the run", () => {
    const [log] = fc.sample(tallyLog, { numRuns: 1, seed: 3 });
    const p = startProjection(totals);
    for (const e of log ?? []) p.push(e);
    const first = p.finish();
    expect(first.ok && Object.isFrozen(first.value.state)).toBe(true);
    for (const e of log ?? []) p.push(e);
    expect(p.finish()).toBe(first);
  });

  it("an order check fed event by event is checkSequence of the whole log", () => {
    fc.assert(
      fc.property(damaged, (log) => {
        const check = startSequenceCheck<TallyEvent>();
        for (const e of log) check.push(e);
        expect(check.finish()).toEqual(checkSequence(log));
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it("JSON lines decoded piece by piece, cut anywhere, are decodeJsonl of the whole text: events, records, bad lines and their numbers", async () => {
    const text = fc
      .tuple(tallyLog, fc.array(fc.constantFrom("", "   ", "{broken", '{"id":"x"}', "\r"), { maxLength: 3 }), fc.boolean(), fc.boolean())
      .map(([log, junk, bom, trailing]) => {
        const lines = encodeJsonl(codec, log).trimEnd().split("\n");
        for (const [k, j] of junk.entries()) lines.splice((k * 7) % (lines.length + 1), 0, j);
        return `${bom ? "\ufeff" : ""}${lines.join("\n")}${trailing ? "\n" : ""}`;
      });
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 6 }), async (t, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (t.length + 1)))].sort((a, b) => a - b);
        const pieces = [...points, t.length].map((p, k, all) => t.slice(k === 0 ? 0 : (all[k - 1] as number), p));
        const joined = { events: [] as unknown[], stored: [] as unknown[], errors: [] as unknown[] };
        for await (const part of decodeJsonlChunks(codec, pieces)) {
          joined.events.push(...part.events);
          joined.stored.push(...part.stored);
          joined.errors.push(...part.errors);
        }
        expect(joined).toEqual(decodeJsonl(codec, t));
      }),
      { numRuns: 400, seed: 14 },
    );
  });
});
