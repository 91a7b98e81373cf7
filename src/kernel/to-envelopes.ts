import { type Context, instantOf } from "./context.js";
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
  const ids: string[] = [];
  for (let i = 0; i < events.length; i++) ids.push(ctx.newId());
  return envelopesOf(streamId, currentVersion, events, ctx, ids, schemaVersionOf);
};

/**
 * `toEnvelopes` with the ids already drawn (one an event), as the decider's stamping checks them
 * first.
 * @internal
 */
export const envelopesOf = <E extends AnyEvent>(
  streamId: string,
  currentVersion: number,
  events: readonly Emitted<E>[],
  ctx: Pick<Context, "now" | "actor" | "commandId" | "correlationId" | "causationId">,
  ids: readonly string[],
  schemaVersionOf: (type: string) => number,
): Envelope<E>[] => {
  const recordedAt = instantOf(ctx);
  const { actor, commandId, correlationId, causationId } = ctx;
  const out: Envelope<E>[] = [];
  for (let i = 0; i < events.length; i++) {
    const { occurredAt, type, data } = events[i] as Emitted<E>;
    const envelope: Record<string, unknown> = {
      id: ids[i] as string,
      streamId,
      version: currentVersion + i + 1,
      type,
      schemaVersion: schemaVersionOf(type),
      occurredAt: occurredAt ?? recordedAt,
      recordedAt,
      actor,
    };
    // Absent tracing ids stay absent (not `undefined`), so envelopes compare equal after a round trip.
    if (commandId !== undefined) envelope.commandId = commandId;
    if (correlationId !== undefined) envelope.correlationId = correlationId;
    if (causationId !== undefined) envelope.causationId = causationId;
    envelope.data = data;
    out.push(Object.freeze(envelope) as unknown as Envelope<E>);
  }
  return out;
};
