import type { Actor } from "./envelope.js";

/**
 * Everything impure a decision needs, passed in so the core stays deterministic: the clock, the
 * acting actor, id generation, and the tracing ids of the command being handled.
 *
 * @example
 * const ctx: Context = { now: () => new Date(), newId: () => crypto.randomUUID(), actor: { id: "u-1", role: "lab_team" }, commandId: "cmd-9" };
 */
export interface Context {
  /** The current time; becomes `recordedAt`, and `occurredAt` unless the event says otherwise. */
  readonly now: () => Date;
  /** A new unique id, for events and for entities a command creates. */
  readonly newId: () => string;
  /** Who is acting, in which role. */
  readonly actor: Actor;
  /** Idempotency key of the command being handled. */
  readonly commandId?: string;
  /** Groups every event caused by one user intent, across streams. */
  readonly correlationId?: string;
  /** The id of the event or command that caused this one. */
  readonly causationId?: string;
}
