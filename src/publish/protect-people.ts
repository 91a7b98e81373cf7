import { type DomainError, ok, type Result } from "../kernel/index.js";
import type { ParticipationRecords } from "../projections/index.js";
import { cellId, consistentCounts } from "./consistent.js";
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

/**
 * The tables with every people count under the cell-key method: the count the records behind it
 * give, moved by the noise its cell key draws (`perturb`), then drawn back where the relations
 * between counts would let a reader narrow one below the noise (`consistentCounts`); reach
 * recomputed from the published people and anonymous headcount. The number of counts the noise
 * moved comes back with them.
 */
export const perturbPeople = (
  tables: readonly Table[],
  records: ParticipationRecords,
  secret: string,
  relations: readonly Relation[],
): Result<{ tables: Table[]; moved: number; counts: number }, DomainError> => {
  const keyed = keyedCounts(tables, records, recordKeys(secret));
  if (!keyed.ok) return keyed;
  const published = consistentCounts(keyed.value, relations, perturbed);
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
  return ok({ tables: out, moved, counts: keyed.value.length });
};
