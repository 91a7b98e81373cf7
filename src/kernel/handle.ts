import { canonicalJson } from "./canonical-json.js";
import { type Context, resolveContext } from "./context.js";
import { type Decider, decideOn, parseCommand } from "./decider.js";
import type { AnyEvent, Envelope } from "./envelope.js";
import { type DomainError, idempotencyConflict } from "./errors.js";
import { fold } from "./fold.js";
import type { Immutable } from "./recipe.js";
import { err, ok, type Result } from "./result.js";
import type { Snapshot, StateCache } from "./state-cache.js";
import type { EventStore } from "./store.js";

/** Options of `handle`. */
export interface HandleOptions<S> {
  /** How many times to reload and decide again after a concurrency conflict (default 3). */
  readonly retries?: number;
  /** Keep folded states between commands; without it every command replays its stream. */
  readonly cache?: StateCache<S>;
}

/** What `handle` returns: the stream, its new events and state, and whether this was a replayed retry. */
export interface Handled<S, E extends AnyEvent> {
  readonly streamId: string;
  readonly events: readonly Envelope<E>[];
  readonly state: Immutable<S>;
  readonly version: number;
  /** True when `ctx.commandId` had already been handled: the earlier events are returned, none written. */
  readonly replayed: boolean;
}

/** The stream's last known snapshot (cached, or the empty state) and the events after it. */
const load = async <C, S, E extends AnyEvent, X extends Context, R extends string>(
  store: EventStore<E>,
  decider: Decider<C, S, E, X, R>,
  streamId: string,
  cache: StateCache<S> | undefined,
): Promise<{ snapshot: Snapshot<S>; tail: readonly Envelope<E>[] }> => {
  const snapshot = cache?.get(streamId) ?? { state: decider.initialState, version: 0 };
  return { snapshot, tail: await store.readStream(streamId, { fromVersion: snapshot.version + 1 }) };
};

const current = async <C, S, E extends AnyEvent, X extends Context, R extends string>(
  store: EventStore<E>,
  decider: Decider<C, S, E, X, R>,
  streamId: string,
  cache: StateCache<S> | undefined,
): Promise<Snapshot<S>> => {
  const { snapshot, tail } = await load(store, decider, streamId, cache);
  return tail.length === 0
    ? snapshot
    : { state: fold(decider, tail, snapshot.version === 0 ? undefined : snapshot.state), version: snapshot.version + tail.length };
};

/**
 * Handle one command end to end: validate it, load its stream, decide, append with optimistic
 * concurrency, and retry a bounded number of times if another writer got there first. A command
 * retried with the same `ctx.commandId` returns the first result and writes nothing.
 *
 * @example
 * const r = await handle(store, labDecider, { type: "AcceptChallenge", projectId: "p-1" }, ctx);
 * if (!r.ok) console.error(r.error.code, r.error.message);
 */
export const handle = async <C, S, E extends AnyEvent, X extends Context, R extends string>(
  store: EventStore<E>,
  decider: Decider<C, S, E, X, R>,
  command: unknown,
  context: X,
  options: HandleOptions<S> = {},
): Promise<Result<Handled<S, E>, DomainError<R>>> => {
  const parsed = parseCommand(decider, command);
  if (!parsed.ok) return parsed;
  // Checked before anything is read or written: what the context supplies ends up in the events.
  const resolved = resolveContext<X>(context, decider.contextSchema);
  if (!resolved.ok) return resolved;
  const ctx = resolved.value;
  const streamId = decider.streamOf(parsed.value);
  const { commandId } = ctx;
  const fingerprint = commandId === undefined ? "" : canonicalJson({ streamId, command: parsed.value });
  if (commandId !== undefined) {
    const earlier = await store.findCommand(commandId);
    if (earlier !== undefined) {
      if (earlier.streamId !== streamId || earlier.fingerprint !== fingerprint) return err(idempotencyConflict(commandId, streamId));
      const now = await current(store, decider, streamId, options.cache);
      return ok({ streamId, events: earlier.events, state: now.state, version: now.version, replayed: true });
    }
  }
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    const { snapshot, tail } = await load(store, decider, streamId, options.cache);
    const decided = decideOn(decider, snapshot, tail, parsed.value, ctx);
    if (!decided.ok) return decided;
    const { events, state, expectedVersion } = decided.value;
    const appended = await store.append(streamId, events, {
      expectedVersion,
      ...(commandId === undefined ? {} : { commandId, fingerprint }),
    });
    if (appended.ok) {
      if (appended.value.replayed) {
        // A concurrent retry of the same command won the race; answer with what it stored.
        const now = await current(store, decider, streamId, options.cache);
        return ok({ streamId, events: appended.value.events, state: now.state, version: now.version, replayed: true });
      }
      const version = expectedVersion + events.length;
      options.cache?.set(streamId, { state, version });
      return ok({ streamId, events, state, version, replayed: false });
    }
    if (appended.error.kind !== "concurrency" || attempt >= retries) return appended;
  }
};
