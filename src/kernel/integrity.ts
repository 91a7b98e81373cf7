import * as z from "zod";
import { compiledCanonicalWriter } from "./canonical-compiled.js";
import { definition } from "./definition.js";
import { type CanonicalWriter, canonicalJson, canonicalWriter } from "./canonical-json.js";
import { isSha256, memoSha256, type Sha256, sha256Hex } from "./digest.js";
import { type IntegrityCode, type IntegrityFailure, integrityFailure } from "./errors.js";
import { err, ok, type Result } from "./result.js";
import { Hex256, looksStored, looksStoredBarDigests, RecordShape } from "./record-shape.js";
import type { EventRegistry } from "./registry.js";
import { outOfPlace } from "./sequence.js";
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
export const CheckpointSchema = /* @__PURE__ */ definition(() =>
  z.strictObject({
    heads: z.array(z.strictObject({ streamId: z.string().min(1).max(400), version: z.int().min(1), hash: Hex256 })),
    root: Hex256,
  }),
);
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

/** Options of `verify`, `verifyAsync` and `startVerification`. */
export type VerifyOptions = IntegrityOptions & {
  readonly checkpoint?: Checkpoint;
  /**
   * Whether to check that no event id appears twice (`duplicate_event`), as by default. Telling a
   * duplicate needs every id read, the one part of a verification that grows with the log: `false`
   * is for a source that guarantees unique ids itself (a table whose key is the event id), so that
   * memory follows the streams alone.
   */
  readonly checkIds?: boolean;
};

/**
 * A verification fed one record at a time, in log order — from a file read line by line, a database
 * cursor, a network stream — so that the log itself is never held: what it keeps is each stream's
 * head (its name, last version, hash and record time) and the ids read, to tell a duplicate. Its
 * verdict is `verify`'s on the same records, to the failure and its wording (`verify` is this, fed
 * from an array). Never throws.
 *
 * @example
 * const v = startVerification({ hashView: labHashView, events: labEvents, checkpoint: published });
 * for (const record of stored) v.push(record); // as each is read from a file or a cursor
 * const r = v.finish();
 */
export interface Verification {
  /** Read the next record. After a broken link is found, the rest is only read for what `verify` would report first. */
  push(record: unknown): void;
  /** The verdict on every record pushed so far. */
  finish(): Result<Verified, IntegrityFailure>;
}

// What a verification keeps of one stream: how it is named, its head, and — when a checkpoint names
// it — the version the checkpoint saw (looked up once per stream) and the hash read there.
interface StreamHead {
  readonly name: string;
  version: number;
  hash: string;
  recordedAt: string;
  readonly checkpointed: number | undefined;
  atCheckpoint: string | undefined;
}

const UNREADABLE = "The log could not be read: a record is not plain JSON data, or the hash view failed on it.";
const unreadable = /* @__PURE__ */ integrityFailure("unreadable", UNREADABLE, { streamId: "" });
const hasherFailed = (): IntegrityFailure => integrityFailure("hasher_failed", HASHER_FAILED, { streamId: "" });
const failedWith = (thrown: unknown): IntegrityFailure => (thrown instanceof HasherFailed ? hasherFailed() : unreadable);

type ParsedCheckpoint = ReturnType<typeof CheckpointSchema.safeParse> | "unreadable" | undefined;

// The checkpoint as read when the verification starts; whether it is one is reported last, as `verify` does.
const readCheckpoint = (checkpointed: unknown): ParsedCheckpoint => {
  try {
    return checkpointed === undefined ? undefined : CheckpointSchema.safeParse(checkpointed);
  } catch {
    return "unreadable";
  }
};

// One verification run (see `Verification`). Records are judged in two phases, as `verify` reads a
// whole log: every record must be a stored event (the first that is not settles the verdict), and
// the first broken link of a chain is the verdict unless a record after it is malformed.
class VerificationRun implements Verification {
  readonly #hasher: Hasher | undefined;
  #settled: IntegrityFailure | undefined;
  #broken: IntegrityFailure | undefined;
  // A gap whose missing version may still come: then the log is out of order rather than short.
  #gap: { readonly streamId: string; readonly expected: number; readonly event: StoredRecord } | undefined;
  #index = 0;
  readonly #streams = new Map<string, StreamHead>();
  readonly #ids: Set<string> | undefined;
  readonly #checkpoint: ParsedCheckpoint;
  // The checkpoint's version of each stream it names.
  readonly #headVersion: ReadonlyMap<string, number> | undefined;

  constructor(options: VerifyOptions) {
    this.#ids = options.checkIds === false ? undefined : new Set();
    try {
      this.#hasher = hasherFor(options);
    } catch {
      this.#settled = integrityFailure("unreadable", NOT_SHA256, { streamId: "" });
    }
    const cp = readCheckpoint(options.checkpoint);
    this.#checkpoint = cp;
    this.#headVersion = typeof cp === "object" && cp.success ? new Map(cp.data.heads.map((h) => [h.streamId, h.version])) : undefined;
  }

  push(record: unknown): void {
    const i = this.#index++;
    const hasher = this.#hasher;
    if (this.#settled !== undefined || hasher === undefined) return;
    try {
      // The usual case, a well-formed record whose link holds, checked in one go (its digests are
      // well-formed when its link holds: see `looksStoredBarDigests`).
      if (this.#broken === undefined && looksStoredBarDigests(record)) {
        const failure = this.#link(record as StoredRecord, hasher);
        if (failure === undefined) return;
        this.#broken = failure;
      }
    } catch (thrown) {
      // The hash view or the hasher failed: no later link is judged.
      this.#broken = failedWith(thrown);
    }
    try {
      this.#settled = this.#malformed(record, i, hasher);
    } catch (thrown) {
      this.#settled = failedWith(thrown);
    }
    if (this.#settled === undefined && this.#broken !== undefined) this.#afterBreak(record as StoredRecord);
  }

  finish(): Result<Verified, IntegrityFailure> {
    if (this.#settled !== undefined) return err(this.#settled);
    if (this.#broken !== undefined) return err(this.#broken);
    const verified = { events: this.#index, streams: this.#streams.size };
    const cp = this.#checkpoint;
    if (cp === undefined) return ok({ ...verified, beyondCheckpoint: [] });
    try {
      if (cp === "unreadable") return err(unreadable);
      const beyond = checkAgainst(cp, this.#streams, this.#hasher as Hasher);
      return beyond.ok ? ok({ ...verified, beyondCheckpoint: beyond.value }) : beyond;
    } catch (thrown) {
      return err(failedWith(thrown));
    }
  }

  #fail(code: IntegrityCode, e: StoredRecord, head: StreamHead | undefined, why: string, details: Record<string, unknown> = {}): IntegrityFailure {
    const stream = head?.name ?? streamKey(e.streamId, this.#hasher as Hasher);
    return integrityFailure(code, `${stream} version ${e.version}: ${why}`, { streamId: stream, version: e.version, eventId: e.id, ...details });
  }

  // Each record must have the shape of a stored event; the first that does not is the verdict.
  #malformed(e: unknown, i: number, hasher: Hasher): IntegrityFailure | undefined {
    if (looksStored(e)) return undefined;
    const shape = RecordShape.safeParse(e);
    if (shape.success) return undefined;
    const issue = shape.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    // Locate it by its stream and version when those at least are readable.
    const r = typeof e === "object" && e !== null ? (e as { streamId?: unknown; version?: unknown }) : {};
    const readable = typeof r.streamId === "string" && typeof r.version === "number";
    const located = readable ? { streamId: streamKey(r.streamId as string, hasher), version: r.version as number } : { streamId: "" };
    const at = located.streamId === "" ? `Record #${i + 1}` : `${located.streamId} version ${String(located.version)} (record #${i + 1})`;
    return integrityFailure("malformed_record", `${at} is not a stored event${where}: ${issue?.message ?? "not an object"}.`, { ...located, index: i });
  }

  // One link of a chain: the id new, the version next, the prevHash the hash before, the hash recomputed, time not backwards.
  #link(e: StoredRecord, hasher: Hasher): IntegrityFailure | undefined {
    const head = this.#streams.get(e.streamId);
    const ids = this.#ids;
    if (ids !== undefined) {
      const before = ids.size;
      ids.add(e.id);
      if (ids.size === before) return this.#fail("duplicate_event", e, head, `event ${e.id} appears twice.`);
    }
    if (e.hash === undefined) return this.#fail("unsealed", e, head, "the event carries no hash; seal the log before publishing it.");
    const last = head?.version ?? 0;
    if (e.version !== last + 1) return this.#misplaced(e, head, last, hasher);
    if (e.prevHash !== head?.hash) {
      const why = head === undefined ? "names a predecessor that is not in the log." : "does not name the hash of the event before it: the chain is broken.";
      return this.#fail("missing_predecessor", e, head, why, { prevHash: e.prevHash ?? null });
    }
    let hash: string;
    try {
      hash = hashWith(e, hasher);
    } catch (thrown) {
      if (thrown instanceof HasherFailed) return hasherFailed();
      return this.#fail("unhashable", e, head, "holds a value JSON cannot represent (a number too large, say): it cannot have been sealed as it is.");
    }
    if (hash !== e.hash) return this.#fail("hash_mismatch", e, head, "hash mismatch — the event was altered after sealing.");
    if (head !== undefined && isBefore(e.recordedAt, head.recordedAt))
      return this.#fail("recorded_at_backwards", e, head, `recorded at ${e.recordedAt}, before the event it follows.`);
    // Updated in place: one object per stream, not one per event.
    const current = head ?? this.#newHead(e.streamId, hasher);
    current.version = e.version;
    current.hash = hash;
    current.recordedAt = e.recordedAt;
    if (current.checkpointed === e.version) current.atCheckpoint = hash;
    return undefined;
  }

  #newHead(streamId: string, hasher: Hasher): StreamHead {
    const name = streamKey(streamId, hasher);
    const head = { name, version: 0, hash: "", recordedAt: "", checkpointed: this.#headVersion?.get(name), atCheckpoint: undefined };
    this.#streams.set(streamId, head);
    return head;
  }

  // Ids are unique (checked before), so no event is a repeat here: it skips ahead, or another holds its version.
  #misplaced(e: StoredRecord, head: StreamHead | undefined, last: number, hasher: Hasher): IntegrityFailure {
    const out = outOfPlace(head?.name ?? streamKey(e.streamId, hasher), e, last);
    // A gap may be a reordering: the rest of the log says.
    if (out.code === "version_gap") this.#gap = { streamId: e.streamId, expected: last + 1, event: e };
    return { ...out, details: { ...out.details, eventId: e.id } };
  }

  // After the first broken link: the version missing at a gap, read later, means the log is out of order rather than short.
  #afterBreak(e: StoredRecord): void {
    const gap = this.#gap;
    if (gap === undefined || gap.event === e) return;
    try {
      if (e.streamId !== gap.streamId || e.version !== gap.expected) return;
      const why = `comes before version ${gap.expected} of its stream: events are out of order.`;
      this.#broken = this.#fail("reordered", gap.event, this.#streams.get(gap.streamId), why, { expected: gap.expected });
    } catch {
      this.#broken = unreadable;
    }
    this.#gap = undefined;
  }
}

/**
 * Start a verification (see `Verification`): records are pushed one at a time, the verdict comes
 * from `finish`. Memory follows the streams, not the log — but for the ids: telling a duplicate
 * event id needs every id read (see `checkIds`).
 *
 * @example
 * const v = startVerification({ hashView: labHashView });
 * for (const e of stored) v.push(e);
 * if (!v.finish().ok) console.error("the log was altered");
 */
export const startVerification = (options: VerifyOptions = {}): Verification => new VerificationRun(options);

/**
 * Verify a sealed log: every hash recomputes, every `prevHash` names the event before, versions run
 * without gap, duplicate or reordering, `recordedAt` never goes backwards; with a checkpoint, every
 * stream reaches its checkpointed head with the same hash. Returns the first broken link: the
 * stream (named through the hash view, as the checkpoint names it), the version and why. Never
 * throws: a malformed record or checkpoint is reported like any other failure. For a log too large
 * to hold, `verifyAsync` reads it from a stream.
 *
 * @example
 * const r = verify(events, { checkpoint: published });
 * if (!r.ok) console.error(r.error.message); // "project:p1 version 7: hash mismatch — the event was altered after sealing."
 */
export const verify = (events: readonly StoredRecord[], options: VerifyOptions = {}): Result<Verified, IntegrityFailure> => {
  const v = startVerification(options);
  if (!Array.isArray(events)) {
    const failed = v.finish();
    return failed.ok ? err(integrityFailure("malformed_record", "The log must be an array of records.", { streamId: "" })) : failed;
  }
  for (let i = 0; i < events.length; i++) v.push(events[i]);
  return v.finish();
};

/**
 * `verify` over records read one at a time — an async iterable such as a file read line by line or
 * a database cursor, or any iterable — without holding the log (see `startVerification`). A source
 * that fails while being read is reported as `unreadable`.
 *
 * @example
 * const records = (async function* () { yield* stored; })(); // a file read line by line, a cursor
 * const r = await verifyAsync(records, { hashView: labHashView, events: labEvents });
 */
export const verifyAsync = async (
  records: AsyncIterable<unknown> | Iterable<unknown>,
  options: VerifyOptions = {},
): Promise<Result<Verified, IntegrityFailure>> => {
  const v = startVerification(options);
  try {
    for await (const record of records) v.push(record);
  } catch {
    return err(integrityFailure("unreadable", "The log could not be read: its source failed while being read.", { streamId: "" }));
  }
  return v.finish();
};

// Every checkpointed head is still there with the same hash; returns the streams that went beyond it.
const checkAgainst = (
  parsed: ReturnType<typeof CheckpointSchema.safeParse>,
  streams: ReadonlyMap<string, StreamHead>,
  hasher: Hasher,
): Result<string[], IntegrityFailure> => {
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    return err(integrityFailure("checkpoint_malformed", `The checkpoint is not a checkpoint${where}: ${issue?.message ?? "unreadable"}.`, { streamId: "" }));
  }
  const cp = parsed.data;
  if (hasher.sha256(canonicalJson(cp.heads)) !== cp.root) {
    return err(integrityFailure("checkpoint_altered", "The checkpoint's root does not match its heads: the checkpoint itself was altered.", { streamId: "" }));
  }
  const byName = new Map([...streams.values()].map((h) => [h.name, h]));
  const beyond: string[] = [];
  for (const head of cp.heads) {
    const now = byName.get(head.streamId);
    const at = { streamId: head.streamId, version: head.version };
    if (now === undefined || now.version < head.version) {
      const why = `${head.streamId}: the checkpoint saw version ${head.version}, the log ends at ${now?.version ?? 0} — its tail was cut off.`;
      return err(integrityFailure("truncated", why, at));
    }
    if (now.version > head.version) beyond.push(head.streamId);
    if (now.atCheckpoint !== head.hash) {
      const why = `${head.streamId} version ${head.version}: the hash differs from the checkpoint's — the stream was rewritten and sealed again.`;
      return err(integrityFailure("resealed", why, at));
    }
  }
  const known = new Set(cp.heads.map((h) => h.streamId));
  for (const h of streams.values()) if (!known.has(h.name)) beyond.push(h.name);
  return ok(beyond.sort());
};
