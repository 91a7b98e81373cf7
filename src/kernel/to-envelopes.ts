import type { Context } from "./context.js";
import type { AnyEvent, Emitted, Envelope } from "./envelope.js";

/**
 * Wrap a decider's emitted events into envelopes for one stream, numbering them after
 * `currentVersion` and stamping them from the context. Envelopes are frozen.
 *
 * @example
 * toEnvelopes("project:p1", 3, [{ type: "ChallengeAccepted", data: {} }], ctx) // one envelope at version 4
 */
export const toEnvelopes = <E extends AnyEvent>(
  streamId: string,
  currentVersion: number,
  events: readonly Emitted<E>[],
  ctx: Context,
  schemaVersionOf: (type: string) => number = () => 1,
): Envelope<E>[] => {
  const recordedAt = ctx.now().toISOString();
  return events.map((e, i) => {
    const { occurredAt, type, data } = e;
    const envelope = {
      id: ctx.newId(),
      streamId,
      version: currentVersion + i + 1,
      type,
      schemaVersion: schemaVersionOf(type),
      occurredAt: occurredAt ?? recordedAt,
      recordedAt,
      actor: ctx.actor,
      ...(ctx.commandId === undefined ? {} : { commandId: ctx.commandId }),
      ...(ctx.correlationId === undefined ? {} : { correlationId: ctx.correlationId }),
      ...(ctx.causationId === undefined ? {} : { causationId: ctx.causationId }),
      data,
    };
    return Object.freeze(envelope) as unknown as Envelope<E>;
  });
};
