import type { AnyEvent, Envelope } from "./envelope.js";
import type { View } from "./fold.js";
import { type IntegrityFailure, integrityFailure } from "./errors.js";
import { deepFreeze, finishWorking, type Immutable, runOnto } from "./recipe.js";
import { err, ok, type Result } from "./result.js";
import { startRun, trackerFor } from "./projection-run.js";

/**
 * A read model over a whole log: a `View` (an initial state and a recipe evolving it by one event,
 * the same vocabulary as a decider's), optionally with a merge of two states built from
 * stream-disjoint parts of a log, which must satisfy `project(a ++ b) = merge(project(a), project(b))`.
 *
 * @example
 * const countByType: Projection<Record<string, number>> = {
 *   initialState: {},
 *   evolve: (draft, e) => { draft[e.type] = (draft[e.type] ?? 0) + 1; },
 *   merge: (a, b) => ({ ...a, ...Object.fromEntries(Object.entries(b).map(([k, n]) => [k, (a[k] ?? 0) + n])) }),
 * };
 */
export interface Projection<S, E extends AnyEvent = AnyEvent> extends View<S, E> {
  /** Combine states built from stream-disjoint parts of a log. */
  readonly merge?: (a: Immutable<S>, b: Immutable<S>) => S;
  /**
   * The name under which a stream's position is kept (default: its id). A domain whose stream ids
   * can hold personal references names those streams by a digest, so positions never show them.
   */
  readonly streamName?: (streamId: string) => string;
}

/** A projection's state together with how far into each stream it has read. */
export interface Projected<S> {
  readonly state: Immutable<S>;
  /** The highest version applied per stream; events at or below it are not applied again. */
  readonly positions: ReadonlyMap<string, number>;
}

/**
 * The order check a projection reads a log with: each stream's next events are applied,
 * redeliveries skipped, and the first event out of place ends the run with the failure.
 * @internal
 */
export { trackerFor };

/** Options of `project`. */
export interface ProjectOptions<E extends AnyEvent> {
  /**
   * Which events to apply: the log's order is checked on every event, and only those selected change
   * the state. A view of a log (as of a business date, say) is a selection, not a shorter log: a
   * shorter log would have gaps in its streams where an event recorded earlier happened later.
   */
  readonly where?: (event: Envelope<E>) => boolean;
  /**
   * The log holds each event once — a file or a table keyed by event id, or a log verified in the
   * same pass — so no event id is remembered and memory follows the state and the streams, not the
   * log. An event at a version already read is then refused as out of place (`reordered`) instead of
   * being skipped as a redelivery.
   */
  readonly eachOnce?: boolean;
}

/**
 * A projection built one event at a time, from scratch — from a file read line by line, a database
 * cursor — so that the log is never held: memory follows the projection's state (and each stream's
 * position). `project` is this, fed from an iterable; `projectAsync` fed from an async one.
 *
 * @example
 * const p = startProjection(participation);
 * for await (const e of events) p.push(e);
 * const r = p.finish();
 */
export interface Projecting<S, E extends AnyEvent> {
  /** Apply the next event: once if delivered again; the first event out of place ends the run with its failure. */
  push(event: Envelope<E>): void;
  /** The state built, frozen where it stands (no copy is made), or the first failure. The run is over: later pushes are ignored. */
  finish(): Result<Projected<S>, IntegrityFailure>;
}

/**
 * Start building a projection from scratch (see `Projecting`), on a private mutable copy of its
 * initial state that `finish` freezes once. With `where`, only the events selected are applied (the
 * order is still checked on all of them).
 *
 * @example
 * const p = startProjection(labProjections);
 * for (const e of events) p.push(e);
 * if (p.finish().ok) console.log("built");
 */
export const startProjection = <S, E extends AnyEvent>(projection: Projection<S, E>, options: ProjectOptions<NoInfer<E>> = {}): Projecting<S, E> =>
  startRun(projection, options, finishWorking);

/**
 * Build a projection from scratch over events (fast path: a private mutable copy, frozen once).
 * An event delivered again is applied once; a log whose streams are not in version order — a gap,
 * a reordering, another event claiming a version already applied — is refused with the stream and
 * version, never silently dropped. With `where`, only the events selected are applied (the order
 * is still checked on all of them).
 *
 * @example
 * const r = project(participation, events);
 * if (r.ok) console.log(r.value.positions.size, "streams read"); else console.error(r.error.message);
 * const in2019 = project(participation, events, { where: (e) => e.occurredAt < "2020" });
 */
export const project = <S, E extends AnyEvent>(
  projection: Projection<S, E>,
  events: Iterable<NoInfer<Envelope<E>>>,
  options: ProjectOptions<NoInfer<E>> = {},
): Result<Projected<S>, IntegrityFailure> => {
  const p = startProjection(projection, options);
  for (const e of events) p.push(e);
  return p.finish();
};

/**
 * `project` over events read one at a time from an async source — a file read line by line, a
 * database cursor — without holding the log (see `startProjection`). Accepts sync iterables too.
 *
 * @example
 * const source = (async function* () { yield* events; })(); // a file decoded piece by piece, a cursor
 * const r = await projectAsync(participation, source);
 */
export const projectAsync = async <S, E extends AnyEvent>(
  projection: Projection<S, E>,
  events: AsyncIterable<NoInfer<Envelope<E>>> | Iterable<NoInfer<Envelope<E>>>,
  options: ProjectOptions<NoInfer<E>> = {},
): Promise<Result<Projected<S>, IntegrityFailure>> => {
  const p = startProjection(projection, options);
  for await (const e of events) p.push(e);
  return p.finish();
};

/**
 * Apply more events to a projected state, leaving the given one untouched (one immer `produce`
 * per call). Equal to projecting everything from scratch; refused, with nothing applied, if an
 * event is out of place.
 *
 * @example
 * let view = must(project(participation, events));
 * const more = applyTo(participation, view, newEvents);
 * if (more.ok) view = more.value;
 */
export const applyTo = <S, E extends AnyEvent>(
  projection: Projection<S, E>,
  projected: Projected<S>,
  events: Iterable<NoInfer<Envelope<E>>>,
): Result<Projected<S>, IntegrityFailure> => {
  const track = trackerFor(projection, projected.positions);
  const next: Envelope<E>[] = [];
  for (const e of events) {
    const placed = track.place(e);
    if (placed.kind === "failure") return err(placed.error);
    if (placed.kind === "next") next.push(e);
  }
  return ok({ state: runOnto(projected.state, projection.evolve, next), positions: deepFreeze(track.positions()) });
};

/**
 * Merge two projected states built from stream-disjoint parts of a log, e.g. in parallel workers.
 * Parts that share a stream (a partitioning mistake) are refused with `overlapping_parts`.
 * Throws only if the projection has no `merge`, which is a programming mistake.
 *
 * @example
 * const [a, b] = [events.filter((e) => e.streamId < "project:m"), events.filter((e) => e.streamId >= "project:m")];
 * const whole = mergeProjected(participation, must(project(participation, a)), must(project(participation, b)));
 */
export const mergeProjected = <S, E extends AnyEvent>(
  projection: Projection<S, E>,
  a: Projected<S>,
  b: Projected<S>,
): Result<Projected<S>, IntegrityFailure> => {
  if (projection.merge === undefined) throw new TypeError("mergeProjected: this projection has no merge");
  const positions = new Map(a.positions);
  for (const [stream, version] of b.positions) {
    if (positions.has(stream)) {
      return err(
        integrityFailure("overlapping_parts", `Both parts hold stream ${stream}: partition the log by stream before projecting the parts.`, {
          streamId: stream,
        }),
      );
    }
    positions.set(stream, version);
  }
  return ok({ state: deepFreeze(projection.merge(a.state, b.state) as Immutable<S>), positions: deepFreeze(positions) });
};

/** The shape of every projection, with parameters typed `never` so that any concrete one fits (what `combineProjections` accepts). */
export interface SomeProjection {
  readonly initialState: unknown;
  readonly streamName?: (streamId: string) => string;
  readonly evolve: (draft: never, event: never) => void;
  readonly merge?: (a: never, b: never) => unknown;
}

/** The states of combined projections, each under its name. */
export type CombinedProjectionState<P extends Record<string, SomeProjection>> = { [K in keyof P]: P[K]["initialState"] };

/**
 * Run several projections in one pass over the log (one loop, one redelivery guard), each on its own
 * part of the state; merge part by part. The combination has `merge` only if every part has. Name
 * the event type as the second type argument.
 *
 * @example
 * const parts = { participation, portfolio };
 * const both = combineProjections<typeof parts, LabEvent>(parts);
 * const r = project(both, events); // r.value.state.participation, r.value.state.portfolio
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
    initialState: deepFreeze(Object.fromEntries(list.map(([name, p]) => [name, p.initialState]))) as Immutable<CombinedProjectionState<P>>,
    evolve: (draft, event) => {
      const d = draft as Record<string, unknown>;
      for (const [name, p] of list) p.evolve(d[name] as never, event as never);
    },
    ...(mergeable
      ? {
          merge: (a: Immutable<CombinedProjectionState<P>>, b: Immutable<CombinedProjectionState<P>>) => {
            const x = a as Record<string, unknown>;
            const y = b as Record<string, unknown>;
            return Object.fromEntries(
              list.map(([name, p]) => [name, (p.merge as (m: unknown, n: unknown) => unknown)(x[name], y[name])]),
            ) as CombinedProjectionState<P>;
          },
        }
      : {}),
  };
};
