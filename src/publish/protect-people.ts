import { type DomainError, ok, type Result } from "../kernel/index.js";
import type { ParticipationRecords } from "../projections/index.js";
import { keyedCounts, perturbed } from "./people.js";
import { recordKeys } from "./record-keys.js";
import type { Table, Value } from "./table.js";

const cellId = (table: string, row: number, column: string): string => `${table}\u0000${row}\u0000${column}`;

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

/**
 * The tables with every people count under the cell-key method: the count the records behind it
 * give, moved by the noise its cell key draws (`perturb`); reach recomputed from the published
 * people and anonymous headcount. The number of counts the noise moved comes back with them.
 */
export const perturbPeople = (
  tables: readonly Table[],
  records: ParticipationRecords,
  secret: string,
): Result<{ tables: Table[]; moved: number; counts: number }, DomainError> => {
  const keyed = keyedCounts(tables, records, recordKeys(secret));
  if (!keyed.ok) return keyed;
  const published = new Map(keyed.value.map((c) => [cellId(c.table, c.row, c.column), perturbed(c)]));
  let moved = 0;
  const out = tables.map((t) =>
    withReach({
      ...t,
      rows: t.rows.map((row, i) =>
        row.map((v, j): Value => {
          const p = published.get(cellId(t.id, i, t.columns[j]?.key ?? ""));
          if (p === undefined) return v;
          if (p !== v) moved++;
          return p;
        }),
      ),
    }),
  );
  return ok({ tables: out, moved, counts: keyed.value.length });
};
