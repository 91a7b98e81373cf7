import type * as z from "zod";
import { type DomainError, ok, type Result } from "../kernel/index.js";
import { determinedUnknowns } from "./linear.js";
import { checkOptions, DisclosureOptionsSchema } from "./options.js";
import { type CellRef, isEquation, type Relation, type Table, type TableSet, type Withheld } from "./table.js";

/**
 * Options of disclosure control: `threshold` — a people count from 1 to `threshold − 1` is withheld
 * (default 5, as statistical offices do); 0 or 1 withholds nothing. Zero is published: it says that
 * nobody took part, not who did.
 */
export type DisclosureOptions = z.infer<typeof DisclosureOptionsSchema>;

/** A set of tables after disclosure control, with what was withheld and why. */
export interface ProtectedTables extends TableSet {
  readonly threshold: number;
  /** Every withheld cell: `primary` counts too few people, `secondary` would let a primary one be worked out. */
  readonly withheld: readonly (CellRef & Withheld)[];
}

/** The default disclosure threshold: people counts from 1 to 4 are withheld. */
export const DEFAULT_THRESHOLD = 5;

const keyOf = (r: CellRef): string => `${r.table}\u0000${r.row}\u0000${r.column}`;

const numberAt = (byId: ReadonlyMap<string, Table>, r: CellRef): number | undefined => {
  const t = byId.get(r.table);
  const v = t?.rows[r.row]?.[t.columns.findIndex((c) => c.key === r.column)];
  return typeof v === "number" ? v : undefined;
};

const cellsOf = (r: Relation): readonly CellRef[] => [r.total, ...r.parts, ...(r.less ?? [])];

const primaries = (tables: readonly Table[], threshold: number): CellRef[] =>
  tables.flatMap((t) =>
    t.columns.flatMap((c, j) =>
      c.people
        ? t.rows.flatMap((row, i) => (typeof row[j] === "number" && row[j] > 0 && row[j] < threshold ? [{ table: t.id, row: i, column: c.key }] : []))
        : [],
    ),
  );

// The withheld cells the published equations still pin down (only primary ones matter: a
// secondary cell counts enough people to be published, it was withheld only to cover another).
const exposed = (relations: readonly Relation[], withheld: ReadonlyMap<string, Withheld["withheld"]>): string[] => {
  const unknowns = [...withheld.keys()];
  const index = new Map(unknowns.map((k, i) => [k, i]));
  const equations = relations.flatMap((r) => {
    const row = unknowns.map(() => 0);
    let touched = false;
    for (const [cell, sign] of [[r.total, -1] as const, ...r.parts.map((p) => [p, 1] as const), ...(r.less ?? []).map((p) => [p, -1] as const)]) {
      const i = index.get(keyOf(cell));
      if (i === undefined) continue;
      row[i] = (row[i] ?? 0) + sign;
      touched = true;
    }
    return touched ? [row] : [];
  });
  const determined = determinedUnknowns(equations, unknowns.length);
  return unknowns.filter((k, i) => determined[i] === true && withheld.get(k) === "primary");
};

// The cell to withhold next so that `cell` is no longer pinned down: the smallest published number
// above zero in an equation that holds it (the least information lost), else in any equation with a
// withheld cell.
const cover = (relations: readonly Relation[], byId: ReadonlyMap<string, Table>, withheld: ReadonlyMap<string, unknown>, cell: string): CellRef | undefined => {
  const open = (r: Relation): CellRef[] => cellsOf(r).filter((c) => !withheld.has(keyOf(c)) && numberAt(byId, c) !== undefined);
  // A zero covers nothing a reader cannot bound (counts are never negative), so zeros come last.
  const cost = (c: CellRef): number => {
    const v = numberAt(byId, c) ?? 0;
    return v === 0 ? Number.POSITIVE_INFINITY : v;
  };
  const smallest = (candidates: CellRef[]): CellRef | undefined =>
    candidates.reduce<CellRef | undefined>((best, c) => (best === undefined || cost(c) < cost(best) ? c : best), undefined);
  const holding = relations.filter((r) => cellsOf(r).some((c) => keyOf(c) === cell));
  const touching = relations.filter((r) => cellsOf(r).some((c) => withheld.has(keyOf(c))));
  return smallest(holding.flatMap(open)) ?? smallest(touching.flatMap(open));
};

/**
 * Statistical disclosure control. Primary suppression withholds every people count under the
 * threshold; secondary suppression then withholds the fewest, smallest further cells until no
 * primary cell can be worked out from the published cells and the equations between them (row and
 * column totals, a total across tables): each withheld cell is checked against the equations by
 * exact elimination, not by counting withheld cells per line, which a cell bridging two groups of
 * withheld cells would pass. Figures are untouched: the host keeps the full ones.
 *
 * Options that are not a whole number of people are refused (`validation_failed`): a threshold of
 * `NaN` or `"5"` must not quietly withhold nothing.
 *
 * @example
 * const published = protect(figureTables(figures), { threshold: 5 });
 * if (published.ok) published.value.withheld; // [{ table: "participation_by_sector", row: 3, column: "citizens", withheld: "primary" }, …]
 */
export const protect = (set: TableSet, options: DisclosureOptions = {}): Result<ProtectedTables, DomainError> => {
  const checked = checkOptions(DisclosureOptionsSchema, "disclosure options", options);
  return checked.ok ? ok(protectWith(set, checked.value.threshold ?? DEFAULT_THRESHOLD)) : checked;
};

const protectWith = (set: TableSet, threshold: number): ProtectedTables => {
  // Suppression audits the equations: an inequality cannot pin a withheld cell to one value alone.
  const equations = set.relations.filter(isEquation);
  const byId = new Map(set.tables.map((t) => [t.id, t]));
  const refs = new Map<string, CellRef>();
  const withheld = new Map<string, Withheld["withheld"]>();
  for (const c of primaries(set.tables, threshold)) {
    refs.set(keyOf(c), c);
    withheld.set(keyOf(c), "primary");
  }
  // Each round withholds one more cell, so this ends within the number of cells.
  for (let pinned = exposed(equations, withheld); pinned.length > 0; pinned = exposed(equations, withheld)) {
    const next = pinned.map((k) => cover(equations, byId, withheld, k)).find((c) => c !== undefined);
    if (next === undefined) break;
    refs.set(keyOf(next), next);
    withheld.set(keyOf(next), "secondary");
  }
  const tables = set.tables.map((t) => ({
    ...t,
    rows: t.rows.map((row, i) =>
      row.map((v, j) => {
        const w = withheld.get(keyOf({ table: t.id, row: i, column: t.columns[j]?.key ?? "" }));
        return w === undefined ? v : { withheld: w };
      }),
    ),
  }));
  const list = [...withheld].flatMap(([k, w]) => {
    const ref = refs.get(k);
    return ref === undefined ? [] : [{ ...ref, withheld: w }];
  });
  return { tables, relations: set.relations, threshold, withheld: list };
};
