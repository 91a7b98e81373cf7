import {
  derivedFrom,
  err,
  type HashView,
  ok,
  type Result,
  type Sha256,
  sha256Hex,
  type StoredRecord,
  type ValidationError,
  validationError,
} from "../../kernel/index.js";
import { canonicalRef, participantRefProblem, REDACTED_PREFIX, RedactedRef } from "./references.js";

/**
 * A participant reference's redacted form, `sha256:` and its SHA-256 digest; a redacted reference
 * is returned as it is. It is what the hash view hashes, what `redact` writes, and what every
 * projection keeps of an erased person — one form, so a redacted copy gives the same states and
 * hashes as the original. References carry at least 128 bits, so the digest cannot be reversed by
 * trying candidates. Nothing is cached: no raw reference outlives the call. `sha256` is the
 * SHA-256 to use (any correct one gives the same form).
 *
 * @example
 * redactedRef("3q2-7wEhQ0yYx0rVqZl1mA") // "sha256:…" (64 hex digits)
 */
export const redactedRef = (ref: string, sha256: Sha256 = sha256Hex): string => {
  const one = canonicalRef(ref);
  return one.startsWith(REDACTED_PREFIX) && RedactedRef.safeParse(one).success ? one : `${REDACTED_PREFIX}${sha256(one)}`;
};

const PARTICIPANT_STREAM = "participant:";

/**
 * How the lab names a stream wherever a name may be shown (checkpoints, positions of projections,
 * integrity failures): as it is, but a participant's stream by the redacted form of the reference.
 *
 * @example
 * labStreamName("participant:3q2-7wEhQ0yYx0rVqZl1mA") // "participant:sha256:…"
 * labStreamName("project:lx-001")                      // "project:lx-001"
 */
export const labStreamName = (streamId: string): string =>
  streamId.startsWith(PARTICIPANT_STREAM) ? `${PARTICIPANT_STREAM}${redactedRef(streamId.slice(PARTICIPANT_STREAM.length))}` : streamId;

// Whether a record holds a participant reference anywhere mapRefs looks.
const holdsRefs = (record: Readonly<Record<string, unknown>>): boolean => {
  const streamId = record.streamId;
  if (typeof streamId === "string" && streamId.startsWith(PARTICIPANT_STREAM)) return true;
  const data = record.data;
  if (typeof data !== "object" || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.participantRef === "string" || Array.isArray(d.attendees);
};

// The record with every participant reference passed through `f`; the record itself when it holds none.
const mapRefs = (record: Readonly<Record<string, unknown>>, f: (ref: string) => string): Readonly<Record<string, unknown>> => {
  if (!holdsRefs(record)) return record;
  const out: Record<string, unknown> = { ...record };
  const streamId = record.streamId;
  if (typeof streamId === "string" && streamId.startsWith(PARTICIPANT_STREAM))
    out.streamId = `${PARTICIPANT_STREAM}${f(streamId.slice(PARTICIPANT_STREAM.length))}`;
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
 * verify(redact(sealed), { hashView: labHashView }).ok // true
 */
export const labHashView: HashView = (record, sha256 = sha256Hex) => {
  // Within one seal or verify (which pass a memo of their SHA-256), each reference's redacted form is made once.
  const known = derivedFrom(sha256);
  if (known === undefined) return mapRefs(record, (ref) => redactedRef(ref, sha256));
  return mapRefs(record, (ref) => {
    let redacted = known.get(ref);
    if (redacted === undefined) known.set(ref, (redacted = redactedRef(ref, sha256)));
    return redacted;
  });
};

// The references a log's own `ParticipantForgotten` events erase.
const erasedIn = (events: readonly StoredRecord[]): string[] => {
  const out: string[] = [];
  for (const e of events) {
    const data = e.type === "ParticipantForgotten" ? (e.data as { participantRef?: unknown } | undefined) : undefined;
    if (typeof data?.participantRef === "string") out.push(data.participantRef);
  }
  return out;
};

/**
 * A copy of a log without the references of erased participants — by default those its own
 * `ParticipantForgotten` events name, or the `refs` given: each is replaced by its redacted form
 * (`sha256:…`) in attendance, erasure events and participant stream ids. Counts do not change and,
 * for a log sealed with `labHashView`, every hash still verifies. Events without a reference are
 * shared, not copied.
 *
 * @example
 * const safe = redact(events); // for third parties: no erased person's reference left
 */
export const redact = <T extends StoredRecord>(events: readonly T[], refs: Iterable<string> = erasedIn(events)): T[] => {
  const gone = new Set([...refs].map(canonicalRef));
  if (gone.size === 0) return [...events];
  const hide = (ref: string): string => (gone.has(canonicalRef(ref)) ? redactedRef(ref) : ref);
  return events.map((e) => (e.type === "AttendanceRecorded" || e.type === "ParticipantForgotten" ? (mapRefs(e, hide) as T) : e));
};

/**
 * A copy of a log whose participant references are minted again by the host — in attendance,
 * erasure events and participant stream ids — for a log written under schema version 1, whose short
 * references (`p-738291`) can be found again from any digest of them by trying candidates. `mint`
 * receives each reference as stored and returns the new one: an HMAC of it under a key the host
 * keeps (then destroys, to make the mapping irreversible), as 32+ hex digits. Every new reference
 * must pass the version-2 rule, or nothing is returned but the refusal, naming the position (never
 * the reference). The events that held references are brought to schema version 2, and every
 * `prevHash`/`hash` is dropped: a re-keyed log is a new log, to be sealed and published with a new
 * checkpoint. Redacted references stay as they are.
 *
 * @example
 * const secret = "a key the host keeps"; // in Node, prefer createHmac("sha256", secret).update(ref).digest("hex")
 * const rekeyed = rekeyParticipants(stored, (ref) => sha256Hex(`${secret}:${ref}`).slice(0, 32));
 * if (rekeyed.ok) console.log(seal(rekeyed.value, { hashView: labHashView }).length);
 */
export const rekeyParticipants = <T extends StoredRecord>(events: readonly T[], mint: (ref: string) => string): Result<T[], ValidationError> => {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const minted = new Map<string, string>();
  const out = events.map((e, i) => {
    const renamed = mapRefs(e, (ref) => {
      if (ref.startsWith(REDACTED_PREFIX) && RedactedRef.safeParse(ref).success) return ref;
      const known = minted.get(ref);
      if (known !== undefined) return known;
      const next = mint(ref);
      const problem = typeof next === "string" ? participantRefProblem(next) : "is not a string";
      if (problem !== undefined) issues.push({ path: [i], message: `the reference minted for the event at position ${i + 1} ${problem}` });
      minted.set(ref, next);
      return next;
    });
    const { prevHash: _p, hash: _h, ...rest } = renamed as T & { prevHash?: unknown; hash?: unknown };
    return (renamed === e ? rest : { ...rest, schemaVersion: 2 }) as unknown as T;
  });
  return issues.length > 0 ? err(validationError("re-keyed participant references", issues)) : ok(out);
};
