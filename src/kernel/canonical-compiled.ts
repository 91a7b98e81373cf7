import type * as z from "zod";
import { type CanonicalWriter, canonicalWriter } from "./canonical-json.js";
import { EnvelopeSchema } from "./envelope.js";
import { quoteJson } from "./json-text.js";
import type { EventRegistry } from "./registry.js";

// A writer for one value of a known shape: its canonical JSON, or undefined when the value is not of
// that shape (then the general writer takes the whole value, so the shape only ever speeds things up).
type Writer = (value: unknown) => string | undefined;

// zod 4's definitions, as far as this reads them (the documented `_zod.def` of each schema).
interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

// Leaves are written exactly as the general writer writes them; anything else is not this shape.
const leaf: Writer = (v) => {
  if (typeof v === "string") return quoteJson(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === "boolean") return v ? "true" : "false";
  return v === null ? "null" : undefined;
};

// Keys a plain object inherits (`constructor`, `toString`, …) could be read through the prototype
// and mistaken for members: a schema naming one is written the general way.
const inherited = (key: string): boolean => key in Object.prototype;

const writerOf = (schema: z.ZodType, general: CanonicalWriter): Writer => {
  const d = defOf(schema);
  switch (d.type) {
    case "string":
    case "number":
    case "boolean":
    case "enum":
    case "literal":
    case "null":
      return leaf;
    case "optional":
    case "nullable":
      // Absence is the object's business; null is a leaf.
      return d.innerType === undefined ? general : d.type === "optional" ? writerOf(d.innerType, general) : orNull(writerOf(d.innerType, general));
    case "array":
      return arrayOf(d.element === undefined ? general : writerOf(d.element, general));
    case "object":
      return objectOf(d, general);
    default:
      // A union, a custom check, a record, a transformation: written the general way.
      return general;
  }
};

const orNull =
  (inner: Writer): Writer =>
  (v) =>
    v === null ? "null" : inner(v);

const arrayOf =
  (element: Writer): Writer =>
  (v) => {
    if (!Array.isArray(v)) return undefined;
    let out = "[";
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      // A hole or an undefined element is written `null` by the general writer: leave it to it.
      const s = x === undefined ? undefined : element(x);
      if (s === undefined) return undefined;
      out += i === 0 ? s : `,${s}`;
    }
    return `${out}]`;
  };

// An object of known members, written in sorted key order with each key quoted once. It is this
// shape only if it holds no other enumerable key with a value (counted after writing: the members
// found must be every key there is), and no member is read through an odd prototype.
const objectOf = (d: Def, general: CanonicalWriter, omit?: string): Writer => {
  const loose = d.catchall !== undefined && defOf(d.catchall).type !== "never";
  const names = Object.keys(d.shape ?? {})
    .filter((k) => k !== omit)
    .sort();
  if (loose || names.some(inherited)) return general;
  const writers = names.map((k) => writerOf((d.shape ?? {})[k] as z.ZodType, general));
  const quoted = names.map((k) => `${quoteJson(k)}:`);
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
    const record = v as Record<string, unknown>;
    let out = "{";
    let written = 0;
    for (let i = 0; i < names.length; i++) {
      const x = record[names[i] as string];
      if (x === undefined) continue;
      const s = (writers[i] as Writer)(x);
      if (s === undefined) return undefined;
      out += written === 0 ? (quoted[i] as string) + s : `,${quoted[i] as string}${s}`;
      written++;
    }
    let keys = 0;
    // for…in also counts inherited enumerable keys: one there makes the count differ, and the general writer decides.
    for (const key in record) if (key !== omit) keys++;
    return keys === written ? `${out}}` : undefined;
  };
};

/**
 * A `CanonicalWriter` for the events of a registry: each envelope is written by a writer compiled
 * from its envelope and data schemas (one per event type and schema version), which knows the
 * sorted order of every member in advance. The output is `canonicalJson`'s to the byte for every
 * value: anything that is not of the shape its type declares (another member, a value of another
 * kind, a type the registry does not know) is written by the general writer instead, so the
 * schemas only ever choose the faster way. `seal`, `verify` and `checkpoint` use it when given
 * `events`.
 *
 * @example
 * const write = compiledCanonicalWriter(labEvents);
 * write(event, "hash") === canonicalJson({ ...event, hash: undefined }) // true, for any value
 */
export const compiledCanonicalWriter = (registry: EventRegistry): CanonicalWriter => {
  const general = canonicalWriter();
  const envelope = defOf(EnvelopeSchema);
  // Writers by the member left out (`hash`, when hashing), type and schema version, made on first use.
  const compiled = new Map<string | undefined, Map<string, (Writer | undefined)[]>>();
  const writerFor = (type: string, schemaVersion: number, omit: string | undefined): Writer | undefined => {
    let byType = compiled.get(omit);
    if (byType === undefined) compiled.set(omit, (byType = new Map()));
    let byVersion = byType.get(type);
    if (byVersion === undefined) {
      const def = Object.hasOwn(registry, type) ? registry[type] : undefined;
      const schemas = def === undefined ? [] : [...def.upcasters.map((u) => u.schema), def.schema];
      // Index 0 is no version; a stored event of version v is written with the schema of version v.
      byVersion = [undefined, ...schemas.map((data) => objectOf({ ...envelope, shape: { ...envelope.shape, data } }, general, omit))];
      byType.set(type, byVersion);
    }
    return byVersion[schemaVersion];
  };
  return (value, omit) => {
    if (typeof value === "object" && value !== null) {
      const { type, schemaVersion } = value as { type?: unknown; schemaVersion?: unknown };
      const w = typeof type === "string" && typeof schemaVersion === "number" ? writerFor(type, schemaVersion, omit) : undefined;
      if (w !== undefined) {
        try {
          const s = w(value);
          if (s !== undefined) return s;
        } catch {
          // A getter that throws, say: the general writer meets it too, and says so its own way.
        }
      }
    }
    return general(value, omit);
  };
};
