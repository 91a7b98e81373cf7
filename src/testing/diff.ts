import { diffArrays } from "diff";
import { PersistentMap } from "../kernel/index.js";

// A state's maps are built-in Maps or, where they grow with the events, PersistentMaps: the
// testing kit reads and compares both alike, so expected states may write either.
const isMap = (v: unknown): v is ReadonlyMap<unknown, unknown> => v instanceof Map || v instanceof PersistentMap;

const sorted = (entries: [string, unknown][]): [string, unknown][] => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Render a value as stable, indented JSON for messages and comparisons. Object keys are sorted,
 * Maps (and PersistentMaps) become objects with sorted keys and Sets sorted arrays, so two equal values render the same
 * whatever order their keys or entries were inserted in.
 */
export const show = (value: unknown): string =>
  JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (isMap(v)) return Object.fromEntries(sorted([...v].map(([k, x]): [string, unknown] => [String(k), x])));
      if (v instanceof Set) return sorted([...(v as Set<unknown>)].map((x): [string, unknown] => [JSON.stringify(x) ?? "", x])).map(([, x]) => x);
      if (typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype)
        return Object.fromEntries(sorted(Object.entries(v)));
      return v;
    },
    2,
  ) ?? "undefined";

/**
 * A line diff of two values' JSON renderings: `-` lines were expected and are missing, `+` lines
 * came out and were not expected. Linear in practice (jsdiff's Myers algorithm), so a diff of two
 * large states stays fast.
 *
 * @example
 * diff({ a: 1 }, { a: 2 }) // "  {\n-   \"a\": 1\n+   \"a\": 2\n  }"
 */
export const diff = (expected: unknown, actual: unknown): string => {
  const out: string[] = [];
  for (const part of diffArrays(show(expected).split("\n"), show(actual).split("\n"))) {
    const mark = part.added ? "+ " : part.removed ? "- " : "  ";
    for (const line of part.value) out.push(`${mark}${line}`);
  }
  return out.join("\n");
};

/**
 * Does `actual` contain everything `expected` says? Objects match on the keys `expected` names;
 * arrays, Maps and primitives must match exactly (elements compared the same way); a Map and a
 * PersistentMap with the same entries match.
 */
export const matchesPartial = (actual: unknown, expected: unknown): boolean => {
  if (expected === actual) return true;
  if (isMap(expected))
    return isMap(actual) && expected.size === actual.size && [...expected].every(([k, v]) => actual.has(k) && matchesPartial(actual.get(k), v));
  if (expected instanceof Set) return actual instanceof Set && expected.size === actual.size && [...expected].every((v) => actual.has(v));
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => matchesPartial(actual[i], v));
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([k, v]) => matchesPartial(record[k], v));
  }
  return false;
};
