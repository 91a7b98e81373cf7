import { type DomainError, ok, type Result } from "../kernel/index.js";
import type { ParticipationRecords } from "../projections/index.js";
import { cellId, consistentCounts, type EarlierRelease } from "./consistent.js";
import { keyedCounts, perturbed } from "./people.js";
import { recordKeys } from "./record-keys.js";
import type { Relation, Table, Value } from "./table.js";

// Reach is people plus the anonymous headcount: published as the sum of the two published counts,
// so it tells a reader nothing they could not add up themselves.
const withReach = (t: Table): Table => {
  const at = (key: string) => t.columns.findIndex((c) => c.key === key);
  const [reach, people, anonymous] = [at("reach"), at("people"), at("anonymous_headcount")];
  if (reach < 0 || people < 0 || anonymous < 0) return t;
  return {
    ...t,
    rows: t.rows.map((row) => {
      const [p, a] = [row[people], row[anonymous]];
      return row.map((v, j) => (j === reach && typeof p === "number" && typeof a === "number" ? p + a : v));
    }),
  };
};

/** The tables with their people counts protected, what was moved, and the release as a later one must know it. */
export interface PerturbedTables {
  readonly tables: Table[];
  readonly moved: number;
  readonly counts: number;
  /** Each people count's true count, key and published value, by table, row label and column: the `earlier` of a later release. */
  readonly release: EarlierRelease;
}

// The label that names a row across releases: its first column (a year, a sector, a band), or "" for the headline.
const labelOf = (t: Table, row: number): string => (t.id === "headline" ? "" : String(t.rows[row]?.[0] ?? row));

/**
 * The tables with every people count under the cell-key method: the count the records behind it
 * give, moved by the noise its cell key draws (`perturb`), then drawn back where the relations
 * between counts — within the tables and with the releases already published (`earlier`) — would
 * let a reader narrow one below the noise (`consistentCounts`); reach recomputed from the published
 * people and anonymous headcount. The number of counts the noise moved comes back with them.
 */
export const perturbPeople = (
  tables: readonly Table[],
  records: ParticipationRecords,
  secret: string,
  relations: readonly Relation[],
  earlier: readonly EarlierRelease[] = [],
): Result<PerturbedTables, DomainError> => {
  const keyed = keyedCounts(tables, records, recordKeys(secret));
  if (!keyed.ok) return keyed;
  const byId = new Map(tables.map((t) => [t.id, t]));
  const counts = keyed.value.map((c) => {
    const t = byId.get(c.table);
    return { ...c, label: t === undefined ? String(c.row) : labelOf(t, c.row) };
  });
  const consistent = consistentCounts(counts, relations, perturbed, earlier);
  if (!consistent.ok) return consistent;
  const published = consistent.value.values;
  let moved = 0;
  const out = tables.map((t) =>
    withReach({
      ...t,
      rows: t.rows.map((row, i) =>
        row.map((v, j): Value => {
          const p = published.get(cellId({ table: t.id, row: i, column: t.columns[j]?.key ?? "" }));
          if (p === undefined) return v;
          if (p !== v) moved++;
          return p;
        }),
      ),
    }),
  );
  return ok({ tables: out, moved, counts: keyed.value.length, release: consistent.value.release });
};
