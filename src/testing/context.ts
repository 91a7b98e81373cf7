import type { Actor, Context } from "../kernel/index.js";

/**
 * A generator of predictable ids: `evt-1`, `evt-2`, …
 *
 * @example
 * const next = sequentialIds("evt"); next(); // "evt-1"
 */
export const sequentialIds = (prefix = "id"): (() => string) => {
  let n = 0;
  return () => `${prefix}-${++n}`;
};

/** What `fixedContext` accepts: any context field, and `at` as an ISO timestamp for the clock. */
export interface FixedContextOptions extends Partial<Omit<Context, "now">> {
  /** The fixed time `now()` returns (default `2020-01-01T00:00:00.000Z`). */
  readonly at?: string;
}

/** The actor a test acts as unless it says otherwise. */
export const testActor: Actor = { id: "tester", role: "lab_team" };

/**
 * A deterministic context for tests: a frozen clock, sequential ids, a fixed actor.
 *
 * @example
 * const ctx = fixedContext({ at: "2019-05-01T09:00:00Z", actor: { id: "dm-1", role: "decision_maker" } });
 */
export const fixedContext = (options: FixedContextOptions = {}): Context => {
  const { at = "2020-01-01T00:00:00.000Z", newId = sequentialIds("evt"), actor = testActor, ...rest } = options;
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) throw new TypeError(`fixedContext: "${at}" is not a date`);
  return { ...rest, now: () => new Date(time.getTime()), newId, actor };
};
