import type { Immutable } from "./recipe.js";

/** A stream's folded state at a known version. */
export interface Snapshot<S> {
  readonly state: Immutable<S>;
  readonly version: number;
}

/**
 * Where `handle` keeps folded states between commands, so a command on a long stream reads only
 * the events appended since. States are immutable, so sharing them is safe.
 */
export interface StateCache<S> {
  get(streamId: string): Snapshot<S> | undefined;
  set(streamId: string, snapshot: Snapshot<S>): void;
}

/**
 * A least-recently-used cache of stream states holding at most `capacity` streams.
 *
 * @example
 * const cache = lruStateCache<typeof labDecider.initialState>(10_000);
 * await handle(store, labDecider, command, ctx, { cache });
 */
export const lruStateCache = <S>(capacity: number): StateCache<S> => {
  const entries = new Map<string, Snapshot<S>>();
  return {
    get(streamId) {
      const hit = entries.get(streamId);
      if (hit !== undefined) {
        // Re-insert to mark as most recently used; Map keeps insertion order.
        entries.delete(streamId);
        entries.set(streamId, hit);
      }
      return hit;
    },
    set(streamId, snapshot) {
      entries.delete(streamId);
      entries.set(streamId, snapshot);
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
    },
  };
};
