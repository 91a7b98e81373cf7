import type { AnyEvent, Envelope } from "./envelope.js";
import { deepFreeze, type Recipe, runFromScratch, runOnto } from "./recipe.js";

/**
 * A read model over events: an initial state, a recipe applying one event, and optionally a merge
 * of two states built from stream-disjoint parts of a log, which must satisfy
 * `project(a ++ b) = merge(project(a), project(b))`.
 *
 * @example
 * const countByType: Projection<Record<string, number>> = {
 *   init: {},
 *   apply: (draft, e) => { draft[e.type] = (draft[e.type] ?? 0) + 1; },
 *   merge: (a, b) => mergeCounts(a, b),
 * };
 */
export interface Projection<S, E extends AnyEvent = AnyEvent> {
  /** The state before any event. */
  readonly init: S;
  /** Account for one event (a recipe: mutate the draft, return nothing). */
  readonly apply: Recipe<S, Envelope<E>>;
  /** Combine states built from stream-disjoint parts of a log. */
  readonly merge?: (a: S, b: S) => S;
  /**
   * The name under which a stream's position is kept (default: its id). A domain whose stream ids
   * can hold personal references names those streams by a digest, so positions never show them.
   */
  readonly streamName?: (streamId: string) => string;
}

/** A projection's state together with how far into each stream it has read. */
export interface Projected<S> {
  readonly state: S;
  /** The highest version applied per stream; events at or below it are not applied again. */
  readonly positions: ReadonlyMap<string, number>;
}

// Streams deliver in version order, so a per-stream high-water mark recognises a redelivered
// event with O(streams) memory instead of remembering every event id. Marks are mutable cells so
// the hot path does one Map lookup per event, not a lookup and a write.
type Marks = Map<string, { version: number }>;

const once = <S, E extends AnyEvent>(projection: Projection<S, E>, marks: Marks): Recipe<S, Envelope<E>> => {
  const { apply, streamName } = projection;
  return (draft, event) => {
    const stream = streamName === undefined ? event.streamId : streamName(event.streamId);
    const mark = marks.get(stream);
    if (mark === undefined) marks.set(stream, { version: event.version });
    else if (event.version <= mark.version) return;
    else mark.version = event.version;
    apply(draft, event);
  };
};

const marksOf = (positions: ReadonlyMap<string, number>): Marks => new Map([...positions].map(([s, version]) => [s, { version }]));
const positionsOf = (marks: Marks): ReadonlyMap<string, number> => deepFreeze(new Map([...marks].map(([s, m]) => [s, m.version])));

/**
 * Build a projection from scratch over events (fast path: a private mutable copy, frozen once).
 * An event delivered twice is applied once.
 *
 * @example
 * const { state } = project(countByType, events);
 */
export const project = <S, E extends AnyEvent>(projection: Projection<S, E>, events: Iterable<NoInfer<Envelope<E>>>): Projected<S> => {
  const marks: Marks = new Map();
  const state = runFromScratch(projection.init, once(projection, marks), events);
  return { state, positions: positionsOf(marks) };
};

/**
 * Apply more events to a projected state, leaving the given one untouched (one immer `produce`
 * per call). Equal to projecting everything from scratch.
 *
 * @example
 * let view = project(countByType, []);
 * view = applyTo(countByType, view, newEvents);
 */
export const applyTo = <S, E extends AnyEvent>(projection: Projection<S, E>, projected: Projected<S>, events: Iterable<NoInfer<Envelope<E>>>): Projected<S> => {
  const marks = marksOf(projected.positions);
  const state = runOnto(projected.state, once(projection, marks), events);
  return { state, positions: positionsOf(marks) };
};

/**
 * Merge two projected states built from stream-disjoint parts of a log, e.g. in parallel workers.
 * Throws if the projection has no `merge` or the parts share a stream (a partitioning mistake).
 *
 * @example
 * const whole = mergeProjected(countByType, project(countByType, partA), project(countByType, partB));
 */
export const mergeProjected = <S, E extends AnyEvent>(projection: Projection<S, E>, a: Projected<S>, b: Projected<S>): Projected<S> => {
  if (projection.merge === undefined) throw new TypeError("mergeProjected: this projection has no merge");
  const positions = new Map(a.positions);
  for (const [stream, version] of b.positions) {
    if (positions.has(stream)) throw new TypeError(`mergeProjected: both parts hold stream ${stream}; partition the log by stream`);
    positions.set(stream, version);
  }
  return { state: deepFreeze(projection.merge(a.state, b.state)), positions: deepFreeze(positions) };
};

// The shape of every projection, with parameters typed `never` so that any concrete one fits.
interface SomeProjection {
  readonly init: unknown;
  readonly streamName?: (streamId: string) => string;
  readonly apply: (draft: never, event: never) => void;
  readonly merge?: (a: never, b: never) => unknown;
}

/** The states of combined projections, each under its name. */
export type CombinedProjectionState<P extends Record<string, SomeProjection>> = { [K in keyof P]: P[K]["init"] };

/**
 * Run several projections in one pass over the log (one loop, one redelivery guard), each on its own
 * part of the state; merge part by part. The combination has `merge` only if every part has. Name
 * the event type as the second type argument.
 *
 * @example
 * const figures = combineProjections<typeof parts, LabEvent>({ participation, portfolio });
 * const { state } = project(figures, events); // state.participation, state.portfolio
 */
export const combineProjections = <P extends Record<string, SomeProjection>, E extends AnyEvent = AnyEvent>(
  parts: P,
): Projection<CombinedProjectionState<P>, E> => {
  const list = Object.keys(parts).map((name) => [name, parts[name] as SomeProjection] as const);
  const mergeable = list.every(([, p]) => p.merge !== undefined);
  // One redelivery guard for all parts, so they must agree on how streams are named.
  const streamName = list.find(([, p]) => p.streamName !== undefined)?.[1].streamName;
  return {
    ...(streamName === undefined ? {} : { streamName }),
    init: Object.fromEntries(list.map(([name, p]) => [name, p.init])) as CombinedProjectionState<P>,
    apply: (draft, event) => {
      const d = draft as Record<string, unknown>;
      for (const [name, p] of list) p.apply(d[name] as never, event as never);
    },
    ...(mergeable
      ? {
          merge: (a: CombinedProjectionState<P>, b: CombinedProjectionState<P>) => {
            const x = a as Record<string, unknown>;
            const y = b as Record<string, unknown>;
            return Object.fromEntries(list.map(([name, p]) => [name, (p.merge as (m: unknown, n: unknown) => unknown)(x[name], y[name])])) as CombinedProjectionState<P>;
          },
        }
      : {}),
  };
};
