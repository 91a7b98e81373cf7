/**
 * Serialise a JSON value canonically (RFC 8785, JSON Canonicalization Scheme): object keys sorted by
 * UTF-16 code units, no whitespace, numbers and strings as ECMAScript's `JSON.stringify` writes
 * them. Two values that are equal as JSON give the same string, so the string can be hashed or
 * compared. `undefined` members are skipped, as `JSON.stringify` does.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("canonicalJson: numbers must be finite");
    if (typeof value === "bigint" || typeof value === "function" || typeof value === "symbol" || value === undefined) {
      throw new TypeError(`canonicalJson: ${typeof value} is not JSON`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v: unknown) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, exactly what RFC 8785 asks for.
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
};
