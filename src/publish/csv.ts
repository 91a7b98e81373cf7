import { isWithheld, type Table, type Value } from "./table.js";

/** How a withheld cell is written in CSV: Table Schema reads it as missing, as it reads an empty cell. */
export const WITHHELD_CSV = "[c]";

const field = (v: Value): string => {
  if (v === null) return "";
  if (isWithheld(v)) return WITHHELD_CSV;
  const s = String(v);
  // RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled.
  return /[",\r\n]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * A table as CSV (RFC 4180): a header of the column keys, CRLF line ends, numbers unformatted,
 * nothing to report as an empty field and a withheld cell as `[c]`.
 *
 * @example
 * const published = protect(figureTables(figures));
 * if (published.ok) published.value.tables.map(toCsv); // ["challenges,projects_implemented,…\r\n36,25,…\r\n", …]
 */
export const toCsv = (table: Table): string =>
  [table.columns.map((c) => field(c.key)), ...table.rows.map((r) => r.map(field))].map((r) => `${r.join(",")}\r\n`).join("");
