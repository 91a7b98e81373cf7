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
  if (wellFormed === null) wellFormed = unchanged(EnvelopeSchema);
  return wellFormed?.(value) === true ? undefined : EnvelopeSchema.safeParse(value).error?.issues;
};
