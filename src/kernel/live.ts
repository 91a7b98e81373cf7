import type { AnyEvent, Envelope } from "./envelope.js";
import type { Projected, Projection } from "./projection.js";
import { cloneState, deepFreeze, startWorking } from "./recipe.js";

/** A projection kept up to date one event at a time, read through immutable snapshots. */
export interface LiveProjection<S, E extends AnyEvent> {
  /** Apply one event (applied once even if delivered again). */
  apply(event: Envelope<E>): void;
  /** Apply several events in order. */
  applyAll(events: Iterable<Envelope<E>>): void;
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
 * subscription.on("event", (e) => view.apply(e));
 * render(view.snapshot().state);
 */
export const live = <S, E extends AnyEvent>(projection: Projection<S, E>, from?: Projected<S>): LiveProjection<S, E> => {
  const working = startWorking(from?.state ?? projection.init);
  const positions = new Map(from?.positions ?? []);
  let cached: Projected<S> | undefined = from;
  const name = projection.streamName ?? ((streamId: string) => streamId);
  const apply = (event: Envelope<E>): void => {
    const stream = name(event.streamId);
    const last = positions.get(stream) ?? 0;
    if (event.version <= last) return;
    positions.set(stream, event.version);
    projection.apply(working, event);
    cached = undefined;
  };
  return {
    apply,
    applyAll(events) {
      for (const e of events) apply(e);
    },
    snapshot() {
      cached ??= { state: deepFreeze(cloneState(working as S)), positions: deepFreeze(new Map(positions)) };
      return cached;
    },
  };
};
