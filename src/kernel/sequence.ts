import type { AnyEvent, Envelope } from "./envelope.js";
import { type IntegrityFailure, integrityFailure } from "./errors.js";
import { err, ok, type Result } from "./result.js";

/** What a sound log looks like from the outside: how many streams and events it holds. */
export interface SequenceSummary {
  readonly streams: number;
  readonly events: number;
}

/**
 * Check the order of a log without hashes: within each stream, versions run 1, 2, 3… with no gap,
 * duplicate or reordering, and `recordedAt` never goes backwards; event ids are unique. Returns the
 * first broken link, with the stream, the version and why.
 *
 * @example
 * const r = checkSequence(events);
 * if (!r.ok) console.error(r.error.message); // "Stream project:p1 jumps from version 3 to 5: …"
 */
export const checkSequence = <E extends AnyEvent>(events: Iterable<Envelope<E>>): Result<SequenceSummary, IntegrityFailure> => {
  const last = new Map<string, { version: number; recordedAt: number }>();
  const ids = new Set<string>();
  let count = 0;
  for (const e of events) {
    count++;
    if (ids.has(e.id)) return err(integrityFailure("duplicate_event_id", `Event id ${e.id} appears twice (again in ${e.streamId} at version ${e.version}).`, { streamId: e.streamId, version: e.version, eventId: e.id }));
    ids.add(e.id);
    const prev = last.get(e.streamId);
    const expected = (prev?.version ?? 0) + 1;
    if (e.version !== expected) {
      const why =
        e.version <= (prev?.version ?? 0)
          ? `repeats or goes back to version ${e.version} after ${prev?.version ?? 0}`
          : `jumps from version ${prev?.version ?? 0} to ${e.version}`;
      return err(integrityFailure(e.version < expected ? "version_out_of_order" : "version_gap", `Stream ${e.streamId} ${why}: events are missing, duplicated or out of order.`, { streamId: e.streamId, version: e.version, expected }));
    }
    const recordedAt = Date.parse(e.recordedAt);
    if (prev !== undefined && recordedAt < prev.recordedAt) {
      return err(
        integrityFailure("recorded_at_backwards", `Stream ${e.streamId} at version ${e.version} was recorded at ${e.recordedAt}, before the event it follows.`, {
          streamId: e.streamId,
          version: e.version,
        }),
      );
    }
    last.set(e.streamId, { version: e.version, recordedAt });
  }
  return ok({ streams: last.size, events: count });
};
