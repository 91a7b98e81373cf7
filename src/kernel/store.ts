import * as z from "zod";
import { definition } from "./definition.js";
import { type AnyEvent, type Envelope, Id } from "./envelope.js";
import type { ConcurrencyConflict, IdempotencyConflict, StoreUnavailable, ValidationError } from "./errors.js";
import type { Result } from "./result.js";
import { storable } from "./storable.js";

/**
 * What an append can refuse: a stale version or a busy stream, a reused command id, a malformed
 * batch, or a store that failed (the append may or may not have been written).
 */
export type AppendError = ConcurrencyConflict | IdempotencyConflict | ValidationError | StoreUnavailable;

/** The options of an append, as every store checks them (`planAppend`). */
export const AppendOptionsSchema = /* @__PURE__ */ definition(() =>
  z.object({
    /** The stream's version the events were decided on (0 for a new stream). */
    expectedVersion: z.int("must be a whole number").min(0, "must not be negative"),
    /** Idempotency key: a retry with the same key and the same request is answered from the first. */
    commandId: Id.optional(),
    /**
     * What "the same request" means for `commandId` (for example the canonical JSON of the command).
     * When absent, the events' types, data and `occurredAt` are compared.
     */
    fingerprint: storable(z.string()).optional(),
  }),
);
/** Options of an append: the version the writer last saw, and the command's idempotency key. */
export type AppendOptions = Readonly<z.infer<typeof AppendOptionsSchema>>;

/** The outcome of an append: the events as stored, and whether they were stored by an earlier try. */
export interface AppendResult<E extends AnyEvent = AnyEvent> {
  readonly events: readonly Envelope<E>[];
  /** The stream's version after the append. */
  readonly version: number;
  /** True when the command id had already been appended and nothing new was written. */
  readonly replayed: boolean;
}

/**
 * An event with its position in the store's global order. Positions are whole numbers ≥ 1 that
 * increase along the order `readAll` reads in, so the last one read is the cursor to resume after;
 * they may have gaps (a database hands out numbers to transactions that then roll back), so count
 * events, never positions.
 */
export interface Recorded<E extends AnyEvent = AnyEvent> {
  /** Where the event is in the global order: greater than every position read before it. */
  readonly position: number;
  readonly event: Envelope<E>;
}

/** What a store remembers of an appended command, to answer its retries. */
export interface CommandRecord<E extends AnyEvent = AnyEvent> {
  readonly streamId: string;
  readonly fingerprint: string;
  readonly events: readonly Envelope<E>[];
}

/**
 * The store port. Hosts implement it over their database; `InMemoryEventStore` is the embedded
 * default. Every implementation must pass `eventStoreConformance` from `labx-core/testing`.
 */
export interface EventStore<E extends AnyEvent = AnyEvent> {
  /**
   * Append events to one stream, all or nothing. A stale `expectedVersion` is a
   * `concurrency_conflict` and writes nothing; a reused `commandId` with another request is an
   * `idempotency_conflict`; an envelope or option the schemas refuse is `validation_failed`; a store
   * that failed (a lost connection, a full disk) is `store_unavailable`. Never rejects.
   */
  append(streamId: string, events: readonly Envelope<E>[], options: AppendOptions): Promise<Result<AppendResult<E>, AppendError>>;
  /** One stream's events in version order, optionally between two versions (inclusive). */
  readStream(streamId: string, options?: { readonly fromVersion?: number; readonly toVersion?: number }): Promise<readonly Envelope<E>[]>;
  /**
   * Events of every stream in global order, after a position, at most `limit` of them. No event may
   * become visible later at a position at or below one already read, so a reader resuming after the
   * last position it read never skips one.
   */
  readAll(options?: { readonly after?: number; readonly limit?: number }): Promise<readonly Recorded<E>[]>;
  /** The record of an appended command, if this command id was seen. */
  findCommand(commandId: string): Promise<CommandRecord<E> | undefined>;
}
