import type { ColumnFormat } from "../lab/index.js";
import { isWithheld, type Table, type Value } from "./table.js";

/** How a withheld cell is written in CSV: Table Schema reads it as missing, as it reads an empty cell. */
export const WITHHELD_CSV = "[c]";

/**
 * The decimal places a CSV number of each computed format is rounded to: shares (rates, 0–1) to 4,
 * so 0.3333 is 33.33 %; days to 1 (medians are whole days or halves); money to 2 (cents). Counts
 * are whole, and `decimal` values (a KPI's baseline, target and measurements) are written as recorded.
 */
export const CSV_DECIMALS: Readonly<Partial<Record<ColumnFormat, number>>> = { share: 4, days: 1, amount: 2 };

/**
 * A number as the CSV writes it: rounded half away from zero to its format's decimal places (see
 * `CSV_DECIMALS`), without a trailing zero or a negative zero.
 *
 * @example
 * csvNumber(1 / 3, "share") // "0.3333"
 * csvNumber(0.1 + 0.2, "amount") // "0.3"
 */
export const csvNumber = (n: number, format: ColumnFormat | undefined): string => {
  const places = format === undefined ? undefined : CSV_DECIMALS[format];
  if (places === undefined || !Number.isFinite(n)) return String(n);
  const scale = 10 ** places;
  const rounded = (Math.sign(n) * Math.round(Math.abs(n) * scale)) / scale;
  return String(rounded === 0 ? 0 : rounded);
};

const field = (v: Value, format?: ColumnFormat): string => {
  if (v === null) return "";
  if (isWithheld(v)) return WITHHELD_CSV;
  const s = typeof v === "number" ? csvNumber(v, format) : String(v);
  // RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled.
  return /[",\r\n]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * A table as CSV (RFC 4180): a header of the column keys, CRLF line ends, numbers unformatted but
 * rounded to their format's precision (`CSV_DECIMALS`), nothing to report as an empty field and a
 * withheld cell as `[c]`.
 *
 * @example
 * const published = protect(figureTables(figures));
 * if (published.ok) published.value.tables.map(toCsv); // ["challenges,projects_implemented,…\r\n36,25,…\r\n", …]
 */
export const toCsv = (table: Table): string =>
  [table.columns.map((c) => field(c.key)), ...table.rows.map((r) => r.map((v, j) => field(v, table.columns[j]?.format)))]
    .map((r) => `${r.join(",")}\r\n`)
    .join("");
