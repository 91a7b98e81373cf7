import * as z from "zod";
import { compiledCanonicalWriter } from "./canonical-compiled.js";
import { type CanonicalWriter, canonicalJson, canonicalWriter } from "./canonical-json.js";
import { isSha256, memoSha256, type Sha256, sha256Hex } from "./digest.js";
import { type IntegrityCode, type IntegrityFailure, integrityFailure } from "./errors.js";
import { err, ok, type Result } from "./result.js";
import { Hex256, looksStored, RecordShape } from "./record-shape.js";
import type { EventRegistry } from "./registry.js";
import { streamTracker } from "./sequence.js";
import { isBefore } from "./time.js";

/** A stored event as integrity checks see it: any JSON object with the envelope's ordering fields. */
export interface StoredRecord {
  readonly id: string;
  readonly streamId: string;
  readonly version: number;
  readonly recordedAt: string;
  readonly prevHash?: string;
  readonly hash?: string;
  readonly [field: string]: unknown;
}

/**
 * What is hashed for an event, decided once for a log before its first event is sealed. The
 * default hashes the record as stored; a domain may replace personal references by their digests
 * (see the lab's `labHashView`) so that a redacted copy still verifies. It gets the call's SHA-256
 * (remembering what it hashed) for such digests. Its result's top-level `hash` is never hashed.
 */
export type HashView = (record: Readonly<Record<string, unknown>>, sha256: Sha256) => unknown;

/** Options shared by `seal`, `verify` and `checkpoint`. */
export interface IntegrityOptions {
  readonly hashView?: HashView;
  /**
   * The SHA-256 to hash with (default `sha256Hex`, pure JavaScript). Any correct SHA-256 gives the
   * same hashes, so this changes speed only: in Node pass `node:crypto`'s, about 5× faster. It is
   * checked on known answers first; one that is not SHA-256 is refused.
   */
  readonly sha256?: Sha256;
  /**
   * The event types of the log (the registry its codec reads, such as `labEvents`). Given, each
   * event is written canonically by a writer compiled from its type's schemas
   * (`compiledCanonicalWriter`): the same bytes, so the same hashes, written faster. Without it,
   * and for anything not of its type's shape, the general writer.
   */
  readonly events?: EventRegistry;
}

const same: HashView = (r) => r;

// What one seal, verify or checkpoint hashes with: the SHA-256 (checked), a memo of it for the hash
// view's digests, and a canonical writer that learns the log's few object shapes once.
interface Hasher {
  readonly sha256: Sha256;
  readonly view: (record: Readonly<Record<string, unknown>>) => unknown;
  readonly write: CanonicalWriter;
}

const HASHER_FAILED = "The sha256 option threw while hashing (it had passed the known answers); no event was judged. Pass a working SHA-256 or none.";
const NOT_SHA256 = "The sha256 option is not SHA-256 over UTF-8 with lowercase hex output (it fails the known answers); pass a correct one or none.";

// An injected SHA-256 that throws is the host's configuration failing, not the event it was hashing.
class HasherFailed extends Error {
  constructor() {
    super(HASHER_FAILED);
  }
}
const guarded =
  (f: Sha256): Sha256 =>
  (text) => {
    try {
      return f(text);
    } catch {
      throw new HasherFailed();
    }
  };

const hasherFor = (options: IntegrityOptions): Hasher => {
  if (options.sha256 !== undefined && !isSha256(options.sha256)) throw new TypeError(NOT_SHA256);
  const sha256 = options.sha256 === undefined ? sha256Hex : guarded(options.sha256);
  const hashView = options.hashView ?? same;
  const remembered = memoSha256(sha256);
  const write = options.events === undefined ? canonicalWriter() : compiledCanonicalWriter(options.events);
  return { sha256, view: (record) => hashView(record, remembered), write };
};

// How a stream is named in a checkpoint: through the hash view, so that a checkpoint published with
// a report names no personal reference (and still matches a redacted copy).
const streamKey = (streamId: string, hasher: Hasher): string => {
  const viewed = hasher.view({ streamId });
  return typeof viewed === "object" && viewed !== null && typeof (viewed as { streamId?: unknown }).streamId === "string"
    ? (viewed as { streamId: string }).streamId
    : streamId;
};

// The hash of a record through a hasher: its view, canonically, without `hash`.
const hashWith = (record: Readonly<Record<string, unknown>>, hasher: Hasher): string => hasher.sha256(hasher.write(hasher.view(record), "hash"));

/**
 * The hash of one event: SHA-256 of the RFC 8785 canonical JSON of its hash view, without `hash`
 * and with `prevHash`, so each hash also covers the one before it.
 *
 * @example
 * hashOf({ id: "e1", streamId: "s", version: 1, recordedAt: "2020-01-01T00:00:00Z" })
 */
export const hashOf = (record: Readonly<Record<string, unknown>>, options: IntegrityOptions = {}): string => hashWith(record, hasherFor(options));

/** The last hash of each stream, for sealing more events onto a sealed log. */
export type Heads = ReadonlyMap<string, { readonly version: number; readonly hash: string }>;

/**
 * Seal events into a per-stream hash chain: each gets `prevHash` (the hash of the event before it in
 * its stream; absent for version 1) and `hash`. Sealing is incremental: pass the heads of the
 * already-sealed log (from `headsOf`) and only the new events. Throws a `TypeError` if the
 * `sha256` option is not SHA-256 (a host's configuration mistake, never the data's).
 *
 * @example
 * const sealed = seal(events);
 * const more = seal(newEvents, { heads: headsOf(sealed) });
 */
export const seal = <T extends StoredRecord>(events: readonly T[], options: IntegrityOptions & { readonly heads?: Heads } = {}): T[] => {
  const heads = new Map(options.heads ?? []);
  const hasher = hasherFor(options);
  return events.map((e) => {
    // One copy per event: every field but the chain's, in the order stored, then the chain's.
    const sealed: Record<string, unknown> = {};
    for (const key of Object.keys(e)) if (key !== "hash" && key !== "prevHash") sealed[key] = e[key];
    const prev = heads.get(e.streamId)?.hash;
    if (prev !== undefined) sealed.prevHash = prev;
    const hash = hashWith(sealed, hasher);
    sealed.hash = hash;
    heads.set(e.streamId, { version: e.version, hash });
    return Object.freeze(sealed) as T;
  });
};

/** The head (last version and hash) of every stream of a sealed log. */
export const headsOf = (events: Iterable<StoredRecord>): Map<string, { version: number; hash: string }> => {
  const heads = new Map<string, { version: number; hash: string }>();
  for (const e of events) if (e.hash !== undefined) heads.set(e.streamId, { version: e.version, hash: e.hash });
  return heads;
};

/**
 * A published checkpoint: every stream's head, and a root hash (SHA-256 of the canonical JSON of
 * `heads`) over all of them. The schema is what `verify` checks a checkpoint file against.
 */
export const CheckpointSchema = z.strictObject({
  heads: z.array(z.strictObject({ streamId: z.string().min(1).max(400), version: z.int().min(1), hash: Hex256 })),
  root: Hex256,
});
/** A published checkpoint. */
export type Checkpoint = z.infer<typeof CheckpointSchema>;

/**
 * A checkpoint of a sealed log, to publish with each report: with it, `verify` also detects a log
 * whose tail was cut off or re-sealed, which a chain alone cannot see. Streams are named through
 * the hash view, so a checkpoint holds no personal reference.
 *
 * @example
 * writeFile("report.checkpoint.json", JSON.stringify(checkpoint(events)));
 */
export const checkpoint = (events: Iterable<StoredRecord>, options: IntegrityOptions = {}): Checkpoint => {
  const hasher = hasherFor(options);
  const heads = [...headsOf(events)]
    .map(([streamId, h]) => ({ streamId: streamKey(streamId, hasher), version: h.version, hash: h.hash }))
    .sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
  return { heads, root: hasher.sha256(canonicalJson(heads)) };
};

/** What a verified log holds. */
export interface Verified {
  readonly events: number;
  readonly streams: number;
  /**
   * With a checkpoint: streams holding events recorded after it (new streams included). They verify,
   * but the checkpoint does not vouch for them — an auditor should know which they are.
   */
  readonly beyondCheckpoint: readonly string[];
}

/**
 * Verify a sealed log: every hash recomputes, every `prevHash` names the event before, versions run
 * without gap, duplicate or reordering, `recordedAt` never goes backwards; with a checkpoint, every
 * stream reaches its checkpointed head with the same hash. Returns the first broken link: the
 * stream (named through the hash view, as the checkpoint names it), the version and why. Never
 * throws: a malformed record or checkpoint is reported like any other failure.
 *
 * @example
 * const r = verify(events, { checkpoint: published });
 * if (!r.ok) console.error(r.error.message); // "project:p1 version 7: hash mismatch — the event was altered after sealing."
 */
export const verify = (
  events: readonly StoredRecord[],
  options: IntegrityOptions & { readonly checkpoint?: Checkpoint } = {},
): Result<Verified, IntegrityFailure> => {
  let hasher: Hasher;
  try {
    hasher = hasherFor(options);
  } catch {
    return err(integrityFailure("unreadable", NOT_SHA256, { streamId: "" }));
  }
  try {
    return verifyChecked(events, hasher, options.checkpoint);
  } catch (thrown) {
    if (thrown instanceof HasherFailed) return err(integrityFailure("hasher_failed", HASHER_FAILED, { streamId: "" }));
    // Only a hash view that throws, or input that is not plain data, gets here.
    return err(integrityFailure("unreadable", "The log could not be read: a record is not plain JSON data, or the hash view failed on it.", { streamId: "" }));
  }
};

type Namer = (streamId: string) => string;
type Head = { version: number; hash: string; recordedAt: string };

const verifyChecked = (events: readonly StoredRecord[], hasher: Hasher, published: Checkpoint | undefined): Result<Verified, IntegrityFailure> => {
  if (!Array.isArray(events)) return err(integrityFailure("malformed_record", "The log must be an array of records.", { streamId: "" }));
  const names = new Map<string, string>();
  const name: Namer = (streamId) => {
    let n = names.get(streamId);
    if (n === undefined) names.set(streamId, (n = streamKey(streamId, hasher)));
    return n;
  };
  const read = readRecords(events, name);
  if (!read.ok) return read;
  const heads = checkChains(events, name, hasher);
  if (!heads.ok) return heads;
  const beyond = published === undefined ? ok([]) : checkAgainst(published, events, heads.value, name, hasher);
  if (!beyond.ok) return beyond;
  return ok({ events: events.length, streams: heads.value.size, beyondCheckpoint: beyond.value });
};

// Every record has the shape of a stored event.
const readRecords = (events: readonly StoredRecord[], name: Namer): Result<undefined, IntegrityFailure> => {
  for (const [i, e] of events.entries()) {
    if (looksStored(e)) continue;
    const shape = RecordShape.safeParse(e);
    if (!shape.success) {
      const issue = shape.error.issues[0];
      const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
      // Locate it by its stream and version when those at least are readable.
      const r = typeof e === "object" && e !== null ? (e as { streamId?: unknown; version?: unknown }) : {};
      const located = typeof r.streamId === "string" && typeof r.version === "number" ? { streamId: name(r.streamId), version: r.version } : { streamId: "" };
      const at = located.streamId === "" ? `Record #${i + 1}` : `${located.streamId} version ${String(located.version)} (record #${i + 1})`;
      return err(integrityFailure("malformed_record", `${at} is not a stored event${where}: ${issue?.message ?? "not an object"}.`, { ...located, index: i }));
    }
  }
  return ok(undefined);
};

// Each stream's chain: ids unique, versions in place, each prevHash the hash before, each hash recomputed.
const checkChains = (events: readonly StoredRecord[], name: Namer, hasher: Hasher): Result<Map<string, Head>, IntegrityFailure> => {
  const last = new Map<string, Head>();
  const ids = new Set<string>();
  const fail = (code: IntegrityCode, e: StoredRecord, why: string, details: Record<string, unknown> = {}) =>
    err(
      integrityFailure(code, `${name(e.streamId)} version ${e.version}: ${why}`, { streamId: name(e.streamId), version: e.version, eventId: e.id, ...details }),
    );
  // Versions are placed by the same tracker every reader of a log uses; verify adds hashes.
  const track = streamTracker({ name });
  for (const e of events) {
    if (ids.has(e.id)) return fail("duplicate_event", e, `event ${e.id} appears twice.`);
    ids.add(e.id);
    if (e.hash === undefined) return fail("unsealed", e, "the event carries no hash; seal the log before publishing it.");
    // Ids are unique (checked above), so no event can be a repeat here: it is next, or out of place.
    const placed = track.place(e);
    if (placed.kind === "failure") {
      // A whole log is at hand, so a missing version that comes later is a reordering, not a gap.
      const expected = (last.get(e.streamId)?.version ?? 0) + 1;
      if (placed.error.code === "version_gap" && events.some((x) => x.streamId === e.streamId && x.version === expected)) {
        return fail("reordered", e, `comes before version ${expected} of its stream: events are out of order.`, { expected });
      }
      return err({ ...placed.error, details: { ...placed.error.details, eventId: e.id } });
    }
    const prev = last.get(e.streamId);
    if (e.prevHash !== prev?.hash) {
      const why = prev === undefined ? "names a predecessor that is not in the log." : "does not name the hash of the event before it: the chain is broken.";
      return fail("missing_predecessor", e, why, { prevHash: e.prevHash ?? null });
    }
    let hash: string;
    try {
      hash = hashWith(e, hasher);
    } catch (thrown) {
      if (thrown instanceof HasherFailed) return err(integrityFailure("hasher_failed", HASHER_FAILED, { streamId: "" }));
      return fail("unhashable", e, "holds a value JSON cannot represent (a number too large, say): it cannot have been sealed as it is.");
    }
    if (hash !== e.hash) return fail("hash_mismatch", e, "hash mismatch — the event was altered after sealing.");
    if (prev !== undefined && isBefore(e.recordedAt, prev.recordedAt))
      return fail("recorded_at_backwards", e, `recorded at ${e.recordedAt}, before the event it follows.`);
    // Updated in place: one object per stream, not one per event.
    if (prev === undefined) last.set(e.streamId, { version: e.version, hash: e.hash, recordedAt: e.recordedAt });
    else {
      prev.version = e.version;
      prev.hash = e.hash;
      prev.recordedAt = e.recordedAt;
    }
  }
  return ok(last);
};

// Every checkpointed head is still there with the same hash; returns the streams that went beyond it.
const checkAgainst = (
  checkpointed: Checkpoint,
  events: readonly StoredRecord[],
  last: ReadonlyMap<string, Head>,
  name: Namer,
  hasher: Hasher,
): Result<string[], IntegrityFailure> => {
  const parsed = CheckpointSchema.safeParse(checkpointed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    return err(integrityFailure("checkpoint_malformed", `The checkpoint is not a checkpoint${where}: ${issue?.message ?? "unreadable"}.`, { streamId: "" }));
  }
  const cp = parsed.data;
  if (hasher.sha256(canonicalJson(cp.heads)) !== cp.root) {
    return err(integrityFailure("checkpoint_altered", "The checkpoint's root does not match its heads: the checkpoint itself was altered.", { streamId: "" }));
  }
  // The hash each checkpointed stream holds at its checkpointed version.
  const headVersion = new Map(cp.heads.map((h) => [h.streamId, h.version]));
  const atHead = new Map<string, string | undefined>();
  for (const e of events) {
    const stream = name(e.streamId);
    if (headVersion.get(stream) === e.version) atHead.set(stream, e.hash);
  }
  const lastByKey = new Map([...last].map(([stream, h]) => [name(stream), h]));
  const beyond: string[] = [];
  for (const head of cp.heads) {
    const now = lastByKey.get(head.streamId);
    const at = { streamId: head.streamId, version: head.version };
    if (now === undefined || now.version < head.version) {
      const why = `${head.streamId}: the checkpoint saw version ${head.version}, the log ends at ${now?.version ?? 0} — its tail was cut off.`;
      return err(integrityFailure("truncated", why, at));
    }
    if (now.version > head.version) beyond.push(head.streamId);
    if (atHead.get(head.streamId) !== head.hash) {
      const why = `${head.streamId} version ${head.version}: the hash differs from the checkpoint's — the stream was rewritten and sealed again.`;
      return err(integrityFailure("resealed", why, at));
    }
  }
  const known = new Set(cp.heads.map((h) => h.streamId));
  for (const stream of last.keys()) if (!known.has(name(stream))) beyond.push(name(stream));
  return ok(beyond.sort());
};
