import type { AnyEvent, Envelope } from "./envelope.js";
import { planAppend } from "./append-check.js";
import { envelopeIssues } from "./envelope-check.js";
import { ok, type Result } from "./result.js";
import type { AppendError, AppendOptions, AppendResult, CommandRecord, EventStore, Recorded } from "./store.js";

// Whether each event is well formed and belongs to the stream at the next version (what `planAppend`
// checks of the usual append; it words the refusal of anything else).
const inPlace = (streamId: string, events: readonly Envelope[], current: number): boolean => {
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Envelope;
    if (e.streamId !== streamId || e.version !== current + i + 1 || envelopeIssues(e) !== undefined) return false;
  }
  return true;
};

/**
 * The embedded event store: streams indexed by id (reading or appending one stream never touches
 * the rest of the log), one global array for `readAll`, and a command-id index for idempotency.
 * Not a mock — it is the store for tests, single-process apps and replays.
 *
 * @example
 * const store = new InMemoryEventStore<LabEvent>();
 * await handle(store, labDecider, command, ctx);
 */
export class InMemoryEventStore<E extends AnyEvent = AnyEvent> implements EventStore<E> {
  readonly #streams = new Map<string, Envelope<E>[]>();
  readonly #all: Envelope<E>[] = [];
  readonly #commands = new Map<string, CommandRecord<E>>();

  /** Number of events held, all streams together. */
  get size(): number {
    return this.#all.length;
  }

  /** Append, all or nothing; see `EventStore.append`. */
  append(streamId: string, events: readonly Envelope<E>[], options: AppendOptions): Promise<Result<AppendResult<E>, AppendError>> {
    return Promise.resolve(this.#append(streamId, events, options));
  }

  #append(streamId: string, events: readonly Envelope<E>[], options: AppendOptions): Result<AppendResult<E>, AppendError> {
    const stream = this.#streams.get(streamId);
    const current = stream?.length ?? 0;
    // The usual append — no command id, the version expected, each event well formed and in its
    // place — is what `planAppend` would write; taken without its bookkeeping, since it runs for
    // every event stored.
    if (options.commandId === undefined && options.expectedVersion === current && inPlace(streamId, events, current)) {
      return ok({ events, version: this.#write(streamId, stream, events), replayed: false });
    }
    const earlier = options.commandId === undefined ? undefined : this.#commands.get(options.commandId);
    const plan = planAppend(streamId, events, options, current, earlier);
    if (!plan.ok) return plan;
    if (plan.value.replay) return ok({ events: earlier?.events ?? [], version: current, replayed: true });
    const version = this.#write(streamId, stream, events);
    // Kept for a retried command id: a copy, so that the caller's array may change afterwards.
    const { fingerprint } = plan.value;
    if (options.commandId !== undefined && fingerprint !== undefined) this.#commands.set(options.commandId, { streamId, fingerprint, events: events.slice() });
    return ok({ events, version, replayed: false });
  }

  // Store a batch at the end of its stream and of the log; returns the stream's new version.
  #write(streamId: string, stream: Envelope<E>[] | undefined, events: readonly Envelope<E>[]): number {
    const target = stream ?? [];
    if (stream === undefined) this.#streams.set(streamId, target);
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as Envelope<E>;
      target.push(e);
      this.#all.push(e);
    }
    return target.length;
  }

  /** See `EventStore.readStream`. */
  readStream(streamId: string, options: { readonly fromVersion?: number; readonly toVersion?: number } = {}): Promise<readonly Envelope<E>[]> {
    const stream = this.#streams.get(streamId) ?? [];
    const from = Math.max(1, options.fromVersion ?? 1);
    const to = Math.min(stream.length, options.toVersion ?? stream.length);
    return Promise.resolve(stream.slice(from - 1, Math.max(from - 1, to)));
  }

  /** See `EventStore.readAll`. */
  readAll(options: { readonly after?: number; readonly limit?: number } = {}): Promise<readonly Recorded<E>[]> {
    const after = Math.max(0, options.after ?? 0);
    const end = options.limit === undefined ? this.#all.length : Math.min(this.#all.length, after + options.limit);
    const out: Recorded<E>[] = [];
    for (let i = after; i < end; i++) out.push({ position: i + 1, event: this.#all[i] as Envelope<E> });
    return Promise.resolve(out);
  }

  /** See `EventStore.findCommand`. */
  findCommand(commandId: string): Promise<CommandRecord<E> | undefined> {
    return Promise.resolve(this.#commands.get(commandId));
  }
}
