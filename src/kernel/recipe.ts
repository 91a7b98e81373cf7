import { type Draft, enableMapSet, freeze, produce } from "immer";

/**
 * An immer-style recipe: mutate the draft state to account for one event, return nothing.
 * Deciders' `evolve` and projections' `apply` are recipes.
 */
export type Recipe<S, E> = (draft: Draft<S>, event: E) => void;

// structuredClone is a global in every runtime we target (Node ≥17, browsers, Deno, Bun, workers)
// but lives in TypeScript's DOM lib, which the core must not see.
const clone = <S>(value: S): S => (globalThis as unknown as { structuredClone: <T>(v: T) => T }).structuredClone(value);

let mapSetEnabled = false;
// Enabled on first use rather than at import, so importing the library has no side effects.
const ensureMapSet = (): void => {
  if (!mapSetEnabled) {
    enableMapSet();
    mapSetEnabled = true;
  }
};

/**
 * Run a recipe over events from scratch on a private mutable copy of `initial` (no proxies, the fast
 * path), then freeze the result once.
 */
export const runFromScratch = <S, E>(initial: S, recipe: Recipe<S, E>, events: Iterable<E>): S => {
  const working = clone(initial) as Draft<S>;
  for (const event of events) recipe(working, event);
  return freeze(working as S, true);
};

/**
 * Run a recipe over events on top of an existing immutable state through one immer `produce`, so
 * `base` is left untouched and unchanged branches are shared.
 */
export const runOnto = <S, E>(base: S, recipe: Recipe<S, E>, events: Iterable<E>): S => {
  ensureMapSet();
  return produce(base, (draft: Draft<S>) => {
    for (const event of events) recipe(draft, event);
  }) as S;
};

/** Start a private mutable working copy for incremental (async or live) runs. */
export const startWorking = <S>(initial: S): Draft<S> => clone(initial) as Draft<S>;

/** Freeze a private working copy into the immutable state handed to callers. */
export const finishWorking = <S>(working: Draft<S>): S => freeze(working as S, true);
