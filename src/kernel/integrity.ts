import { canonicalJson } from "./canonical-json.js";
import { sha256Hex } from "./digest.js";
import { type IntegrityFailure, integrityFailure } from "./errors.js";
import { err, ok, type Result } from "./result.js";

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
 * (see the lab's `labHashView`) so that a redacted copy still verifies.
 */
export type HashView = (record: Readonly<Record<string, unknown>>) => unknown;

/** Options shared by `seal`, `verify` and `checkpoint`. */
export interface IntegrityOptions {
  readonly hashView?: HashView;
}

const same: HashView = (r) => r;

// How a stream is named in a checkpoint: through the hash view, so that a checkpoint published with
// a report names no personal reference (and still matches a redacted copy).
const streamKey = (streamId: string, options: IntegrityOptions): string => {
  const viewed = (options.hashView ?? same)({ streamId });
  return typeof viewed === "object" && viewed !== null && typeof (viewed as { streamId?: unknown }).streamId === "string" ? (viewed as { streamId: string }).streamId : streamId;
};

/**
 * The hash of one event: SHA-256 of the RFC 8785 canonical JSON of its hash view, without `hash`
 * and with `prevHash`, so each hash also covers the one before it.
 *
 * @example
 * hashOf({ id: "e1", streamId: "s", version: 1, recordedAt: "2020-01-01T00:00:00Z" })
 */
export const hashOf = (record: Readonly<Record<string, unknown>>, options: IntegrityOptions = {}): string => {
  const { hash: _hash, ...rest } = record;
  return sha256Hex(canonicalJson((options.hashView ?? same)(rest)));
};

/** The last hash of each stream, for sealing more events onto a sealed log. */
export type Heads = ReadonlyMap<string, { readonly version: number; readonly hash: string }>;

/**
 * Seal events into a per-stream hash chain: each gets `prevHash` (the hash of the event before it in
 * its stream; absent for version 1) and `hash`. Sealing is incremental: pass the heads of the
 * already-sealed log (from `headsOf`) and only the new events.
 *
 * @example
 * const sealed = seal(events);
 * const more = seal(newEvents, { heads: headsOf(sealed) });
 */
export const seal = <T extends StoredRecord>(events: readonly T[], options: IntegrityOptions & { readonly heads?: Heads } = {}): T[] => {
  const heads = new Map(options.heads ?? []);
  return events.map((e) => {
    const { hash: _h, prevHash: _p, ...rest } = e;
    const prev = heads.get(e.streamId)?.hash;
    const unsealed = prev === undefined ? rest : { ...rest, prevHash: prev };
    const hash = hashOf(unsealed, options);
    heads.set(e.streamId, { version: e.version, hash });
    return Object.freeze({ ...unsealed, hash }) as unknown as T;
  });
};

/** The head (last version and hash) of every stream of a sealed log. */
export const headsOf = (events: Iterable<StoredRecord>): Map<string, { version: number; hash: string }> => {
  const heads = new Map<string, { version: number; hash: string }>();
  for (const e of events) if (e.hash !== undefined) heads.set(e.streamId, { version: e.version, hash: e.hash });
  return heads;
};

/** A published checkpoint: every stream's head, and a root hash over all of them. */
export interface Checkpoint {
  readonly heads: readonly { readonly streamId: string; readonly version: number; readonly hash: string }[];
  /** SHA-256 of the canonical JSON of `heads`. */
  readonly root: string;
}

/**
 * A checkpoint of a sealed log, to publish with each report: with it, `verify` also detects a log
 * whose tail was cut off or re-sealed, which a chain alone cannot see. Streams are named through
 * the hash view, so a checkpoint holds no personal reference.
 *
 * @example
 * writeFile("report.checkpoint.json", JSON.stringify(checkpoint(events)));
 */
export const checkpoint = (events: Iterable<StoredRecord>, options: IntegrityOptions = {}): Checkpoint => {
  const heads = [...headsOf(events)].map(([streamId, h]) => ({ streamId: streamKey(streamId, options), version: h.version, hash: h.hash })).sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
  return { heads, root: sha256Hex(canonicalJson(heads)) };
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
 * stream, the version and why.
 *
 * @example
 * const r = verify(events, { checkpoint: published });
 * if (!r.ok) console.error(r.error.message); // "project:p1 version 7: hash mismatch — the event was altered after sealing."
 */
export const verify = (events: readonly StoredRecord[], options: IntegrityOptions & { readonly checkpoint?: Checkpoint } = {}): Result<Verified, IntegrityFailure> => {
  const last = new Map<string, { version: number; hash: string; recordedAt: number }>();
  const ids = new Set<string>();
  const present = new Set<string>();
  for (const e of events) present.add(`${e.streamId}@${e.version}`);
  const fail = (code: string, e: StoredRecord, why: string, details: Record<string, unknown> = {}) =>
    err(integrityFailure(code, `${e.streamId} version ${e.version}: ${why}`, { streamId: e.streamId, version: e.version, eventId: e.id, ...details }));
  for (const e of events) {
    if (ids.has(e.id)) return fail("duplicate_event", e, `event ${e.id} appears twice.`);
    ids.add(e.id);
    if (e.hash === undefined) return fail("unsealed", e, "the event carries no hash; seal the log before publishing it.");
    const prev = last.get(e.streamId);
    const expected = (prev?.version ?? 0) + 1;
    if (e.version < expected) return fail("reordered", e, `comes after version ${prev?.version ?? 0}: events are duplicated or out of order.`, { expected });
    if (e.version > expected && present.has(`${e.streamId}@${expected}`)) return fail("reordered", e, `comes before version ${expected} of its stream: events are out of order.`, { expected });
    if (e.version > expected) return fail("version_gap", e, `follows version ${prev?.version ?? 0}: version${e.version - expected > 1 ? "s" : ""} ${expected}${e.version - expected > 1 ? `–${e.version - 1}` : ""} missing.`, { expected });
    if (e.prevHash !== prev?.hash) {
      return fail("missing_predecessor", e, prev === undefined ? "names a predecessor that is not in the log." : "does not name the hash of the event before it: the chain is broken.", { prevHash: e.prevHash ?? null });
    }
    if (hashOf(e, options) !== e.hash) return fail("hash_mismatch", e, "hash mismatch — the event was altered after sealing.");
    const recordedAt = Date.parse(e.recordedAt);
    if (prev !== undefined && recordedAt < prev.recordedAt) return fail("recorded_at_backwards", e, `recorded at ${e.recordedAt}, before the event it follows.`);
    last.set(e.streamId, { version: e.version, hash: e.hash, recordedAt });
  }
  const cp = options.checkpoint;
  const beyondCheckpoint: string[] = [];
  if (cp !== undefined) {
    if (sha256Hex(canonicalJson(cp.heads)) !== cp.root) {
      return err(integrityFailure("checkpoint_altered", "The checkpoint's root does not match its heads: the checkpoint itself was altered.", { streamId: "" }));
    }
    const atVersion = new Map<string, string>();
    for (const e of events) if (e.hash !== undefined) atVersion.set(`${streamKey(e.streamId, options)}@${e.version}`, e.hash);
    const lastByKey = new Map([...last].map(([stream, h]) => [streamKey(stream, options), h]));
    for (const head of cp.heads) {
      const now = lastByKey.get(head.streamId);
      const found = atVersion.get(`${head.streamId}@${head.version}`);
      if (now === undefined || now.version < head.version) {
        return err(
          integrityFailure("truncated", `${head.streamId}: the checkpoint saw version ${head.version}, the log ends at ${now?.version ?? 0} — its tail was cut off.`, {
            streamId: head.streamId,
            version: head.version,
          }),
        );
      }
      if (now.version > head.version) beyondCheckpoint.push(head.streamId);
      if (found !== head.hash) {
        return err(
          integrityFailure("resealed", `${head.streamId} version ${head.version}: the hash differs from the checkpoint's — the stream was rewritten and sealed again.`, {
            streamId: head.streamId,
            version: head.version,
          }),
        );
      }
    }
  }
  if (cp !== undefined) {
    const known = new Set(cp.heads.map((h) => h.streamId));
    for (const stream of last.keys()) if (!known.has(streamKey(stream, options))) beyondCheckpoint.push(stream);
  }
  return ok({ events: events.length, streams: last.size, beyondCheckpoint: beyondCheckpoint.sort() });
};
