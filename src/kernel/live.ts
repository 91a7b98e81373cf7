import type { AnyEvent, Envelope } from "./envelope.js";
import type { IntegrityFailure } from "./errors.js";
import { type Projected, type Projection, trackerFor } from "./projection.js";
import { cloneState, deepFreeze, type Immutable, startWorking } from "./recipe.js";
import { err, ok, type Result } from "./result.js";

/** A projection kept up to date one event at a time, read through immutable snapshots. */
export interface LiveProjection<S, E extends AnyEvent> {
  /**
   * Apply one event: applied once even if delivered again; refused, and not applied, if it is out
   * of place in its stream (a gap, or another event at a version already applied).
   */
  apply(event: Envelope<E>): Result<void, IntegrityFailure>;
  /** Apply several events in order, stopping at the first out of place (those before it stay applied). */
  applyAll(events: Iterable<Envelope<E>>): Result<void, IntegrityFailure>;
  /** An immutable copy of the state now; cached until the next event changes it. */
  snapshot(): Projected<S>;
}

/**
 * Follow a log live. The state stays private and mutable — immer would copy a big `Map` or `Set` on
 * every event — and a frozen copy is made only when someone reads it, so following N events costs
 * about as much as rebuilding them in one batch.
 *
 * @example
 * const view = live(participation);
 * for (const e of events) { const r = view.apply(e); if (!r.ok) console.error(r.error.message); } // or as they arrive
 * console.log(participationFigures(view.snapshot().state).overall.distinctParticipants);
 */
export const live = <S, E extends AnyEvent>(projection: Projection<S, E>, from?: Projected<S>): LiveProjection<S, E> => {
  const working = startWorking(from?.state ?? projection.initialState);
  const track = trackerFor(projection, from?.positions);
  let cached: Projected<S> | undefined = from;
  const apply = (event: Envelope<E>): Result<void, IntegrityFailure> => {
    const placed = track.place(event);
    if (placed.kind === "failure") return err(placed.error);
    if (placed.kind === "repeat") return ok(undefined);
    projection.evolve(working, event);
    cached = undefined;
    return ok(undefined);
  };
  return {
    apply,
    applyAll(events) {
      for (const e of events) {
        const r = apply(e);
        if (!r.ok) return r;
      }
      return ok(undefined);
    },
    snapshot() {
      cached ??= { state: deepFreeze(cloneState(working as Immutable<S>)), positions: deepFreeze(track.positions()) };
      return cached;
    },
  };
};
