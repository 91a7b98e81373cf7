// Noisy counts kept consistent with the relations between them: a reader who intersects the ranges
// two related counts allow (citizens within people, a total equal to its parts) gets no range
// narrower than the documented noise, and no count is moved further from its true value than the
// noise moved it. The reader's check is written here from the README's rule, not taken from the code.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFigures, createCodec, decodeJsonl, labEvents } from "../../src/index.js";
import { readFileSync } from "node:fs";
import { DEMO_LOG } from "../../examples/demo/paths.js";
import { demoFigures, SECRET } from "./demo-figures.js";
import { cellOf, type CellRef, figureTables, PERTURBATION, publishTables, type Relation, type Table } from "../../src/publish/index.js";
import { consistentCounts, type LabelledCount } from "../../src/publish/consistent.js";
import { keyedCounts, type KeyedCount, perturbed } from "../../src/publish/people.js";
import { recordKeys } from "../../src/publish/record-keys.js";
import { must } from "../../src/testing/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";

const D = PERTURBATION.maxNoise;
const demoEvents = () => decodeJsonl(createCodec(labEvents), readFileSync(DEMO_LOG, "utf8")).events;

// What a published count allows a reader (README): 0 is a true 0; p ≥ 1 is a true count in max(1, p − D)…p + D.
const range = (p: number): [number, number] => (p === 0 ? [0, 0] : [Math.max(1, p - D), p + D]);

/**
 * The narrowest range a relation leaves any of its counts, by interval propagation: each count's
 * range intersected with what the others' ranges allow it through the relation. Infinity when it
 * names a cell that is not a number (reach, derived; a table left out).
 */
const narrowest = (r: Relation, value: (c: CellRef) => number | undefined): number => {
  const cells = [r.total, ...r.parts, ...(r.less ?? [])];
  const values = cells.map(value);
  if (values.some((v) => v === undefined)) return Number.POSITIVE_INFINITY;
  const ranges = values.map((v) => range(v ?? 0));
  // Signs: total − Σ parts + Σ less (= 0, or ≤ 0).
  const sign = cells.map((_, i) => (i === 0 ? 1 : i <= r.parts.length ? -1 : 1));
  let width = Number.POSITIVE_INFINITY;
  ranges.forEach(([lo, hi], i) => {
    if (lo === hi) return; // a published 0: exact by design, nothing to hide
    // x_i·s_i = −Σ_{j≠i} s_j·x_j (+ slack ≥ 0 for ≤): the others' extremes bound x_i.
    let othersLo = 0;
    let othersHi = 0;
    ranges.forEach(([l, h], j) => {
      if (j === i) return;
      const s = sign[j] ?? 0;
      othersLo += s > 0 ? s * l : s * h;
      othersHi += s > 0 ? s * h : s * l;
    });
    const s = sign[i] ?? 0;
    // s·x_i + others (=|≤) 0  ⇒  s·x_i ≤ −othersLo, and for an equation s·x_i ≥ −othersHi.
    const upper = -othersLo;
    const lower = r.sense === "<=" ? Number.NEGATIVE_INFINITY : -othersHi;
    const [a, b] = s > 0 ? [lower, upper] : [-upper, -lower];
    width = Math.min(width, Math.min(hi, b) - Math.max(lo, a));
  });
  return width;
};

const valueIn =
  (tables: readonly Table[]) =>
  (c: CellRef): number | undefined => {
    const v = cellOf(tables, c);
    return typeof v === "number" ? v : undefined;
  };

const cell = (table: string, column: string, row = 0): CellRef => ({ table, row, column });
const keyed = (table: string, column: string, count: number, key: number, row = 0): LabelledCount => ({ table, row, column, count, key, label: String(row) });
const noiseOf =
  (noises: Readonly<Record<string, number>>) =>
  (c: KeyedCount): number =>
    c.count + (noises[`${c.table}.${c.row}.${c.column}`] ?? 0);
const published = (out: ReadonlyMap<string, number>, c: CellRef): number | undefined => out.get(`${c.table}\u0000${c.row}\u0000${c.column}`);

describe("consistent counts", () => {
  it("given citizens 25 drawn up to 27 and people 26 drawn down to 24, when made consistent, then a reader of citizens ≤ people keeps a range of the noise's width", () => {
    const counts = [keyed("h", "citizens", 25, 1), keyed("h", "people", 26, 2)];
    const within: Relation = { total: cell("h", "citizens"), parts: [cell("h", "people")], sense: "<=" };
    const raw = new Map(counts.map((c) => [`h\u00000\u0000${c.column}`, noiseOf({ "h.0.citizens": 2, "h.0.people": -2 })(c)]));
    expect(narrowest(within, (c) => published(raw, c))).toBeLessThan(D);
    const out = must(consistentCounts(counts, [within], noiseOf({ "h.0.citizens": 2, "h.0.people": -2 }))).values;
    expect(narrowest(within, (c) => published(out, c))).toBeGreaterThanOrEqual(D);
    // One step back each: 26 and 25, both still within D of the truth.
    expect([published(out, cell("h", "citizens")), published(out, cell("h", "people"))]).toEqual([26, 25]);
  });

  it("given four age bands of one person each and their total of 4 drawn down to 3, when made consistent, then the total is not below what four counts above zero imply", () => {
    const bands = [0, 1, 2, 3].map((row) => keyed("age", "people", 1, 10 + row, row));
    const counts = [...bands, keyed("age", "people", 4, 99, 4)];
    const sum: Relation = { total: cell("age", "people", 4), parts: [0, 1, 2, 3].map((row) => cell("age", "people", row)) };
    const noises = { "age.0.people": 1, "age.1.people": 1, "age.4.people": -1 };
    const out = must(consistentCounts(counts, [sum], noiseOf(noises))).values;
    expect(narrowest(sum, (c) => published(out, c))).toBeGreaterThanOrEqual(D);
    expect(published(out, cell("age", "people", 4))).toBe(4);
  });

  it("given two cells of the same records (same count and key), when one is in a broken relation, then both move together", () => {
    const counts = [keyed("year", "people", 26, 7), keyed("h", "people", 26, 7), keyed("h", "citizens", 25, 1)];
    const within: Relation = { total: cell("h", "citizens"), parts: [cell("h", "people")], sense: "<=" };
    const out = must(consistentCounts(counts, [within], noiseOf({ "year.0.people": -2, "h.0.people": -2, "h.0.citizens": 2 }))).values;
    expect(published(out, cell("year", "people"))).toBe(published(out, cell("h", "people")));
  });

  it("given relations that already leave every count its range, then nothing moves", () => {
    const counts = [keyed("h", "citizens", 25, 1), keyed("h", "people", 26, 2)];
    const within: Relation = { total: cell("h", "citizens"), parts: [cell("h", "people")], sense: "<=" };
    const out = must(consistentCounts(counts, [within], noiseOf({ "h.0.citizens": 2, "h.0.people": 0 }))).values;
    expect([published(out, cell("h", "citizens")), published(out, cell("h", "people"))]).toEqual([27, 26]);
  });

  it("as a property over generated labs and many secrets: every declared relation leaves each count the noise's width, and no count moves further than D from its true value", () => {
    const reached = { releases: 0, relationsChecked: 0, brokenBeforeRepair: 0, movedBack: 0, inequalities: 0, equations: 0 };
    const logs = labArbitraries(fc).portfolioLog(3, 60);
    fc.assert(
      fc.property(logs, fc.array(fc.string({ minLength: 32, maxLength: 40 }), { minLength: 6, maxLength: 6 }), (log, secrets) => {
        const f = must(computeFigures(log));
        const exact = figureTables(f);
        for (const secret of secrets) {
          const p = must(publishTables(f, { secret }));
          reached.releases++;
          const after = valueIn(p.tables);
          const truth = valueIn(exact.tables);
          // The noise as drawn, before the relations were consulted: what the repair started from.
          const shown = new Set(p.tables.map((t) => t.id));
          const counts = must(
            keyedCounts(
              exact.tables.filter((t) => shown.has(t.id)),
              f.participation.records.read(),
              recordKeys(secret),
            ),
          );
          const raw = new Map(counts.map((c) => [`${c.table}\u0000${c.row}\u0000${c.column}`, perturbed(c)]));
          let broken = false;
          for (const r of p.relations) {
            const w = narrowest(r, after);
            if (w === Number.POSITIVE_INFINITY) continue;
            reached.relationsChecked++;
            reached[r.sense === "<=" ? "inequalities" : "equations"]++;
            expect(w, JSON.stringify(r)).toBeGreaterThanOrEqual(D);
            if (narrowest(r, (c) => published(raw, c)) < D) broken = true;
          }
          if (broken) reached.brokenBeforeRepair++;
          for (const c of counts) {
            const t = truth(c);
            const now = after(c);
            expect(Math.abs((now ?? 0) - (t ?? 0)), JSON.stringify(c)).toBeLessThanOrEqual(D);
            if (now !== raw.get(`${c.table}\u0000${c.row}\u0000${c.column}`)) reached.movedBack++;
          }
        }
      }),
      { numRuns: 60, seed: 20261203 },
    );
    console.log(`consistent counts property reached: ${JSON.stringify(reached)}`);
    expect(reached.releases).toBe(360);
    expect(reached.inequalities).toBeGreaterThan(1000);
    expect(reached.equations).toBeGreaterThan(200);
    // The generator reaches the case the step exists for: noise as drawn that a reader could narrow.
    expect(reached.brokenBeforeRepair).toBeGreaterThan(10);
    expect(reached.movedBack).toBeGreaterThan(10);
  });
});

describe("a release made after earlier ones (earlier)", () => {
  const events = demoEvents();
  const early = must(computeFigures(events, { at: "2017-09-30T23:59:59Z" }));
  it("given the figures of an earlier date, when the full log is published after them, then it is accepted and each count is at least what the earlier release showed, less the noise", () => {
    const before = must(publishTables(early, { secret: SECRET }));
    const after = must(publishTables(demoFigures, { secret: SECRET, earlier: [early] }));
    const people = (p: typeof before) => cellOf(p.tables, { table: "headline", row: 0, column: "people" });
    expect(people(after)).toEqual(expect.any(Number));
    expect(Number(people(after)) + D).toBeGreaterThanOrEqual(Number(people(before)) - D);
  });

  it("given figures of a later state passed as earlier, then publishing refuses, naming the earlier release", () => {
    const r = publishTables(early, { secret: SECRET, earlier: [demoFigures] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("validation_failed");
      expect(r.error.message).toContain("not an earlier state of this log");
    }
  });

  it("given exact: true with earlier releases, then it is refused: exact counts have no noise to keep consistent", () => {
    const r = publishTables(demoFigures, { exact: true, earlier: [early] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("earlier");
  });

  it("given something that is not figures as earlier, then the options are refused", () => {
    // Nothing, and near misses: no records, records without their reader, a null where an object goes.
    const records = demoFigures.participation.records;
    for (const earlier of [
      {},
      { participation: null },
      { ...demoFigures, participation: { ...demoFigures.participation, records: null } },
      { ...demoFigures, participation: { ...demoFigures.participation, records: { read: records.read() } } },
    ]) {
      const r = publishTables(demoFigures, { secret: SECRET, earlier: [earlier as never] });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain("as computeFigures returned them");
    }
  });
});
