import * as z from "zod";
import { type Code, constant, declare, generate, newCode, table } from "./generated-code.js";
import { ScannedRegExp } from "./scanned-regexp.js";
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

/**
 * Build the `Unchanged` predicate of a schema, or undefined when the schema uses a kind this does
 * not read (then every value goes through the schema, as before). Internal: the codec's.
 */
export const unchanged = (schema: z.ZodType): Unchanged | undefined => (verified() ? remembered(schema, LOOSE) : undefined);

/**
 * The same as `unchanged`, holding only of values that are also storable JSON (`isStorableJson`):
 * what the codec asks of an event's `data`, so that a well-formed event is walked once — by its own
 * schema — not a second time for the storable-text rule. Each string the schema does not already
 * prove storable (by a storable refinement, or an ASCII-only scan that accepted it) is tested here;
 * what the schema does not describe (a loose object's other members, a custom check) is walked.
 * Internal: the codec's.
 */
export const storableUnchanged = (schema: z.ZodType): Unchanged | undefined => (verified() ? remembered(schema, STORABLE) : undefined);

// What a predicate is compiled for: only the schema's verdict, or (`storable`) also storable JSON
// at `depth` levels of nesting (`data` itself is level 1, as `isStorableJson` counts).
interface Mode {
  readonly storable: boolean;
  readonly depth: number;
}
const LOOSE: Mode = { storable: false, depth: 1 };
const STORABLE: Mode = { storable: true, depth: 1 };
// Predicates already generated, by schema, for each entry's mode: every codec asks for the same catalogue's.
const generatedLoose = new WeakMap<z.ZodType, Unchanged | null>();
const generatedStorable = new WeakMap<z.ZodType, Unchanged | null>();
const remembered = (schema: z.ZodType, mode: Mode): Unchanged | undefined => {
  const byMode = mode.storable ? generatedStorable : generatedLoose;
  let p = byMode.get(schema);
  if (p === undefined) byMode.set(schema, (p = compile(schema, mode) ?? null));
  return p ?? undefined;
};
const deeper = (mode: Mode): Mode => (mode.storable ? { storable: true, depth: mode.depth + 1 } : mode);
// Storable JSON at the given depth, for what a schema leaves undescribed.
const storableAt = (v: unknown, mode: Mode): boolean => !mode.storable || isStorableJson(v, MAX_JSON_DEPTH - mode.depth + 1);

// Whether a string check already refuses every string that is not storable text.
const provesStorable = (d: Def): boolean => (d.checks ?? []).some((c) => c._zod.def.check === "custom" && c._zod.def.fn === isStorableText);
// The predicate is generated as code (see `generated-code.ts`): a function for each object, array
// and union of the schema, with each member's test written out in place (the envelope's check runs
// in about half the time the closures built before took).
const and = (...parts: readonly string[]): string => {
  const kept = parts.filter((p) => p !== "");
  return kept.length === 0 ? "true" : kept.map((p) => `(${p})`).join(" && ");
};

// A number as code: written out when finite (the engine folds it), otherwise read from the constants.
const numberCode = (code: Code, x: unknown): string =>
  typeof x === "number" && Number.isFinite(x) ? `(${String(x)})` : constant(code, typeof x === "number" ? x : Number.NaN);

// Where a string's storable-text test is folded into an ASCII-only scan (see `patternCode`): asked
// of the first such pattern of the string; `done` once one took it.
interface Fold {
  done: boolean;
}

const patternCode = (code: Code, pattern: RegExp, x: string, fold?: Fold): string => {
  if (pattern instanceof ScannedRegExp) {
    const scan = constant(code, pattern.scan);
    const p = constant(code, pattern);
    // A string an ASCII-only scan accepted is storable text; one the full pattern accepted is tested.
    if (fold !== undefined && !fold.done && pattern.ascii) {
      fold.done = true;
      return `${scan}(${x}) ?? (${p}.full(${x}) && isStorableText(${x}))`;
    }
    return `${scan}(${x}) ?? ${p}.full(${x})`;
  }
  const p = constant(code, pattern);
  // Only a global or sticky pattern starts where its last match ended.
  return pattern.global || pattern.sticky ? `(${p}.lastIndex = 0, ${p}.test(${x}))` : `${p}.test(${x})`;
};

// One check of a string, number or array as an expression of `x`; undefined when it is of a kind
// not read here.
const checkCode = (code: Code, c: CheckDef, x: string, fold?: Fold): string | undefined => {
  // A guard on when a check runs: length checks carry one ("the value has a length"), which holds
  // here, since they are only reached once the value is known to be a string or an array.
  if (c.when !== undefined && c.check !== "min_length" && c.check !== "max_length") return undefined;
  switch (c.check) {
    case "min_length":
      return `${x}.length >= ${numberCode(code, c.minimum)}`;
    case "max_length":
      return `${x}.length <= ${numberCode(code, c.maximum)}`;
    case "greater_than":
      return `${x} ${c.inclusive === true ? ">=" : ">"} ${numberCode(code, c.value)}`;
    case "less_than":
      return `${x} ${c.inclusive === true ? "<=" : "<"} ${numberCode(code, c.value)}`;
    case "string_format":
      return c.format === "regex" && c.pattern instanceof RegExp ? patternCode(code, c.pattern, x, fold) : undefined;
    case "overwrite":
      // A change (trim, say): the value passes unchanged only if the change leaves it as it is.
      return c.tx === undefined ? undefined : `${constant(code, c.tx)}(${x}) === ${x}`;
    case "custom":
      return c.fn === undefined ? undefined : `${constant(code, c.fn)}(${x}) === true`;
    default:
      return undefined;
  }
};

const checksCode = (code: Code, d: Def, x: string, fold?: Fold): string | undefined => {
  const parts: string[] = [];
  for (const c of d.checks ?? []) {
    const one = checkCode(code, c._zod.def, x, fold);
    if (one === undefined) return undefined;
    parts.push(one);
  }
  return and(...parts);
};

// Storable JSON at the mode's depth, for what a schema leaves undescribed: as `storableAt`.
const storableCode = (mode: Mode, x: string): string => (mode.storable ? `isStorableJson(${x}, ${MAX_JSON_DEPTH - mode.depth + 1})` : "");

// A schema's test as an expression of the variable `x`; undefined when it uses a kind not read here.
const expression = (code: Code, schema: z.ZodType, mode: Mode, x: string): string | undefined => {
  const d = defOf(schema);
  // A string's storable-text rule, unless a check of the schema already holds it: folded into an
  // ASCII-only scan where the string has one, otherwise a test of its own.
  const fold = d.type === "string" && mode.storable && !provesStorable(d) ? { done: false } : undefined;
  const checks = checksCode(code, d, x, fold);
  if (checks === undefined) return undefined;
  const call = (name: string | undefined): string | undefined => (name === undefined ? undefined : `${name}(${x})`);
  switch (d.type) {
    case "string": {
      if (d.format !== undefined && !(d.pattern instanceof RegExp)) return undefined;
      const pattern = d.format === undefined || d.pattern === undefined ? "" : patternCode(code, d.pattern, x, fold);
      return and(`typeof ${x} === "string"`, pattern, checks, fold === undefined || fold.done ? "" : `isStorableText(${x})`);
    }
    case "number": {
      if (d.format !== undefined && d.format !== "safeint") return undefined;
      return and(`typeof ${x} === "number"`, d.format === "safeint" ? `Number.isSafeInteger(${x})` : `Number.isFinite(${x})`, checks);
    }
    case "boolean":
      return and(`typeof ${x} === "boolean"`, checks);
    case "enum":
    case "literal": {
      // Judged once, here: a value that is not storable JSON is left to the schema's path.
      const values = new Set<unknown>((d.type === "enum" ? Object.values(d.entries ?? {}) : (d.values ?? [])).filter((v) => storableAt(v, mode)));
      return and(`${constant(code, values)}.has(${x})`, checks);
    }
    case "union":
      return d.discriminator === undefined ? undefined : call(unionCode(code, d, d.discriminator, mode));
    case "custom":
      return d.fn === undefined ? undefined : and(`${constant(code, d.fn)}(${x}) === true`, checks, storableCode(mode, x));
    case "optional":
    case "default": {
      // Only a missing member is optional here: a member present as `undefined` goes to the schema.
      // A default fills a missing value in (a change); a value given is the inner schema's.
      const inner = d.innerType === undefined ? undefined : expression(code, d.innerType, mode, x);
      return inner === undefined ? undefined : and(`${x} !== undefined`, inner);
    }
    case "array":
      return mode.depth > MAX_JSON_DEPTH ? undefined : call(arrayCode(code, d, mode));
    case "object":
      return mode.depth > MAX_JSON_DEPTH ? undefined : call(objectCode(code, d, mode));
    default:
      return undefined;
  }
};

// The options of a discriminated union (nested ones flattened) as a table in the code from the value
// of their discriminator to a function returning `made` of the option (an expression of `v`): the
// table's name, or undefined when an option is of a kind not read here.
const unionTable = (code: Code, d: Def, discriminator: string, made: (option: z.ZodType) => string | undefined): string | undefined => {
  const byValue = new Map<unknown, string>();
  const collect = (union: Def): boolean => {
    for (const option of union.options ?? []) {
      const o = defOf(option);
      if (o.type === "union" && o.discriminator === discriminator) {
        if (!collect(o)) return false;
        continue;
      }
      const member = o.type === "object" ? o.shape?.[discriminator] : undefined;
      const m = member === undefined ? undefined : defOf(member);
      const values = m?.type === "literal" ? m.values : m?.type === "enum" ? Object.values(m.entries ?? {}) : undefined;
      const result = made(option);
      if (values === undefined || result === undefined) return false;
      const name = declare(code, `return ${result};`);
      for (const value of values) byValue.set(value, name);
    }
    return true;
  };
  if (!collect(d)) return undefined;
  return table(
    code,
    [...byValue].map(([value, name]) => [constant(code, value), name] as const),
  );
};

// A discriminated union reads its discriminator and parses with the one option it names (zod
// refuses a value naming none): so does this.
const unionCode = (code: Code, d: Def, discriminator: string, mode: Mode): string | undefined => {
  const checks = checksCode(code, d, "v");
  const byValue = checks === undefined ? undefined : unionTable(code, d, discriminator, (option) => expression(code, option, mode, "v"));
  if (checks === undefined || byValue === undefined) return undefined;
  return declare(
    code,
    `if (!isPlain(v)) return false;\nconst f = ${byValue}.get(v[${JSON.stringify(discriminator)}]);\nreturn f !== undefined && f(v) && ${and(checks)};`,
  );
};

const arrayCode = (code: Code, d: Def, mode: Mode): string | undefined => {
  const checks = checksCode(code, d, "v");
  const element = d.element === undefined ? undefined : expression(code, d.element, deeper(mode), "x");
  if (checks === undefined || element === undefined) return undefined;
  return declare(
    code,
    `if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype || !(${checks})) return false;
for (let i = 0; i < v.length; i++) {
  if (!(i in v)) return false;
  const x = v[i];
  if (!(${element})) return false;
}
return true;`,
  );
};

const objectCode = (code: Code, d: Def, mode: Mode): string | undefined => {
  // Unknown members: a strict object refuses them, a plain one strips them (so the value would
  // change): both take only the known ones here. A loose object keeps them as they are.
  const catchall = d.catchall === undefined ? "never" : defOf(d.catchall).type;
  if (catchall !== "never" && catchall !== "unknown") return undefined;
  const checks = checksCode(code, d, "v");
  if (checks === undefined) return undefined;
  const inner = deeper(mode);
  const cases: string[] = [];
  let required = 0;
  for (const [key, schema] of Object.entries(d.shape ?? {})) {
    // A key that is not storable text is left to the schema's path (the schema's keys are known here).
    if (mode.storable && !isStorableText(key)) return undefined;
    const test = expression(code, schema, inner, "x");
    if (test === undefined) return undefined;
    // zod reads a member missing from the value through its prototype: an object without its own
    // `constructor` has the inherited one, which no schema of JSON accepts. Such a member is
    // required here, so its absence goes to the schema.
    const optional = defOf(schema).type === "optional" && !(key in Object.prototype);
    if (!optional) required++;
    const k = JSON.stringify(key);
    cases.push(`case ${k}: x = v[${k}]; if (!(${test})) return false;${optional ? "" : " n++;"} break;`);
  }
  const other = catchall === "never" ? "return false;" : mode.storable ? `if (!(isStorableText(key) && ${storableCode(inner, "v[key]")})) return false;` : "";
  // One pass over the value's own keys: each known one checked, an unknown one refused (unless
  // loose), and every required member found.
  return declare(
    code,
    `if (!isPlain(v) || !(${checks})) return false;
const ks = Object.keys(v);
let n = 0, x;
for (let i = 0; i < ks.length; i++) {
  const key = ks[i];
  switch (key) {
${cases.join("\n")}
    default: ${other}
  }
}
return n === ${String(required)};`,
  );
};

// Where code cannot be generated (a Content-Security-Policy without 'unsafe-eval', say) there is no
// predicate: every value goes through the schema, correct and slower.
const compile = (schema: z.ZodType, mode: Mode): Unchanged | undefined => {
  const code = newCode();
  const test = expression(code, schema, mode, "x");
  if (test === undefined) return undefined;
  return generate<Unchanged>(code, HELPERS, test);
};

// What the generated checks call besides their constants.
const HELPERS = { isPlain, isStorableText, isStorableJson };

// How zod copies a value its schema accepted unchanged, generated as the test is: leaves as they
// are, arrays element by element, objects member by member in the schema's order (then a loose
// object's others, in theirs). Undefined where the test is.
const copier = (schema: z.ZodType): ((value: unknown) => unknown) | undefined => {
  const code = newCode();
  const copy = copyExpression(code, schema, "x");
  return copy === undefined ? undefined : generate<(value: unknown) => unknown>(code, HELPERS, copy);
};

// A copy of the variable `x` as an expression (`x` itself for a leaf); undefined where `unchanged` is.
const copyExpression = (code: Code, schema: z.ZodType, x: string): string | undefined => {
  const d = defOf(schema);
  switch (d.type) {
    case "optional":
    case "default":
      return d.innerType === undefined ? undefined : copyExpression(code, d.innerType, x);
    case "array": {
      const element = d.element === undefined ? undefined : copyExpression(code, d.element, "x");
      if (element === undefined) return undefined;
      return `${declare(code, `const out = [];\nfor (let i = 0; i < v.length; i++) {\n  const x = v[i];\n  out.push(${element});\n}\nreturn out;`)}(${x})`;
    }
    case "object": {
      const members: string[] = [];
      for (const [key, member] of Object.entries(d.shape ?? {})) {
        const copy = copyExpression(code, member, "x");
        if (copy === undefined) return undefined;
        const k = JSON.stringify(key);
        members.push(`if (Object.hasOwn(v, ${k})) {\n  const x = v[${k}];\n  out[${k}] = ${copy};\n}`);
      }
      const known = constant(code, new Set(Object.keys(d.shape ?? {})));
      const loose = d.catchall !== undefined && defOf(d.catchall).type === "unknown";
      const others = loose ? `\nfor (const key of Object.keys(v)) if (!${known}.has(key)) out[key] = v[key];` : "";
      return `${declare(code, `const out = {};\n${members.join("\n")}${others}\nreturn out;`)}(${x})`;
    }
    case "union": {
      const discriminator = d.discriminator;
      const byValue = discriminator === undefined ? undefined : unionTable(code, d, discriminator, (option) => copyExpression(code, option, "v"));
      if (discriminator === undefined || byValue === undefined) return undefined;
      return `${declare(code, `const f = ${byValue}.get(v[${JSON.stringify(discriminator)}]);\nreturn f === undefined ? v : f(v);`)}(${x})`;
    }
    default:
      return unchanged(schema) === undefined ? undefined : x;
  }
};
