import { type AnyEvent, type Envelope, type Immutable, project, type Projection } from "../kernel/index.js";
import { diff, matchesPartial, show } from "./diff.js";
import { prng } from "./prng.js";

/** How events are delivered to the projection in a spec. */
export type Delivery = "in order" | "every event twice" | "shuffled across streams";

/** Options of `projectionSpec`. */
export interface ProjectionSpecOptions {
  /** Deliveries to try (default all three): the figures must not depend on them. */
  readonly deliveries?: readonly Delivery[];
  /** Seed of the shuffle (default 1). */
  readonly seed?: number;
  /**
   * What must not depend on delivery (default: the whole state). A projection whose state numbers
   * things in the order it first meets them (the lab's participation numbers people) compares
   * what it means instead, such as its figures.
   */
  readonly compare?: (state: never) => unknown;
}

// A stream-preserving shuffle: a seeded random interleaving of the streams, each in its own order.
const shuffle = <E extends AnyEvent>(events: readonly Envelope<E>[], seed: number): Envelope<E>[] => {
  const random = prng(seed);
  const streams = new Map<string, Envelope<E>[]>();
  for (const e of events) {
    const list = streams.get(e.streamId);
    if (list) list.push(e);
    else streams.set(e.streamId, [e]);
  }
  const queues = [...streams.values()];
  const out: Envelope<E>[] = [];
  while (queues.length > 0) {
    const i = Math.floor(random() * queues.length);
    const q = queues[i] as Envelope<E>[];
    out.push(q.shift() as Envelope<E>);
    if (q.length === 0) queues.splice(i, 1);
  }
  return out;
};

const deliver = <E extends AnyEvent>(events: readonly Envelope<E>[], how: Delivery, seed: number): Envelope<E>[] =>
  how === "in order" ? [...events] : how === "every event twice" ? events.flatMap((e) => [e, e]) : shuffle(events, seed);

/**
 * Given events, then figures: a projection spec that also delivers every event twice and in a
 * shuffled, stream-preserving order, and fails unless each delivery gives the same state. Failures
 * throw an `Error` with a readable diff, in any test runner.
 *
 * @example
 * projectionSpec(participation).given(events).then((s) => participationFigures(s).overall, { distinctParticipants: 3 });
 */
export const projectionSpec = <S, E extends AnyEvent>(projection: Projection<S, E>, options: ProjectionSpecOptions = {}) => ({
  /** The events of the log, in log order. */
  given(events: readonly Envelope<E>[]) {
    const deliveries = options.deliveries ?? ["in order", "every event twice", "shuffled across streams"];
    const run = (log: readonly Envelope<E>[], how: string): Immutable<S> => {
      const r = project(projection, log);
      if (!r.ok) throw new Error(`The projection refused the log delivered ${how}: ${r.error.message}`);
      return r.value.state;
    };
    const compare = (options.compare ?? ((s: Immutable<S>) => s)) as (s: Immutable<S>) => unknown;
    const states = deliveries.map((how) => ({ how, state: run(deliver(events, how, options.seed ?? 1), how) }));
    const reference = states[0];
    for (const { how, state } of states.slice(1)) {
      if (reference === undefined) break;
      const [a, b] = [compare(reference.state), compare(state)];
      if (show(b) !== show(a)) {
        throw new Error(`The projection depends on delivery: "${how}" differs from "${reference.how}" (- ${reference.how}, + ${how}):\n${diff(a, b)}`);
      }
    }
    const state = reference?.state ?? run(events, "in order");
    return {
      /** The state, for checks of your own. */
      state,
      /** Assert that what `view` reads from the state contains everything in `expected`. */
      then<V>(view: (state: Immutable<S>) => V, expected: unknown): V {
        const actual = view(state);
        if (!matchesPartial(actual, expected)) throw new Error(`The figures differ from those expected (- expected, + actual):\n${diff(expected, actual)}`);
        return actual;
      },
    };
  },
});
