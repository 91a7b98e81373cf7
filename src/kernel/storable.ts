import type * as z from "zod";

/**
 * How deeply objects and arrays may nest in an event's `data` (`data` itself is level 1). JSON stores
 * have a limit of their own (PostgreSQL's `jsonb` fails somewhere past 4,000 levels, depending on its
 * stack), and no lab event needs more than a handful; a fixed, documented bound means every store
 * keeps or refuses the same values.
 */
export const MAX_JSON_DEPTH = 64;

// What no JSON store of this ecosystem can keep in a string: U+0000 (PostgreSQL's text and jsonb
// refuse it) and a surrogate that is not half of a pair (not Unicode: refused by jsonb, replaced by
// U+FFFD on the way into SQLite's UTF-8). Written without the `u` flag so that it means the same in
// any JSON Schema validator, with or without Unicode regular expressions, and finds one bad
// character in a linear scan (no backtracking over a 10 MB string).
const UNSTORABLE_SOURCE = "\\u0000|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]";
const UNSTORABLE = /* @__PURE__ */ new RegExp(UNSTORABLE_SOURCE);
// Any NUL or surrogate at all: one character class, which most text passes at memory speed; only
// text holding a surrogate (an emoji, say) needs the precise test.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what must be found
const SUSPECT = /[\u0000\ud800-\udfff]/;

/**
 * Whether a string can be stored and read back unchanged by every store: it holds no U+0000 and no
 * lone surrogate.
 *
 * @example
 * isStorableText("Lisboa 🇵🇹") // true
 * isStorableText("a\u0000b")  // false
 */
export const isStorableText = (text: string): boolean => !SUSPECT.test(text) || !UNSTORABLE.test(text);

/** The sentence a refused string gets. */
export const UNSTORABLE_TEXT = "must not hold U+0000 or a lone surrogate (half of an emoji, say): no event store can keep them";

/**
 * A string schema that also refuses what no store can keep (`isStorableText`), and says so in the
 * JSON Schema it generates (`not: { pattern }`), so a validator in another language refuses it too.
 * Every free-text field of the envelope and of the lab's events and commands is built with it.
 *
 * @example
 * const Title = storable(z.string().trim().min(1).max(200));
 * Title.safeParse("a\u0000b").success // false
 */
// Marked free of side effects, so a bundle that uses no schema built with it drops them all.
export const storable = /* @__NO_SIDE_EFFECTS__ */ <S extends z.ZodString>(schema: S): S =>
  schema.refine(isStorableText, UNSTORABLE_TEXT).meta({ not: { pattern: UNSTORABLE_SOURCE } }) as S;

/** Where a value is not JSON that a store keeps unchanged, and why. */
export interface JsonProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const plain = (v: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

const primitiveProblem = (v: unknown): string | undefined => {
  switch (typeof v) {
    case "string":
      return isStorableText(v) ? undefined : UNSTORABLE_TEXT;
    case "number":
      return Number.isFinite(v) ? undefined : `must be a finite number, not ${String(v)} (JSON has no NaN or Infinity; stores would keep null)`;
    case "boolean":
      return undefined;
    case "bigint":
      return "must be a number, not a BigInt (JSON has no BigInt; write it as a string)";
    default:
      return `must be JSON, not ${typeof v}`;
  }
};

const plainArray = (v: object): v is unknown[] => Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype;

// The verdict of `jsonProblem` without building paths: what the envelope schema runs on every event.
const storableJson = (v: unknown, depth: number, maxDepth: number): boolean => {
  if (v === null) return true;
  switch (typeof v) {
    case "string":
      return isStorableText(v);
    case "number":
      return Number.isFinite(v);
    case "boolean":
      return true;
    case "object": {
      if (depth > maxDepth) return false;
      if (plainArray(v)) {
        for (let i = 0; i < v.length; i++) if (!(i in v) || v[i] === undefined || !storableJson(v[i], depth + 1, maxDepth)) return false;
        return true;
      }
      if (Array.isArray(v) || !plain(v)) return false;
      const record = v as Record<string, unknown>;
      for (const key in record) {
        if (!Object.hasOwn(record, key)) continue;
        const item = record[key];
        if (!isStorableText(key) || (item !== undefined && !storableJson(item, depth + 1, maxDepth))) return false;
      }
      return true;
    }
    default:
      return false;
  }
};

/**
 * Whether `value` is JSON every store keeps unchanged: `jsonProblem` finds nothing (it says where
 * and why when this is false).
 *
 * @example
 * isStorableJson({ a: [1, "two"] }) // true
 * isStorableJson({ a: Number.NaN }) // false
 */
export const isStorableJson = (value: unknown, maxDepth = MAX_JSON_DEPTH): boolean => storableJson(value, 1, maxDepth);

/**
 * The first place where `value` is not JSON that every store keeps unchanged, or undefined when it
 * is: strings `isStorableText`, finite numbers, no BigInt, `undefined` only as an absent object
 * member (as JSON has it), plain objects and dense arrays only, nesting at most `maxDepth` levels
 * (which also refuses a cycle). Keys are checked as strings are.
 *
 * @example
 * jsonProblem({ a: [1, Number.NaN] }) // { path: ["a", 1], message: "must be a finite number, not NaN …" }
 */
export const jsonProblem = (value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | undefined => {
  const path: (string | number)[] = [];
  const at = (message: string): JsonProblem => ({ path: [...path], message });
  const walk = (v: unknown, depth: number): JsonProblem | undefined => {
    if (v === null) return undefined;
    if (typeof v !== "object") {
      const problem = primitiveProblem(v);
      return problem === undefined ? undefined : at(problem);
    }
    if (depth > maxDepth) return at(`nests deeper than ${maxDepth} levels of objects and arrays, the most a stored event may hold`);
    if (Array.isArray(v)) {
      if (!plainArray(v)) return at("must be a plain array");
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const item: unknown = v[i];
        const problem = !(i in v) || item === undefined ? at("must not be a hole or undefined (JSON would write null)") : walk(item, depth + 1);
        if (problem !== undefined) return problem;
        path.pop();
      }
      return undefined;
    }
    if (!plain(v)) return at(`must be a plain object, not ${v.constructor?.name ?? "an object with a prototype"}`);
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      path.push(key);
      const item = record[key];
      // An absent member, as JSON has it: stores drop it and canonical JSON skips it.
      const problem = !isStorableText(key) ? at(`the key ${UNSTORABLE_TEXT}`) : item === undefined ? undefined : walk(item, depth + 1);
      if (problem !== undefined) return problem;
      path.pop();
    }
    return undefined;
  };
  return walk(value, 1);
};
