import type { LabFigures } from "../projections/index.js";
import type { Labels } from "./labels.js";
import { isWithheld, type Column, type Value } from "./table.js";

/**
 * A code in words: the labels' translation, else the code with its underscores as spaces and an
 * age band's as a dash (`18_29` → `18–29`).
 *
 * @example
 * words("co_design", en); // "co-design"
 * words("pre_commercial", en); // "pre commercial"
 */
export const words = (code: string, labels: Labels): string => labels.values[code] ?? code.replace(/^(\d+)_(\d+)$/u, "$1–$2").replaceAll("_", " ");

// Building an Intl.NumberFormat costs far more than using one (toLocaleString builds one per call):
// one per locale and precision, which hold no data.
const formatters = new Map<string, Intl.NumberFormat>();
const formatter = (locale: string, digits: number): Intl.NumberFormat => {
  const key = `${locale}|${digits}`;
  const known = formatters.get(key);
  if (known !== undefined) return known;
  const made = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
  formatters.set(key, made);
  return made;
};

/**
 * A cell as people read it, in the labels' locale: counts grouped, shares as percentages, days with
 * their unit, codes in words, withheld cells marked.
 *
 * @example
 * formatValue(0.4567, { key: "rate", title: "Rate", description: "", type: "number", format: "share" }, en); // "46%"
 */
export const formatValue = (v: Value, column: Column, labels: Labels): string => {
  if (v === null) return labels.none;
  if (isWithheld(v)) return labels.withheld;
  if (typeof v === "boolean") return v ? labels.yes : labels.no;
  if (typeof v === "string") return column.format === "code" ? words(v, labels) : v;
  const number = (x: number, digits = 0): string => formatter(labels.locale, digits).format(x);
  switch (column.format) {
    case "share":
      return `${number(v * 100)}%`;
    case "days":
      return labels.days(number(v));
    case "decimal":
      return number(v, 2);
    case "count":
    case "amount":
    case "code":
    case undefined:
      return number(v);
    default: {
      const never: never = column.format;
      return never;
    }
  }
};

/**
 * What moment the figures describe, in words.
 *
 * @example
 * asOfText(figures, en); // "As of 2019-12-31T23:59:59Z, by business time (what had happened)."
 */
export const asOfText = (f: Pick<LabFigures, "asOf">, labels: Labels): string =>
  f.asOf === null ? labels.allEvents : labels.asOf(f.asOf.at, f.asOf.by ?? "occurredAt");
