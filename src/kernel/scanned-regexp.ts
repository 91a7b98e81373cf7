// Patterns that every stored event meets many times over — instants, ids, hex digests — tested by a
// hand-written scan of character codes instead of the regular-expression engine, whose setup per
// call costs more than the scan on strings this short. The regular expression stays the rule (zod
// reports with it, `schema.json` publishes its source); the scan only gives the same verdict
// sooner, and property tests hold each scan to its pattern. Internal: not exported from the package.

/** A test of a string: its verdict, or undefined where only the full pattern can tell. */
export type Scan = (s: string) => boolean | undefined;

/**
 * A regular expression whose `test` asks a scan first and the full pattern only where the scan
 * cannot tell. zod calls `test`, so it gets the scan; everything else a RegExp does (its `source`,
 * `exec`, `split`) is the full pattern's. The checks generated from schemas call `scan` and `full`
 * themselves, each at a call site of its own.
 *
 * `ascii`: the scan accepts only strings of ASCII characters (U+0001–U+007F), as every scan of the
 * kernel and the lab does (a property test holds each to it). Then a string it accepted needs no
 * other test of being storable: the storable-text rule is folded into the scan the schema runs
 * anyway, instead of a second walk of the string.
 */
export class ScannedRegExp extends RegExp {
  constructor(
    source: string,
    /** The quick verdict: true or false, or undefined where only the full pattern can tell. */
    readonly scan: Scan,
    /** Whether `scan` accepts only ASCII characters, none of them U+0000. */
    readonly ascii = false,
  ) {
    super(source, "u");
  }
  // Patterns derived by split or matchAll are plain ones (this constructor takes other arguments).
  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }
  override test(s: string): boolean {
    return (typeof s === "string" ? this.scan(s) : undefined) ?? super.test(s);
  }
  /** The full pattern's verdict, the scan not asked. */
  full(s: string): boolean {
    return super.test(s);
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const two = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// The character an instant has at each place before its `Z` (-1: a digit): `YYYY-MM-DDTHH:MM:SS.fff`.
// A table, where a chain of comparisons per place cost half as much again.
const INSTANT_SHAPE = /* @__PURE__ */ Int8Array.from("dddd-dd-ddTdd:dd:dd.ddd", (c) => (c === "d" ? -1 : c.charCodeAt(0)));

/**
 * Whether `s` is an instant as `INSTANT_PATTERN` says: `YYYY-MM-DDTHH:MM:SS`, up to three
 * fractional digits, `Z`; a real date of the years 0001–9999 (the Gregorian leap years).
 */
export const scanInstant = (s: string): boolean => {
  const n = s.length;
  if (n !== 20 && (n < 22 || n > 24)) return false;
  // Digits where digits go, the separators between them.
  for (let i = 0; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    const expected = INSTANT_SHAPE[i] as number;
    if (expected === -1 ? !isDigit(c) : c !== expected) return false;
  }
  if (s.charCodeAt(n - 1) !== 90) return false;
  const century = two(s, 0);
  const year = two(s, 2);
  if (century === 0 && year === 0) return false;
  const month = two(s, 5);
  const day = two(s, 8);
  if (month < 1 || month > 12 || day < 1 || day > (DAYS[month] as number)) return false;
  // 29 February only in a leap year: a year divisible by 4, a century only when divisible by 400.
  if (month === 2 && day === 29 && (year === 0 ? century % 4 !== 0 : year % 4 !== 0)) return false;
  return two(s, 11) <= 23 && two(s, 14) <= 59 && two(s, 17) <= 59;
};

// Which ASCII codes belong to a class of characters: one load a character where a scan of ranges
// took several comparisons.
const table = (chars: string): Uint8Array => {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
};
const HEX = /* @__PURE__ */ table("0123456789abcdef");
// Letters, digits and _ (\w), then . : @ / + = -
const ID_CHARS = /* @__PURE__ */ table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:@/+=-");

// Whether every character of `s` is in the class `t`.
const allIn = (s: string, t: Uint8Array): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || t[c] === 0) return false;
  }
  return true;
};

/** Whether `s` is exactly 64 lowercase hex digits (a SHA-256 digest as the integrity functions write it). */
export const scanHex256 = (s: string): boolean => s.length === 64 && allIn(s, HEX);

/** Whether `s` is one or more of `A–Z a–z 0–9 _ . : @ / + = -` (the characters of an `Id`). */
export const scanIdChars = (s: string): boolean => s.length > 0 && allIn(s, ID_CHARS);
