const sorted = (entries: [string, unknown][]): [string, unknown][] => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Render a value as stable, indented JSON for messages and comparisons. Maps become objects with
 * sorted keys and Sets sorted arrays, so two equal states render the same whatever order their
 * entries were inserted in.
 */
export const show = (value: unknown): string =>
  JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (v instanceof Map) return Object.fromEntries(sorted([...(v as Map<unknown, unknown>)].map(([k, x]): [string, unknown] => [String(k), x])));
      if (v instanceof Set) return sorted([...(v as Set<unknown>)].map((x): [string, unknown] => [JSON.stringify(x) ?? "", x])).map(([, x]) => x);
      return v;
    },
    2,
  ) ?? "undefined";

/**
 * A line diff of two values' JSON renderings: `-` lines were expected and are missing, `+` lines
 * came out and were not expected.
 *
 * @example
 * diff({ a: 1 }, { a: 2 }) // "  {\n-   \"a\": 1\n+   \"a\": 2\n  }"
 */
export const diff = (expected: unknown, actual: unknown): string => {
  const a = show(expected).split("\n");
  const b = show(actual).split("\n");
  // Longest common subsequence table, from the end, so the walk below reads forwards.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      out.push(`- ${a[i]}`);
      i++;
    } else {
      out.push(`+ ${b[j]}`);
      j++;
    }
  }
  return out.join("\n");
};

/**
 * Does `actual` contain everything `expected` says? Objects match on the keys `expected` names;
 * arrays, Maps and primitives must match exactly (elements compared the same way).
 */
export const matchesPartial = (actual: unknown, expected: unknown): boolean => {
  if (expected === actual) return true;
  if (expected instanceof Map) return actual instanceof Map && expected.size === actual.size && [...expected].every(([k, v]) => actual.has(k) && matchesPartial(actual.get(k), v));
  if (expected instanceof Set) return actual instanceof Set && expected.size === actual.size && [...expected].every((v) => actual.has(v));
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => matchesPartial(actual[i], v));
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([k, v]) => matchesPartial(record[k], v));
  }
  return false;
};
