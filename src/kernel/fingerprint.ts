import { canonicalJson } from "./canonical-json.js";
import type { AnyEvent, Emitted, Envelope } from "./envelope.js";

/**
 * The default idempotency fingerprint of an append: the stream and each event's type, data and
 * business time, canonically serialised. Ids and `recordedAt` differ between retries, so they are
 * left out.
 *
 * @example
 * eventsFingerprint("project:p-1", history) === eventsFingerprint("project:p-1", newEvents) // the same request?
 */
export const eventsFingerprint = (streamId: string, events: readonly (Envelope | Emitted<AnyEvent>)[]): string =>
  canonicalJson({ streamId, events: events.map((e) => ({ type: e.type, data: e.data, occurredAt: e.occurredAt })) });
