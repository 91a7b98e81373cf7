import * as z from "zod";
import { definition } from "./definition.js";
import { ScannedRegExp, scanInstant } from "./scanned-regexp.js";

// The one shape an instant may take: a real calendar date and a time of day in UTC (`Z`), with at
// most three fractional digits, in the years 0001–9999. Milliseconds are what a `Date`,
// `Date.parse`, PostgreSQL's `timestamptz` and every JSON consumer agree on exactly; a finer digit
// would be compared one way here and another there. Written out in full (leap days included) so
// that one test, with no parsing, gives the verdict, and `schema.json` publishes the whole rule.
const LEAP_YEAR = String.raw`(?:\d\d(?:[2468][048]|[13579][26]|0[48])|(?:[02468][048]|[13579][26])00)`;
const MONTH_DAY = String.raw`(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))`;
const TIME_OF_DAY = String.raw`T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,3})?Z`;

/** The instant rule as a regular expression (ECMA-262 source), as `schema.json` publishes it. */
export const INSTANT_PATTERN = `^(?!0000)(?:${LEAP_YEAR}-02-29|\\d{4}-${MONTH_DAY})${TIME_OF_DAY}$`;
// Tested by a scan of its characters, which gives the pattern's verdict without the regular-expression engine.
const INSTANT = /* @__PURE__ */ definition(() => new ScannedRegExp(INSTANT_PATTERN, scanInstant, true));

/**
 * Whether a value is an instant as `Instant` accepts it: the same verdict, without building zod's
 * output (for the hot paths of decoding and verifying).
 *
 * @example
 * isInstant("2020-02-29T00:00:00Z") // true; isInstant("2019-02-29T00:00:00Z") // false
 */
export const isInstant = (v: unknown): v is string => typeof v === "string" && scanInstant(v);

/**
 * An instant, ISO-8601 in UTC: `Z`, a real calendar date, to the millisecond at most, in the years
 * 0001–9999 — the one time type of every envelope, event, command and as-of option. Finer
 * precision is refused rather than rounded, so that every comparison in the library (the rules,
 * the as-of filter, the projections) sees the same instant.
 *
 * @example
 * Instant.parse("2019-03-04T10:00:00Z");          // ok
 * Instant.parse("2019-03-04T10:00:00.125Z");      // ok
 * Instant.safeParse("2019-03-04T10:00:00.1254Z"); // refused: finer than a millisecond
 */
export const Instant = /* @__PURE__ */ definition(() =>
  z
    .string()
    .regex(INSTANT, "must be an ISO-8601 UTC instant, a real date in the years 0001–9999 to the millisecond at most, such as 2019-03-04T10:00:00Z")
    .meta({ format: "date-time" }),
);

// The last time value written: commands come many to a millisecond, and writing a Date as text
// costs about a microsecond, more than the rest of resolving a context.
let lastMs = Number.NaN;
let lastAt = "";

/**
 * A time value (milliseconds since the epoch, as `Date#getTime` gives it) written as envelopes write
 * an instant, or undefined when it is not one `Instant` accepts (NaN, or outside the years
 * 0001–9999). The text of the same value is written once and reused.
 *
 * @example
 * instantAt(Date.UTC(2019, 2, 4, 10)) // "2019-03-04T10:00:00.000Z"
 * instantAt(Number.NaN)              // undefined
 */
export const instantAt = (ms: number): string | undefined => {
  if (ms === lastMs) return lastAt;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  const at = new Date(ms).toISOString();
  if (!isInstant(at)) return undefined;
  lastMs = ms;
  lastAt = at;
  return at;
};

/**
 * An instant as milliseconds since the epoch: exact for anything `Instant` accepts.
 *
 * @example
 * instantMs("1970-01-01T00:00:01Z") // 1000
 */
export const instantMs = (at: string): number => Date.parse(at);

/**
 * Order two instants by the moment they denote: negative, zero or positive. `…00Z` and `…00.000Z`
 * are the same instant. The library's one comparison of times: rules, as-of filters, projections
 * and integrity checks all call it. Instants written alike (the same length) compare as strings,
 * without parsing.
 *
 * @example
 * compareInstants("2019-01-01T00:00:00Z", "2019-01-01T00:00:00.000Z") // 0
 * compareInstants("2019-01-01T00:00:00.5Z", "2019-01-01T00:00:01Z")   // negative
 */
export const compareInstants = (a: string, b: string): number => {
  if (a.length === b.length) return a < b ? -1 : a > b ? 1 : 0;
  return instantMs(a) - instantMs(b);
};

/**
 * Whether `a` comes strictly before `b`.
 *
 * @example
 * isBefore("2019-01-01T00:00:00Z", "2019-01-02T00:00:00Z") // true
 */
export const isBefore = (a: string, b: string): boolean => compareInstants(a, b) < 0;

/**
 * The later of two instants (the first when they denote the same moment).
 *
 * @example
 * laterOf("2019-01-01T00:00:00Z", "2018-12-31T23:59:59.999Z") // "2019-01-01T00:00:00Z"
 */
export const laterOf = (a: string, b: string): string => (compareInstants(b, a) > 0 ? b : a);
