import * as z from "zod";
import { scannedAscii, ScannedRegExp } from "./scanned-regexp.js";
import { isStorableJson, isStorableText, MAX_JSON_DEPTH } from "./storable.js";

/**
 * A predicate that is true only of values a schema accepts *and returns unchanged* — equal as JSON,
 * each object plain and holding exactly the keys it would have after parsing. Decoding runs it
 * first and, when it holds, takes the stored value as it is, without building zod's copy; when it
 * does not (a rule broken, an untrimmed text, a kind of schema it does not know) the schema itself
 * parses, words the issues and makes the copy. So the schema stays the one source of truth: this
 * only skips the work for the values it provably accepts. A property test holds the two to it.
 */
export type Unchanged = (value: unknown) => boolean;

/**
 * The zod release whose definitions this reads: a schema's public `def`, and its checks' `_zod.def`,
 * which zod does not promise to keep. A property test holds the predicate to zod's verdict on this
 * release; on any other minor release the predicate is not built and every value goes through the
 * schema (correct, only slower), and upgrading zod here fails a test until the property is run on
 * the new release and this is moved.
 */
export const ZOD_VERIFIED = { major: 4, minor: 6 } as const;
// Read when first asked, so a bundle that never builds a predicate does not keep zod for it.
const verified = (): boolean => z.core.version.major === ZOD_VERIFIED.major && z.core.version.minor === ZOD_VERIFIED.minor;

// zod 4's definitions, as far as this reads them.
interface Def {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly fn?: (value: never) => unknown;
  readonly values?: readonly unknown[];
  readonly options?: readonly z.ZodType[];
  readonly discriminator?: string;
}
interface CheckDef {
  readonly check: string;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: RegExp;
  readonly format?: string;
  readonly fn?: (value: never) => unknown;
  readonly tx?: (value: never) => unknown;
  readonly when?: unknown;
  readonly abort?: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

// An object as JSON.parse and zod make them (a null-prototype one goes to the schema, which copies it).
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const test = (pattern: RegExp, s: string): boolean => {
  pattern.lastIndex = 0;
  return pattern.test(s);
};

type Check = (v: never) => boolean;

// One check of a string, number or array; undefined when it is of a kind not read here.
const checkOf = (c: CheckDef): Check | undefined => {
  // A guard on when a check runs: length checks carry one ("the value has a length"), which holds
  // here, since they are only reached once the value is known to be a string or an array.
  if (c.when !== undefined && c.check !== "min_length" && c.check !== "max_length") return undefined;
  const n = (x: unknown): number => (typeof x === "number" ? x : Number.NaN);
  switch (c.check) {
    case "min_length":
      return (v: { length: number }) => v.length >= n(c.minimum);
    case "max_length":
      return (v: { length: number }) => v.length <= n(c.maximum);
    case "greater_than":
      return c.inclusive === true ? (v: number) => v >= n(c.value) : (v: number) => v > n(c.value);
    case "less_than":
      return c.inclusive === true ? (v: number) => v <= n(c.value) : (v: number) => v < n(c.value);
    case "string_format":
      return c.format === "regex" && c.pattern instanceof RegExp ? (v: string) => test(c.pattern as RegExp, v) : undefined;
    case "overwrite":
      // A change (trim, say): the value passes unchanged only if the change leaves it as it is.
      return c.tx === undefined ? undefined : (v: never) => (c.tx as (x: never) => unknown)(v) === v;
    case "custom":
      return c.fn === undefined ? undefined : (v: never) => (c.fn as (x: never) => unknown)(v) === true;
    default:
      return undefined;
  }
};

const checksOf = (d: Def): Check | undefined => {
  const list: Check[] = [];
  for (const c of d.checks ?? []) {
    const one = checkOf(c._zod.def);
    if (one === undefined) return undefined;
    list.push(one);
  }
  return (v) => {
    for (const one of list) if (!one(v)) return false;
    return true;
  };
};

/**
 * A schema's check without zod: `test` is its `Unchanged` predicate, and `copy` makes, from a value
 * `test` accepted, the very output zod would — a fresh copy, members in the schema's order (then a
 * loose object's others, in theirs). For input the library must not share with its caller.
 */
export interface Compiled {
  readonly test: Unchanged;
  readonly copy: (value: unknown) => unknown;
}

// Checks already built, by schema: the command path asks for the same few schemas for every command.
const built = new WeakMap<z.ZodType, Compiled | null>();

/**
 * The compiled check of a schema (see `Compiled`), built once and remembered; undefined when the
 * schema uses a kind `unchanged` does not read.
 */
export const compiled = (schema: z.ZodType): Compiled | undefined => {
  let c = built.get(schema);
  if (c === undefined) {
    const test = unchanged(schema);
    const copy = test === undefined ? undefined : copier(schema);
    built.set(schema, (c = test === undefined || copy === undefined ? null : { test, copy }));
  }
  return c ?? undefined;
};

type Copy = (value: unknown) => unknown;
const same: Copy = (v) => v;

// How zod copies a value its schema accepted unchanged: leaves as they are, arrays element by
// element, objects member by member in the schema's order. Undefined where `unchanged` is.
const copier = (schema: z.ZodType): Copy | undefined => {
  const d = defOf(schema);
  switch (d.type) {
    case "optional":
    case "default":
      return d.innerType === undefined ? undefined : copier(d.innerType);
    case "array": {
      const element = d.element === undefined ? undefined : copier(d.element);
      return element === undefined ? undefined : (v) => (v as unknown[]).map(element);
    }
    case "object":
      return objectCopier(d);
    case "union": {
      const byValue = new Map<unknown, Copy>();
      const discriminator = d.discriminator;
      if (discriminator === undefined || !copiersByValue(d, discriminator, byValue)) return undefined;
      return (v) => (byValue.get((v as Record<string, unknown>)[discriminator]) ?? same)(v);
    }
    default:
      return unchanged(schema) === undefined ? undefined : same;
  }
};

const copiersByValue = (d: Def, discriminator: string, into: Map<unknown, Copy>): boolean => {
  for (const option of d.options ?? []) {
    const o = defOf(option);
    if (o.type === "union" && o.discriminator === discriminator) {
      if (!copiersByValue(o, discriminator, into)) return false;
      continue;
    }
    const member = o.shape?.[discriminator];
    const m = member === undefined ? undefined : defOf(member);
    const values = m?.type === "literal" ? m.values : m?.type === "enum" ? Object.values(m.entries ?? {}) : undefined;
    const copy = copier(option);
    if (values === undefined || copy === undefined) return false;
    for (const value of values) into.set(value, copy);
  }
  return true;
};

const objectCopier = (d: Def): Copy | undefined => {
  const members: [string, Copy][] = [];
  for (const [key, schema] of Object.entries(d.shape ?? {})) {
    const copy = copier(schema);
    if (copy === undefined) return undefined;
    members.push([key, copy]);
  }
  const known = new Set(members.map(([key]) => key));
  const loose = d.catchall !== undefined && defOf(d.catchall).type === "unknown";
  return (v) => {
    const source = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, copy] of members) if (Object.hasOwn(source, key)) out[key] = copy(source[key]);
    if (loose) for (const key of Object.keys(source)) if (!known.has(key)) out[key] = source[key];
    return out;
  };
};

/**
 * Build the `Unchanged` predicate of a schema, or undefined when the schema uses a kind this does
 * not read (then every value goes through the schema, as before). Internal: the codec's.
 */
export const unchanged = (schema: z.ZodType): Unchanged | undefined => (verified() ? compile(schema, LOOSE) : undefined);

/**
 * The same as `unchanged`, holding only of values that are also storable JSON (`isStorableJson`):
 * what the codec asks of an event's `data`, so that a well-formed event is walked once — by its own
 * schema — not a second time for the storable-text rule. Each string the schema does not already
 * prove storable (by a storable refinement, or an ASCII-only scan that accepted it) is tested here;
 * what the schema does not describe (a loose object's other members, a custom check) is walked.
 * Internal: the codec's.
 */
export const storableUnchanged = (schema: z.ZodType): Unchanged | undefined => (verified() ? compile(schema, { storable: true, depth: 1 }) : undefined);

// What a predicate is compiled for: only the schema's verdict, or (`storable`) also storable JSON
// at `depth` levels of nesting (`data` itself is level 1, as `isStorableJson` counts).
interface Mode {
  readonly storable: boolean;
  readonly depth: number;
}
const LOOSE: Mode = { storable: false, depth: 1 };
const deeper = (mode: Mode): Mode => (mode.storable ? { storable: true, depth: mode.depth + 1 } : mode);
// Storable JSON at the given depth, for what a schema leaves undescribed.
const storableAt = (v: unknown, mode: Mode): boolean => !mode.storable || isStorableJson(v, MAX_JSON_DEPTH - mode.depth + 1);

// Whether a string check already refuses every string that is not storable text.
const provesStorable = (d: Def): boolean => (d.checks ?? []).some((c) => c._zod.def.check === "custom" && c._zod.def.fn === isStorableText);
// The ASCII-only scanned pattern among a string's checks, if any: what it accepts is storable.
const scannedPattern = (d: Def): boolean =>
  d.pattern instanceof ScannedRegExp || (d.checks ?? []).some((c) => c._zod.def.check === "string_format" && c._zod.def.pattern instanceof ScannedRegExp);

const compile = (schema: z.ZodType, mode: Mode): Unchanged | undefined => {
  const d = defOf(schema);
  const checks = checksOf(d);
  if (checks === undefined) return undefined;
  switch (d.type) {
    case "string": {
      if (d.format !== undefined && !(d.pattern instanceof RegExp)) return undefined;
      const pattern = d.format === undefined ? undefined : d.pattern;
      const schemaOnly: Unchanged = (v) => typeof v === "string" && (pattern === undefined || test(pattern, v)) && checks(v as never);
      if (!mode.storable || provesStorable(d)) return schemaOnly;
      // Asked after the pattern's test: a string its scan accepted is known ASCII, any other is looked at.
      if (scannedPattern(d)) return (v) => schemaOnly(v) && (scannedAscii(v as string) || isStorableText(v as string));
      return (v) => schemaOnly(v) && isStorableText(v as string);
    }
    case "number": {
      if (d.format !== undefined && d.format !== "safeint") return undefined;
      const whole = d.format === "safeint";
      return (v) => typeof v === "number" && (whole ? Number.isSafeInteger(v) : Number.isFinite(v)) && checks(v as never);
    }
    case "boolean":
      return (v) => typeof v === "boolean" && checks(v as never);
    case "enum":
    case "literal": {
      // Judged once, here: a value that is not storable JSON is left to the schema's path.
      const values = new Set<unknown>((d.type === "enum" ? Object.values(d.entries ?? {}) : (d.values ?? [])).filter((x) => storableAt(x, mode)));
      return (v) => values.has(v) && checks(v as never);
    }
    case "union":
      return d.discriminator === undefined ? undefined : discriminatedOf(d, d.discriminator, checks, mode);
    case "custom": {
      const fn = d.fn;
      return fn === undefined ? undefined : (v) => fn(v as never) === true && checks(v as never) && storableAt(v, mode);
    }
    case "optional":
    case "default": {
      // Only a missing member is optional here: a member present as `undefined` goes to the schema.
      // A default fills a missing value in (a change); a value given is the inner schema's.
      const inner = d.innerType === undefined ? undefined : compile(d.innerType, mode);
      return inner === undefined ? undefined : (v) => v !== undefined && inner(v);
    }
    case "array":
      return mode.depth > MAX_JSON_DEPTH ? undefined : arrayOf(d, checks, mode);
    case "object":
      return mode.depth > MAX_JSON_DEPTH ? undefined : objectOf(d, checks, mode);
    default:
      return undefined;
  }
};

// The options of a discriminated union (nested ones flattened) by the value of their discriminator,
// each with its predicate; undefined when an option is of a kind not read here.
const optionsByValue = (d: Def, discriminator: string, into: Map<unknown, Unchanged>, mode: Mode): boolean => {
  for (const option of d.options ?? []) {
    const o = defOf(option);
    if (o.type === "union" && o.discriminator === discriminator) {
      if (!optionsByValue(o, discriminator, into, mode)) return false;
      continue;
    }
    const member = o.type === "object" ? o.shape?.[discriminator] : undefined;
    const m = member === undefined ? undefined : defOf(member);
    const values = m?.type === "literal" ? m.values : m?.type === "enum" ? Object.values(m.entries ?? {}) : undefined;
    const check = compile(option, mode);
    if (values === undefined || check === undefined) return false;
    for (const value of values) into.set(value, check);
  }
  return true;
};

// A discriminated union reads its discriminator and parses with the one option it names (zod
// refuses a value naming none): so does this.
const discriminatedOf = (d: Def, discriminator: string, checks: Check, mode: Mode): Unchanged | undefined => {
  const byValue = new Map<unknown, Unchanged>();
  if (!optionsByValue(d, discriminator, byValue, mode)) return undefined;
  return (v) => isPlain(v) && byValue.get(v[discriminator])?.(v) === true && checks(v as never);
};

const arrayOf = (d: Def, checks: Check, mode: Mode): Unchanged | undefined => {
  const element = d.element === undefined ? undefined : compile(d.element, deeper(mode));
  if (element === undefined) return undefined;
  return (v) => {
    if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype || !checks(v as never)) return false;
    for (let i = 0; i < v.length; i++) if (!(i in v) || !element(v[i])) return false;
    return true;
  };
};

const objectOf = (d: Def, checks: Check, mode: Mode): Unchanged | undefined => {
  // Unknown members: a strict object refuses them, a plain one strips them (so the value would
  // change): both take only the known ones here. A loose object keeps them as they are.
  const catchall = d.catchall === undefined ? "never" : defOf(d.catchall).type;
  if (catchall !== "never" && catchall !== "unknown") return undefined;
  const members = new Map<string, { readonly optional: boolean; readonly check: Unchanged }>();
  const inner = deeper(mode);
  let required = 0;
  for (const [key, schema] of Object.entries(d.shape ?? {})) {
    // A key that is not storable text is left to the schema's path (the schema's keys are known here).
    const check = mode.storable && !isStorableText(key) ? undefined : compile(schema, inner);
    if (check === undefined) return undefined;
    const optional = defOf(schema).type === "optional";
    if (!optional) required++;
    members.set(key, { optional, check });
  }
  const loose = catchall === "unknown";
  // One pass over the value's own keys: each known one checked, an unknown one refused (unless
  // loose), and every required member found.
  return (v) => {
    if (!isPlain(v) || !checks(v as never)) return false;
    let found = 0;
    for (const key of Object.keys(v)) {
      const m = members.get(key);
      if (m === undefined) {
        if (loose && (!mode.storable || (isStorableText(key) && storableAt(v[key], inner)))) continue;
        return false;
      }
      if (!m.check(v[key])) return false;
      if (!m.optional) found++;
    }
    return found === required;
  };
};
