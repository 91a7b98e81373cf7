import { quoteJson } from "./json-text.js";

/**
 * Serialise a JSON value canonically (RFC 8785, JSON Canonicalization Scheme): object keys sorted by
 * UTF-16 code units, no whitespace, numbers and strings as ECMAScript's `JSON.stringify` writes
 * them. Two values that are equal as JSON give the same string, so the string can be hashed or
 * compared. `undefined` members are skipped, as `JSON.stringify` does.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export const canonicalJson = (value: unknown): string => canonicalWriter()(value);

/** Writes values as `canonicalJson` does; `omit` names a top-level member left out. */
export type CanonicalWriter = (value: unknown, omit?: string) => string;

// The keys of one object, in the order Object.keys gives them, lead through this tree to their
// sorted order with each key already quoted: objects of one shape (every event of a type) are
// sorted once per writer, not once per object.
interface Shape {
  readonly next: Map<string, Shape>;
  order?: { readonly keys: readonly string[]; readonly quoted: readonly string[] };
}

/**
 * A `canonicalJson` that remembers the key order of each object shape it has seen: for writing
 * many values of few shapes (every event of a log) without sorting keys again for each one. Give
 * each job its own writer; it holds only key names.
 *
 * @example
 * const write = canonicalWriter();
 * const lines = events.map((e) => write(e, "hash")); // each event without its hash, canonically
 */
export const canonicalWriter = (): CanonicalWriter => {
  const root: Shape = { next: new Map() };
  const orderOf = (keys: readonly string[]): NonNullable<Shape["order"]> => {
    let node = root;
    for (const k of keys) {
      let next = node.next.get(k);
      if (next === undefined) node.next.set(k, (next = { next: new Map() }));
      node = next;
    }
    if (node.order === undefined) {
      // Default sort compares UTF-16 code units, exactly what RFC 8785 asks for.
      const sorted = [...keys].sort();
      node.order = { keys: sorted, quoted: sorted.map((k) => `${quoteJson(k)}:`) };
    }
    return node.order;
  };
  // Plain loops and one string, not map/filter/join: this runs for every event sealed or verified.
  const write = (value: unknown, omit?: string): string => {
    if (value === null || typeof value !== "object") return primitive(value);
    if (Array.isArray(value)) {
      let out = "[";
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        out += (i === 0 ? "" : ",") + (v === undefined ? "null" : write(v));
      }
      return `${out}]`;
    }
    const record = value as Record<string, unknown>;
    const { keys, quoted } = orderOf(Object.keys(record));
    let out = "{";
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const v = record[k];
      if (v === undefined || k === omit) continue;
      out += (out.length === 1 ? "" : ",") + (quoted[i] as string) + write(v);
    }
    return `${out}}`;
  };
  return write;
};

const primitive = (value: unknown): string => {
  if (typeof value === "string") return quoteJson(value);
  // A finite number is written as ECMAScript's Number::toString, which is what JSON.stringify does.
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonicalJson: numbers must be finite");
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null) return "null";
  throw new TypeError(`canonicalJson: ${typeof value} is not JSON`);
};
