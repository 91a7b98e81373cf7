import type { Draft } from "immer";
import type { AnyEvent } from "./envelope.js";
import type { IntegrityFailure } from "./errors.js";
import type { Projected, Projecting, Projection, ProjectOptions } from "./projection.js";
import { deepFreeze, type Immutable, startWorking } from "./recipe.js";
import { err, ok, type Result } from "./result.js";
import { type StreamTracker, streamTracker } from "./sequence.js";

// A projection built from scratch, one event at a time: the run behind `startProjection`, and behind
// the figures, whose state is read once and dropped (so frozen for no one). Internal: not exported
// from the package.

/**
 * The order check a projection reads a log with: each stream's next events are applied,
 * redeliveries skipped, and the first event out of place ends the run with the failure.
 */
export const trackerFor = <S, E extends AnyEvent>(projection: Projection<S, E>, from?: ReadonlyMap<string, number>, eachOnce = false): StreamTracker =>
  streamTracker({ ...(from === undefined ? {} : { from }), ...(projection.streamName === undefined ? {} : { name: projection.streamName }), eachOnce });

/**
 * A run whose state is handed out by `handOut` once it ends: frozen (`startProjection`), or as it
 * stands, for a caller that reads it once and lets it go.
 */
export const startRun = <S, E extends AnyEvent>(
  projection: Projection<S, E>,
  options: ProjectOptions<E>,
  handOut: (working: Draft<S>) => Immutable<S>,
): Projecting<S, E> => {
  const track = trackerFor(projection, undefined, options.eachOnce === true);
  const working = startWorking(projection.initialState);
  const where = options.where;
  let result: Result<Projected<S>, IntegrityFailure> | undefined;
  return {
    push(e) {
      if (result !== undefined) return;
      const placed = track.place(e);
      if (placed.kind === "repeat") return;
      if (placed.kind === "failure") result = err(placed.error);
      else if (where === undefined || where(e)) projection.evolve(working, e);
    },
    finish() {
      result ??= ok({ state: handOut(working), positions: deepFreeze(track.positions()) });
      return result;
    },
  };
};

/** A run for a state read once and dropped: handed out as it stands, unfrozen. */
export const startReadOnce = <S, E extends AnyEvent>(projection: Projection<S, E>, options: ProjectOptions<E> = {}): Projecting<S, E> =>
  startRun(projection, options, (working) => working as Immutable<S>);
