import type { LabFigures } from "../projections/index.js";
import type { Vocabulary } from "./columns.js";
import type { Labels } from "./labels.js";
import { isWithheld, type Column, type Value } from "./table.js";

/**
 * A code in words: the labels' words for it in its vocabulary, else the code with its underscores
 * as spaces (a code the vocabulary does not list, such as a year, reads as it is).
 *
 * @example
 * words("co_design", en, "stage"); // "co-design"
 * words("pre_commercial", en, "procedure"); // "pre-commercial procurement"
 */
export const words = (code: string, labels: Labels, vocabulary: Vocabulary): string => labels.codes[vocabulary][code] ?? code.replaceAll("_", " ");

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
 * A number as people read it in the labels' locale, with at most `digits` decimals.
 *
 * @example
 * formatNumber(11351, en); // "11,351"
 * formatNumber(11351, ptPT); // "11 351"
 */
export const formatNumber = (x: number, labels: Labels, digits = 0): string => formatter(labels.locale, digits).format(x);

/** A share beyond ±`SHARE_CAP` reads as above or below it: 1,900% says less than "above 200%". */
export const SHARE_CAP = 2;

/**
 * A share (0–1) as a percentage in the labels' locale, capped at ±200%.
 *
 * @example
 * formatShare(0.456, en); // "46%"
 * formatShare(19, en); // "above 200%"
 */
export const formatShare = (x: number, labels: Labels): string => {
  const percent = (v: number): string => new Intl.NumberFormat(labels.locale, { style: "percent", maximumFractionDigits: 0 }).format(v);
  if (x > SHARE_CAP) return labels.above(percent(SHARE_CAP));
  if (x < -SHARE_CAP) return labels.below(percent(-SHARE_CAP));
  return percent(x);
};

/**
 * A calendar date (`YYYY-MM-DD`, or an instant) as people read it in the labels' locale, in UTC.
 *
 * @example
 * formatDate("2020-06-03", ptPT); // "03/06/2020"
 */
export const formatDate = (iso: string, labels: Labels): string => {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(labels.locale, { dateStyle: "short", timeZone: "UTC" }).format(d);
};

/**
 * A cell as people read it, in the labels' locale: counts grouped, shares as percentages (capped),
 * days with their unit in the singular or plural, dates the local way, codes in words, withheld
 * cells marked.
 *
 * @example
 * formatValue(0.4567, { key: "rate", title: "Rate", description: "", type: "number", format: "share" }, en); // "46%"
 */
export const formatValue = (v: Value, column: Column, labels: Labels): string => {
  if (v === null) return labels.none;
  if (isWithheld(v)) return labels.withheld;
  if (typeof v === "boolean") return v ? labels.yes : labels.no;
  if (typeof v === "string") {
    if (column.type === "date") return formatDate(v, labels);
    return column.vocabulary === undefined ? v : words(v, labels, column.vocabulary);
  }
  switch (column.format) {
    case "share":
      return formatShare(v, labels);
    case "days": {
      const rounded = Math.round(v);
      return labels.days(rounded, formatNumber(rounded, labels));
    }
    case "decimal":
      return formatNumber(v, labels, 2);
    case "count":
    case "amount":
    case "code":
    case undefined:
      return formatNumber(v, labels);
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
 * asOfText(figures, en); // "As of 31/12/2019, by business time (what had happened)."
 */
export const asOfText = (f: Pick<LabFigures, "asOf">, labels: Labels): string =>
  f.asOf === null ? labels.allEvents : labels.asOf(`${formatDate(f.asOf.at, labels)} ${f.asOf.at.slice(11, 16)} UTC`, f.asOf.by ?? "occurredAt");
