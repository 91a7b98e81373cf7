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

// A place in the cache's ring of recency.
class Link {
  prev: Link = this;
  next: Link = this;
}
class Slot<S> extends Link {
  constructor(
    readonly key: string,
    public snapshot: Snapshot<S>,
  ) {
    super();
  }
}
const detach = (l: Link): void => {
  l.prev.next = l.next;
  l.next.prev = l.prev;
};
const toFront = (head: Link, l: Link): void => {
  detach(l);
  l.prev = head;
  l.next = head.next;
  head.next.prev = l;
  head.next = l;
};

/**
 * A least-recently-used cache of stream states holding at most `capacity` streams.
 *
 * @example
 * const cache = lruStateCache<typeof labDecider.initialState>(10_000);
 * await handle(store, labDecider, command, ctx, { cache });
 */
export const lruStateCache = <S>(capacity: number): StateCache<S> => {
  const slots = new Map<string, Slot<S>>();
  // A ring through `head`: head.next is the stream used last, head.prev the one used longest ago.
  // Marking a stream used moves its slot in the ring, where re-inserting it in a Map hashed it twice.
  const head = new Link();
  return {
    get(streamId) {
      const slot = slots.get(streamId);
      if (slot === undefined) return undefined;
      if (head.next !== slot) toFront(head, slot);
      return slot.snapshot;
    },
    set(streamId, snapshot) {
      const slot = slots.get(streamId);
      if (slot !== undefined) {
        slot.snapshot = snapshot;
        toFront(head, slot);
        return;
      }
      const added = new Slot(streamId, snapshot);
      slots.set(streamId, added);
      toFront(head, added);
      const oldest = head.prev;
      if (slots.size > capacity && oldest instanceof Slot) {
        detach(oldest);
        slots.delete(oldest.key);
      }
    },
  };
};
