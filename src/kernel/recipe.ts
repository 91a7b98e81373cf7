import { type Draft, enableMapSet, freeze as immerFreeze, Immer, type Immutable } from "immer";

/**
 * A state as the library hands it out: deeply read-only in its type (Maps and Sets as their
 * read-only interfaces), as it is frozen at run time. Recipes get a `Draft` of it to change.
 */
export type { Immutable };

/**
 * An immer-style recipe: mutate the draft state to account for one event, return nothing.
 * Deciders' `evolve` and projections' `apply` are recipes.
 */
export type Recipe<S, E> = (draft: Draft<S>, event: E) => void;

/**
 * Deep-copy plain state data (objects, arrays, Maps, Sets, Dates), sharing immutable values such as
 * a `PersistentMap` as they are. States are plain data by contract; this is several times faster
 * than `structuredClone` on the small initial states a rebuild starts from for every stream.
 */
export const cloneState = <S>(value: S): S => {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    // Copy in one go and clone only the elements that are objects: most state arrays hold ids.
    // Spread, not slice: V8 copies a frozen array with slice() through a slow path (~100× slower).
    const out: unknown[] = [...(value as unknown[])];
    for (let i = 0; i < out.length; i++) {
      const v = out[i];
      if (typeof v === "object" && v !== null) out[i] = cloneState(v);
    }
    return out as S;
  }
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, cloneState(v)])) as S;
  if (value instanceof Set) return new Set([...value].map(cloneState)) as S;
  if (value instanceof Date) return new Date(value.getTime()) as S;
  // An instance of a class of its own (a `PersistentMap`) is an immutable value: shared, not copied.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = cloneState((value as Record<string, unknown>)[key]);
  return out as S;
};

/**
 * Deep-freeze state, skipping subtrees that are already frozen (shared with an older state, or a
 * `PersistentMap`, frozen with what it holds when made). Maps and Sets are frozen the way immer
 * does it, so their mutators throw.
 */
export const deepFreeze = <S>(value: S): S => {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  if (value instanceof Map || value instanceof Set) {
    immerFreeze(value);
    for (const v of value.values()) deepFreeze(v);
    return value;
  }
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const v of value) if (typeof v === "object" && v !== null) deepFreeze(v);
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (typeof v === "object" && v !== null) deepFreeze(v);
    }
  }
  return value;
};

let immer: Immer | undefined;
// Created on first use rather than at import, so importing the library has no side effects.
// autoFreeze is off because immer's own deep freeze walks every element of every copied array;
// `deepFreeze` afterwards gives the same frozen result for a fraction of the cost. immer's
// `enableArrayMethods` would halve the cost again, but it is a global switch that changes what
// array callbacks receive in the host's own recipes, so it is left to the host.
const getImmer = (): Immer => {
  if (immer === undefined) {
    enableMapSet();
    immer = new Immer({ autoFreeze: false });
  }
  return immer;
};

/** A private mutable working copy of `initial`, for rebuilding from scratch. */
export const startWorking = <S>(initial: S | Immutable<S>): Draft<S> => cloneState(initial) as Draft<S>;

/** Freeze a working copy into the immutable state handed to callers. */
export const finishWorking = <S>(working: Draft<S>): Immutable<S> => deepFreeze(working as Immutable<S>);

/**
 * Run a recipe over events from scratch on a private mutable copy of `initial` (no proxies, the fast
 * path), then freeze the result once.
 */
export const runFromScratch = <S, E>(initial: S | Immutable<S>, recipe: Recipe<S, E>, events: Iterable<E>): Immutable<S> => {
  const working = startWorking(initial);
  for (const event of events) recipe(working, event);
  return finishWorking(working);
};

// How many entries the containers near the top of a state hold (two levels down, so a combined
// state's parts count): enough to tell a state worth sharing from one cheaper to copy whole.
const breadth = (value: unknown, depth: number): number => {
  if (typeof value !== "object" || value === null) return 0;
  if (value instanceof Map || value instanceof Set) return value.size;
  if (Array.isArray(value)) return value.length;
  if (depth === 0) return 0;
  let n = 0;
  for (const key of Object.keys(value)) n += breadth((value as Record<string, unknown>)[key], depth - 1);
  return n;
};

// Measured (bench/kernel.ts): immer costs about 20 µs a call whatever the state, a deep copy about
// 0.1 µs an entry; above this many entries sharing wins.
const SHARE_ABOVE = 128;

/**
 * Run a recipe over events on top of an existing immutable state, leaving `base` untouched. A
 * large state goes through one immer `produce`, so only what the events touch is copied and
 * unchanged branches are shared; a small one is copied whole and run without proxies, which is
 * cheaper. Either way the result is deep-frozen and equal.
 */
export const runOnto = <S, E>(base: S | Immutable<S>, recipe: Recipe<S, E>, events: Iterable<E>): Immutable<S> => {
  if (breadth(base, 2) <= SHARE_ABOVE) return runFromScratch(base, recipe, events);
  return deepFreeze(
    getImmer().produce(base as S, (draft: Draft<S>) => {
      for (const event of events) recipe(draft, event);
    }) as Immutable<S>,
  );
};
