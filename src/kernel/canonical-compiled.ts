import type * as z from "zod";
import { type CanonicalWriter, canonicalWriter } from "./canonical-json.js";
import { type Code, declare, generate, newCode } from "./generated-code.js";
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

// A writer as an expression of the variable `x` (see `generated-code.ts`): the value's canonical
// JSON, or undefined when it is not of the schema's shape.
const writerCode = (code: Code, schema: z.ZodType): string => {
  const d = defOf(schema);
  switch (d.type) {
    case "string":
    case "number":
    case "boolean":
    case "enum":
    case "literal":
    case "null":
      return "leaf(x)";
    case "optional":
    case "nullable": {
      // Absence is the object's business; null is a leaf.
      if (d.innerType === undefined) return "general(x)";
      const inner = writerCode(code, d.innerType);
      return d.type === "optional" ? inner : `(x === null ? "null" : ${inner})`;
    }
    case "array":
      return `${arrayCode(code, d.element === undefined ? "general(x)" : writerCode(code, d.element))}(x)`;
    case "object": {
      const name = objectCode(code, d);
      return name === undefined ? "general(x)" : `${name}(x)`;
    }
    default:
      // A union, a custom check, a record, a transformation: written the general way.
      return "general(x)";
  }
};

const arrayCode = (code: Code, element: string): string =>
  declare(
    code,
    `if (!Array.isArray(v)) return undefined;
let out = "[";
for (let i = 0; i < v.length; i++) {
  const x = v[i];
  // A hole or an undefined element is written null by the general writer: leave it to it.
  const s = x === undefined ? undefined : ${element};
  if (s === undefined) return undefined;
  out += i === 0 ? s : "," + s;
}
return out + "]";`,
  );

// An object of known members, written in sorted key order with each key quoted in the code. It is
// this shape only if it holds no other enumerable key with a value (counted after writing: the
// members found must be every key there is), and no member is read through an odd prototype. The
// function's name, or undefined where the general writer must write it.
const objectCode = (code: Code, d: Def, omit?: string): string | undefined => {
  const loose = d.catchall !== undefined && defOf(d.catchall).type !== "never";
  const names = Object.keys(d.shape ?? {})
    .filter((k) => k !== omit)
    .sort();
  if (loose || names.some(inherited)) return undefined;
  const members = names.map((k) => {
    const write = writerCode(code, (d.shape ?? {})[k] as z.ZodType);
    const first = JSON.stringify(`${quoteJson(k)}:`);
    const next = JSON.stringify(`,${quoteJson(k)}:`);
    return `x = v[${JSON.stringify(k)}];
if (x !== undefined) {
  s = ${write};
  if (s === undefined) return undefined;
  out += written === 0 ? ${first} + s : ${next} + s;
  written++;
}`;
  });
  // for…in also counts inherited enumerable keys: one there makes the count differ, and the general writer decides.
  const counted = omit === undefined ? "keys++" : `if (key !== ${JSON.stringify(omit)}) keys++`;
  return declare(
    code,
    `if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
let out = "{", written = 0, x, s;
${members.join("\n")}
let keys = 0;
for (const key in v) ${counted};
return keys === written ? out + "}" : undefined;`,
  );
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
  // Undefined where the general writer writes every such event (or code cannot be generated).
  const envelopeWriter = (data: z.ZodType, omit: string | undefined): Writer | undefined => {
    const code = newCode();
    const name = objectCode(code, { ...envelope, shape: { ...envelope.shape, data } }, omit);
    return name === undefined ? undefined : generate<Writer>(code, { leaf, general }, `${name}(x)`);
  };
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
      byVersion = [undefined, ...schemas.map((data) => envelopeWriter(data, omit))];
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
