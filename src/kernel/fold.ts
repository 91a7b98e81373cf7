import type { AnyEvent, Envelope } from "./envelope.js";
import { finishWorking, type Immutable, type Recipe, runFromScratch, runOnto, startWorking } from "./recipe.js";

/**
 * A state evolved by events — fmodel's view: an initial state and a recipe for one event. A
 * decider is one (with decisions added), and so is a projection (with a merge added): one
 * vocabulary for the three.
 */
export interface View<S, E extends AnyEvent> {
  /** The state before any event (frozen where it is defined: it is shared). */
  readonly initialState: NoInfer<Immutable<S>>;
  /** Account for one event by mutating the draft. */
  readonly evolve: Recipe<S, Envelope<E>>;
}

/**
 * Rebuild state from events. From scratch (no `from`) the recipes run on a private mutable copy, the
 * fast path; on top of an existing state (`from`) they run through immer so `from` is untouched.
 * Either way the result is deep-frozen and the two paths give equal states.
 *
 * @example
 * const state = fold(projectDecider, history);
 * const later = fold(projectDecider, newEvents, state); // `state` unchanged
 */
export const fold = <S, E extends AnyEvent>(view: View<S, E>, events: Iterable<NoInfer<Envelope<E>>>, from?: NoInfer<Immutable<S>>): Immutable<S> =>
  from === undefined ? runFromScratch(view.initialState, view.evolve, events) : runOnto(from, view.evolve, events);

/**
 * `fold` over an async source (a store cursor, a file being read). Accepts sync iterables too.
 *
 * @example
 * const state = await foldAsync(labDecider, (await store.readAll()).map((r) => r.event));
 */
export const foldAsync = async <S, E extends AnyEvent>(
  view: View<S, E>,
  events: AsyncIterable<NoInfer<Envelope<E>>> | Iterable<NoInfer<Envelope<E>>>,
  from?: NoInfer<Immutable<S>>,
): Promise<Immutable<S>> => {
  if (from !== undefined) {
    // Collect first: an immer draft must not stay open across awaits.
    const batch: Envelope<E>[] = [];
    for await (const e of events) batch.push(e);
    return runOnto(from, view.evolve, batch);
  }
  const working = startWorking(view.initialState);
  for await (const e of events) view.evolve(working, e);
  return finishWorking(working);
};
