import type * as z from "zod";
import { EnvelopeSchema } from "./envelope.js";
import { type Unchanged, unchanged } from "./unchanged.js";

// The verdict for the usual envelope (as `toEnvelopes` makes them) without building zod's copy;
// made on first use, so a bundle that never checks an envelope carries none of it.
let wellFormed: Unchanged | undefined | null = null;

/**
 * What `EnvelopeSchema` finds wrong with a value, or undefined when it accepts it: the fast predicate
 * gives the verdict for well-formed envelopes, the schema words the issues of the others. Internal:
 * shared by the decider's stamping and `planAppend`, not exported from the package.
 */
export const envelopeIssues = (value: unknown): readonly z.core.$ZodIssue[] | undefined => {
  if (typeof value === "object" && value !== null && vouched.has(value)) return undefined;
  if (wellFormed === null) wellFormed = unchanged(EnvelopeSchema);
  return wellFormed?.(value) === true ? undefined : EnvelopeSchema.safeParse(value).error?.issues;
};

// Envelopes this kernel stamped, checked and froze through: none of them can change any more, so
// their verdict stands, and the store they are appended to does not check them a second time.
const vouched = new WeakSet<object>();

// Freeze every object of a checked envelope, those already frozen too (a frozen object may hold one
// that is not). A checked envelope is plain JSON at most `MAX_JSON_DEPTH` deep: the walk ends.
const freezeThrough = (v: unknown): void => {
  if (typeof v !== "object" || v === null) return;
  Object.freeze(v);
  for (const key in v) freezeThrough((v as Record<string, unknown>)[key]);
};

/**
 * Record that an envelope passed `envelopeIssues`, freezing it through first, so that appending it
 * needs no second check. Internal: the decider's stamping calls it on the envelopes it made.
 */
export const vouchFor = (checked: object): void => {
  freezeThrough(checked);
  vouched.add(checked);
};
