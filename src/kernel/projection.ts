import { freeze } from "immer";
import type { AnyEvent, Envelope } from "./envelope.js";
import { type Recipe, runFromScratch, runOnto } from "./recipe.js";

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
}

/** A projection's state together with how far into each stream it has read. */
export interface Projected<S> {
  readonly state: S;
  /** The highest version applied per stream; events at or below it are not applied again. */
  readonly positions: ReadonlyMap<string, number>;
}

// Streams deliver in version order, so a per-stream high-water mark recognises a redelivered
// event with O(streams) memory instead of remembering every event id.
const once =
  <S, E extends AnyEvent>(apply: Recipe<S, Envelope<E>>, positions: Map<string, number>): Recipe<S, Envelope<E>> =>
  (draft, event) => {
    if (event.version <= (positions.get(event.streamId) ?? 0)) return;
    positions.set(event.streamId, event.version);
    apply(draft, event);
  };

/**
 * Build a projection from scratch over events (fast path: a private mutable copy, frozen once).
 * An event delivered twice is applied once.
 *
 * @example
 * const { state } = project(countByType, events);
 */
export const project = <S, E extends AnyEvent>(projection: Projection<S, E>, events: Iterable<NoInfer<Envelope<E>>>): Projected<S> => {
  const positions = new Map<string, number>();
  const state = runFromScratch(projection.init, once(projection.apply, positions), events);
  return { state, positions: freeze(positions) };
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
  const positions = new Map(projected.positions);
  const state = runOnto(projected.state, once(projection.apply, positions), events);
  return { state, positions: freeze(positions) };
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
  return { state: freeze(projection.merge(a.state, b.state), true), positions: freeze(positions) };
};
