import { type HashView, sha256Hex, type StoredRecord } from "../kernel/index.js";

const DIGEST = "sha256:";

// People attend many sessions: remember recent digests rather than hash the same reference again.
const memo = new Map<string, string>();
/** A participant reference as the hash sees it: its SHA-256 digest (a redacted reference already is one). */
const protect = (ref: string): string => {
  if (ref.startsWith(DIGEST)) return ref;
  let digest = memo.get(ref);
  if (digest === undefined) {
    digest = `${DIGEST}${sha256Hex(ref)}`;
    if (memo.size >= 100_000) memo.clear();
    memo.set(ref, digest);
  }
  return digest;
};

const mapRefs = (record: Readonly<Record<string, unknown>>, f: (ref: string) => string): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...record };
  const streamId = record.streamId;
  if (typeof streamId === "string" && streamId.startsWith("participant:")) out.streamId = `participant:${f(streamId.slice("participant:".length))}`;
  const data = record.data;
  if (typeof data === "object" && data !== null) {
    const d: Record<string, unknown> = { ...(data as Record<string, unknown>) };
    if (typeof d.participantRef === "string") d.participantRef = f(d.participantRef);
    if (Array.isArray(d.attendees)) {
      d.attendees = d.attendees.map((a: unknown) =>
        typeof a === "object" && a !== null && typeof (a as { participantRef?: unknown }).participantRef === "string"
          ? { ...a, participantRef: f((a as { participantRef: string }).participantRef) }
          : a,
      );
    }
    out.data = d;
  }
  return out;
};

/**
 * The lab's hash view: an event is hashed with every participant reference replaced by its SHA-256
 * digest. Decided before the first event is sealed, it lets `redact` remove references from a copy
 * of the log while every hash still verifies.
 *
 * @example
 * const sealed = seal(events, { hashView: labHashView });
 * verify(redact(sealed, forgottenRefs), { hashView: labHashView }).ok // true
 */
export const labHashView: HashView = (record) => mapRefs(record, protect);

/**
 * A copy of a log for third parties without the given participant references: each is replaced by
 * its digest (`sha256:…`), in attendance, erasure events and participant stream ids. Counts do not
 * change and, for a log sealed with `labHashView`, the chain still verifies.
 *
 * @example
 * const forgotten = events.filter((e) => e.type === "ParticipantForgotten").map((e) => e.data.participantRef);
 * const safe = redact(events, forgotten);
 */
export const redact = <T extends StoredRecord>(events: readonly T[], refs: Iterable<string>): T[] => {
  const gone = new Set(refs);
  if (gone.size === 0) return [...events];
  return events.map((e) => mapRefs(e, (ref) => (gone.has(ref) ? protect(ref) : ref)) as T);
};

/** The participant references erased by `ParticipantForgotten` events in a log. */
export const forgottenRefs = (events: Iterable<{ readonly type: string; readonly data: unknown }>): string[] => {
  const out: string[] = [];
  for (const e of events) if (e.type === "ParticipantForgotten") out.push((e.data as { participantRef: string }).participantRef);
  return out;
};
