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
  // Plain loops and one string, not map/filter/join: this runs for every event sealed or verified.
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out += (i === 0 ? "" : ",") + (v === undefined ? "null" : canonicalJson(v));
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, exactly what RFC 8785 asks for.
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(k)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
};
