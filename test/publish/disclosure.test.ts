// Statistical disclosure control: no count of 1 to threshold − 1 people is published, directly or
// so that it can be worked out from the published cells and the equations between them.
import fc from "fast-check";
import { must } from "../../src/testing/index.js";
import { describe, expect, it } from "vitest";
import { determinedUnknowns, isWithheld, protect, type Relation, type Table, type Value } from "../../src/publish/index.js";
import { byNullSpace, bySubtraction } from "./attacker.js";

const people = (key: string) => ({ key, title: key, description: "", type: "integer" as const, people: true });

// A cross-table of people counts with row totals (last column), column totals (last row) and the grand total.
const crossTable = (id: string, counts: readonly (readonly number[])[]): { table: Table; relations: Relation[] } => {
  const width = counts[0]?.length ?? 0;
  const rows = counts.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: width + 1 }, (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0));
  const columns = Array.from({ length: width + 1 }, (_, j) => people(j === width ? "total" : `c${j}`));
  const at = (row: number, j: number) => ({ table: id, row, column: columns[j]?.key ?? "" });
  const relations: Relation[] = [
    ...rows.map((_, i) => ({ total: at(i, width), parts: Array.from({ length: width }, (_, j) => at(i, j)) })),
    ...Array.from({ length: width + 1 }, (_, j) => ({ total: at(rows.length, j), parts: rows.map((_, i) => at(i, j)) })),
  ];
  return { table: { id, title: id, description: "", columns, rows: [...rows, totals] }, relations };
};

const values = (t: Table): Value[] => t.rows.flat();

describe("determinedUnknowns", () => {
  it("finds what equations pin down, exactly", () => {
    expect(
      determinedUnknowns(
        [
          [1, 1],
          [0, 1],
        ],
        2,
      ),
    ).toEqual([true, true]);
    expect(determinedUnknowns([[1, 1]], 2)).toEqual([false, false]);
    // a + b, b + c, a + c: three equations, three unknowns, all determined.
    expect(
      determinedUnknowns(
        [
          [1, 1, 0],
          [0, 1, 1],
          [1, 0, 1],
        ],
        3,
      ),
    ).toEqual([true, true, true]);
    // a − b and b − c: differences only, nothing determined.
    expect(
      determinedUnknowns(
        [
          [1, -1, 0],
          [0, 1, -1],
        ],
        3,
      ),
    ).toEqual([false, false, false]);
    // An unknown in no equation is free.
    expect(determinedUnknowns([], 1)).toEqual([false]);
  });
});

describe("protect: primary and secondary suppression", () => {
  it("given a row 3 + 20 = 23, when published, then the 3 is withheld and so is the 20 (else 23 − 20 = 3)", () => {
    const { table, relations } = crossTable("t", [[3, 20]]);
    const p = must(protect({ tables: [table], relations }));
    // The column total under the 3 is 3 too (one row), so it is a primary cell as well.
    expect(p.withheld.filter((w) => w.withheld === "primary").map((w) => [w.row, w.column])).toEqual([
      [0, "c0"],
      [1, "c0"],
    ]);
    expect(p.withheld.filter((w) => w.withheld === "secondary").map((w) => w.column)).toContain("c1");
    for (const k of ["t|0|c0", "t|1|c0"]) {
      expect(bySubtraction(p.tables, relations).has(k)).toBe(false);
      expect(byNullSpace(p.tables, relations).has(k)).toBe(false);
    }
  });

  it("given zero people, then zero is published: it says nobody came, not who", () => {
    const { table, relations } = crossTable("t", [[0, 20]]);
    expect(must(protect({ tables: [table], relations })).withheld).toEqual([]);
  });

  it("given a threshold of 0 or 1, then nothing is withheld; the unprotected tables stay available", () => {
    const { table, relations } = crossTable("t", [
      [1, 2],
      [3, 4],
    ]);
    for (const threshold of [0, 1]) expect(must(protect({ tables: [table], relations }, { threshold })).tables).toEqual([table]);
    expect(must(protect({ tables: [table], relations })).withheld.length).toBeGreaterThan(0);
  });

  it("given a count below the threshold in a column that does not count people, then it is published", () => {
    const t: Table = { id: "t", title: "", description: "", columns: [{ key: "sessions", title: "", description: "", type: "integer" }], rows: [[2]] };
    expect(must(protect({ tables: [t], relations: [] })).withheld).toEqual([]);
  });

  it("given withheld cells two to a line that still pin one down, then more are withheld", () => {
    // Rows: [2, 9, 9 | 20], [9, 2, 9 | 20], [9, 9, 2 | 20]. Withholding the three 2s and three 9s two to
    // a line can leave a cell fixed by the totals; the check is by elimination, so whatever protect
    // chooses, neither attacker recovers a 2.
    const { table, relations } = crossTable("t", [
      [2, 9, 9],
      [9, 2, 9],
      [9, 9, 2],
    ]);
    const p = must(protect({ tables: [table], relations }));
    const primary = p.withheld.filter((w) => w.withheld === "primary").map((w) => `t|${w.row}|${w.column}`);
    expect(primary).toHaveLength(3);
    const subtracted = bySubtraction(p.tables, relations);
    const solved = byNullSpace(p.tables, relations);
    for (const k of primary) {
      expect(subtracted.has(k)).toBe(false);
      expect(solved.has(k)).toBe(false);
    }
  });
});

// Small counts often, so that most tables need suppression and many need several rounds of it.
const count = fc.oneof({ weight: 2, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 3, arbitrary: fc.integer({ min: 5, max: 40 }) });
const grid = fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(count, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 4 }));
// A second table by another dimension over the same people: its column sums to the first's grand total.
const linked = fc.option(fc.array(count, { minLength: 1, maxLength: 4 }), { nil: undefined });

// Withholding whole lines' second-smallest cells until each line with a withheld cell holds two:
// the rule of thumb `protect` does not rely on. Used only to show the generator reaches tables it fails.
const twoPerLine = (t: Table, relations: readonly Relation[], threshold: number): Table => {
  const out = t.rows.map((r) => r.map((v) => (typeof v === "number" && v > 0 && v < threshold ? ({ withheld: "primary" } as const) : v)));
  const at = (c: { row: number; column: string }) => t.columns.findIndex((x) => x.key === c.column);
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of relations) {
      const cells = [r.total, ...r.parts];
      const withheld = cells.filter((c) => isWithheld(out[c.row]?.[at(c)] ?? null));
      if (withheld.length !== 1) continue;
      const open = cells.filter((c) => typeof out[c.row]?.[at(c)] === "number").sort((a, b) => Number(out[a.row]?.[at(a)]) - Number(out[b.row]?.[at(b)]));
      const c = open[0];
      if (c === undefined) continue;
      (out[c.row] ?? [])[at(c)] = { withheld: "secondary" };
      changed = true;
    }
  }
  return { ...t, rows: out };
};

describe("protect, as a property", () => {
  it("no people count under the threshold is published or can be worked out, and every published cell is the true one", () => {
    const reached = { tables: 0, none: 0, secondary: 0, rounds3: 0, linked: 0, twoPerLineFails: 0 };
    fc.assert(
      fc.property(grid, linked, fc.integer({ min: 2, max: 10 }), (counts, other, threshold) => {
        const a = crossTable("a", counts);
        const tables = [a.table];
        const relations = [...a.relations];
        if (other !== undefined) {
          const b = crossTable("b", [other]);
          // b's single row spans the same people as a's grand total.
          tables.push({ ...b.table, rows: [b.table.rows[0] ?? []] });
          const grand = { table: "a", row: counts.length, column: "total" };
          relations.push({ total: grand, parts: other.map((_, j) => ({ table: "b", row: 0, column: `c${j}` })) });
          relations.push({ total: grand, parts: [{ table: "b", row: 0, column: "total" }] });
          reached.linked++;
        }
        // The generated equations hold.
        const p = must(protect({ tables, relations }, { threshold }));
        reached.tables++;
        const secondary = p.withheld.filter((w) => w.withheld === "secondary").length;
        if (p.withheld.length === 0) reached.none++;
        if (secondary > 0) reached.secondary++;
        if (secondary >= 3) reached.rounds3++;
        const subtracted = bySubtraction(p.tables, relations);
        const solved = byNullSpace(p.tables, relations);
        tables.forEach((t, ti) => {
          const out = p.tables[ti];
          expect(out?.id).toBe(t.id);
          t.rows.forEach((row, i) =>
            row.forEach((v, j) => {
              const published = out?.rows[i]?.[j];
              const k = `${t.id}|${i}|${t.columns[j]?.key}`;
              const small = typeof v === "number" && v > 0 && v < threshold;
              if (small) {
                expect(published).toEqual({ withheld: "primary" });
                expect(subtracted.has(k), `${k} recovered by subtraction`).toBe(false);
                expect(solved.has(k), `${k} determined by the equations`).toBe(false);
              } else if (!isWithheld(published ?? null)) expect(published).toBe(v);
            }),
          );
        });
        const naive = tables.map((t) =>
          twoPerLine(
            t,
            relations.filter((r) => r.total.table === t.id && r.parts.every((x) => x.table === t.id)),
            threshold,
          ),
        );
        const cracked = [...byNullSpace(naive, relations)].some((k) => {
          const [id, row, column] = k.split("|");
          const t = tables.find((x) => x.id === id);
          const v = t?.rows[Number(row)]?.[t.columns.findIndex((c) => c.key === column)];
          return typeof v === "number" && v > 0 && v < threshold;
        });
        if (cracked) reached.twoPerLineFails++;
        expect(values(p.tables[0] ?? a.table)).toHaveLength(values(a.table).length);
      }),
      { numRuns: 600, seed: 20261130 },
    );
    console.log(`disclosure property reached: ${JSON.stringify(reached)}`);
    expect(reached.none).toBeGreaterThan(20);
    expect(reached.secondary).toBeGreaterThan(100);
    expect(reached.rounds3).toBeGreaterThan(20);
    expect(reached.linked).toBeGreaterThan(100);
    // Tables where withholding two cells per line would still let a small count be worked out.
    expect(reached.twoPerLineFails).toBeGreaterThan(0);
  });
});
