import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  canonicalWriter,
  compareInstants,
  type HashView,
  integrityFailure,
  memoSha256,
  sha256Hex,
  streamTracker,
  type Verified,
  verifyAsync,
} from "../../src/kernel/index.js";
import {
  type Checkpoint,
  CheckpointSchema,
  checkpoint,
  err,
  type IntegrityFailure,
  labEvents,
  labHashView,
  ok,
  type Result,
  seal,
  startVerification,
  type StoredRecord,
  verify,
} from "../../src/index.js";
import { looksStored, RecordShape } from "../../src/kernel/record-shape.js";
import { DEMO_CHECKPOINT, DEMO_LOG } from "../../examples/demo/paths.js";
import { tallyLog } from "./arbitraries.js";

// The reference: `verify` as it read a whole log before it could read one record at a time — every
// record's shape first, then every chain (a gap whose missing version is anywhere in the log is a
// reordering), then the checkpoint. The verification fed record by record must give its verdict.
const referenceVerify = (
  events: readonly StoredRecord[],
  options: { hashView?: HashView; checkpoint?: Checkpoint; sha256?: (s: string) => string } = {},
): Result<Verified, IntegrityFailure> => {
  const hex = options.sha256 ?? sha256Hex;
  const sha256 = memoSha256(hex);
  const view = (r: Readonly<Record<string, unknown>>) => (options.hashView ?? ((x) => x))(r, sha256);
  const write = canonicalWriter();
  const name = (streamId: string): string => {
    const v = view({ streamId }) as { streamId?: unknown };
    return typeof v?.streamId === "string" ? v.streamId : streamId;
  };
  for (const [i, e] of events.entries()) {
    if (looksStored(e)) continue;
    const issue = RecordShape.safeParse(e).error?.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    const r = typeof e === "object" && e !== null ? (e as { streamId?: unknown; version?: unknown }) : {};
    const located = typeof r.streamId === "string" && typeof r.version === "number" ? { streamId: name(r.streamId), version: r.version } : { streamId: "" };
    const at = located.streamId === "" ? `Record #${i + 1}` : `${located.streamId} version ${String(located.version)} (record #${i + 1})`;
    return err(integrityFailure("malformed_record", `${at} is not a stored event${where}: ${issue?.message ?? "not an object"}.`, { ...located, index: i }));
  }
  const last = new Map<string, { version: number; hash: string; recordedAt: string }>();
  const ids = new Set<string>();
  const fail = (code: Parameters<typeof integrityFailure>[0], e: StoredRecord, why: string, details: Record<string, unknown> = {}) =>
    err(
      integrityFailure(code, `${name(e.streamId)} version ${e.version}: ${why}`, { streamId: name(e.streamId), version: e.version, eventId: e.id, ...details }),
    );
  const track = streamTracker({ name });
  for (const e of events) {
    if (ids.has(e.id)) return fail("duplicate_event", e, `event ${e.id} appears twice.`);
    ids.add(e.id);
    if (e.hash === undefined) return fail("unsealed", e, "the event carries no hash; seal the log before publishing it.");
    const placed = track.place(e);
    if (placed.kind === "failure") {
      const expected = (last.get(e.streamId)?.version ?? 0) + 1;
      if (placed.error.code === "version_gap" && events.some((x) => x.streamId === e.streamId && x.version === expected))
        return fail("reordered", e, `comes before version ${expected} of its stream: events are out of order.`, { expected });
      return err({ ...placed.error, details: { ...placed.error.details, eventId: e.id } });
    }
    const prev = last.get(e.streamId);
    if (e.prevHash !== prev?.hash)
      return fail(
        "missing_predecessor",
        e,
        prev === undefined ? "names a predecessor that is not in the log." : "does not name the hash of the event before it: the chain is broken.",
        {
          prevHash: e.prevHash ?? null,
        },
      );
    let hash: string;
    try {
      hash = hex(write(view(e), "hash"));
    } catch {
      return fail("unhashable", e, "holds a value JSON cannot represent (a number too large, say): it cannot have been sealed as it is.");
    }
    if (hash !== e.hash) return fail("hash_mismatch", e, "hash mismatch — the event was altered after sealing.");
    if (prev !== undefined && compareInstants(e.recordedAt, prev.recordedAt) < 0)
      return fail("recorded_at_backwards", e, `recorded at ${e.recordedAt}, before the event it follows.`);
    last.set(e.streamId, { version: e.version, hash: e.hash, recordedAt: e.recordedAt });
  }
  if (options.checkpoint === undefined) return ok({ events: events.length, streams: last.size, beyondCheckpoint: [] });
  const parsed = CheckpointSchema.safeParse(options.checkpoint);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    return err(integrityFailure("checkpoint_malformed", `The checkpoint is not a checkpoint${where}: ${issue?.message ?? "unreadable"}.`, { streamId: "" }));
  }
  const cp = parsed.data;
  if (hex(canonicalJson(cp.heads)) !== cp.root)
    return err(integrityFailure("checkpoint_altered", "The checkpoint's root does not match its heads: the checkpoint itself was altered.", { streamId: "" }));
  const headVersion = new Map(cp.heads.map((h) => [h.streamId, h.version]));
  const atHead = new Map<string, string | undefined>();
  for (const e of events) if (headVersion.get(name(e.streamId)) === e.version) atHead.set(name(e.streamId), e.hash);
  const lastByKey = new Map([...last].map(([stream, h]) => [name(stream), h]));
  const beyond: string[] = [];
  for (const head of cp.heads) {
    const now = lastByKey.get(head.streamId);
    const at = { streamId: head.streamId, version: head.version };
    if (now === undefined || now.version < head.version)
      return err(
        integrityFailure(
          "truncated",
          `${head.streamId}: the checkpoint saw version ${head.version}, the log ends at ${now?.version ?? 0} — its tail was cut off.`,
          at,
        ),
      );
    if (now.version > head.version) beyond.push(head.streamId);
    if (atHead.get(head.streamId) !== head.hash)
      return err(
        integrityFailure(
          "resealed",
          `${head.streamId} version ${head.version}: the hash differs from the checkpoint's — the stream was rewritten and sealed again.`,
          at,
        ),
      );
  }
  const known = new Set(cp.heads.map((h) => h.streamId));
  for (const stream of last.keys()) if (!known.has(name(stream))) beyond.push(name(stream));
  return ok({ events: events.length, streams: last.size, beyondCheckpoint: beyond.sort() });
};

// Damage of every kind the verdict depends on: a field changed (to a value of the right shape or not),
// an event removed, repeated, moved, or unsealed.
const damage = (log: readonly StoredRecord[]) => {
  const n = log.length;
  const junk = fc.oneof(
    fc.constantFrom("x", "", 0, -1, 1.5, null, "A".repeat(64), "2019-02-30T00:00:00Z", "2019-01-01T00:00:00.000Z", "2030-01-01T00:00:00.000Z"),
    fc.constantFrom(...log.slice(0, 20).map((e) => e.hash)),
    fc.anything({ maxDepth: 1 }),
  );
  const field = fc.constantFrom("id", "streamId", "version", "recordedAt", "occurredAt", "prevHash", "hash", "type", "data", "actor");
  const one = fc.oneof(
    fc.tuple(fc.nat(n - 1), field, junk).map(
      ([i, f, v]) =>
        (l: StoredRecord[]) =>
          l.map((e, k) => (k === i ? ({ ...e, [f]: v } as StoredRecord) : e)),
    ),
    fc.nat(n - 1).map((i) => (l: StoredRecord[]) => l.filter((_, k) => k !== i)),
    fc.nat(n - 1).map((i) => (l: StoredRecord[]) => [...l.slice(0, i + 1), ...l.slice(i)]),
    fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).map(([i, j]) => (l: StoredRecord[]) => {
      const out = [...l];
      [out[i], out[j]] = [l[j] as StoredRecord, l[i] as StoredRecord];
      return out;
    }),
    fc.nat(n - 1).map((i) => (l: StoredRecord[]) => l.map((e, k) => (k === i ? (({ hash: _h, ...rest }) => rest as StoredRecord)(e) : e))),
  );
  return fc.array(one, { minLength: 0, maxLength: 3 }).map((fs) => fs.reduce((l, f) => f(l), [...log]));
};

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

const pushed = (events: readonly unknown[], options: Parameters<typeof startVerification>[0]) => {
  const v = startVerification(options);
  for (const e of events) v.push(e);
  return v.finish();
};

describe("a verification fed one record at a time", () => {
  it("gives the whole-log reading's verdict, to the failure and its wording, on damaged tally logs", async () => {
    const logs = tallyLog
      .filter((l) => l.length >= 2)
      .chain((log) => {
        const sealed = seal(log);
        return fc.tuple(fc.constant(sealed), damage(sealed), fc.boolean());
      });
    const verdicts = new Set<string>();
    await fc.assert(
      fc.asyncProperty(logs, async ([sealed, damaged, withCheckpoint]) => {
        const options = withCheckpoint ? { checkpoint: checkpoint(sealed) } : {};
        const expected = referenceVerify(damaged, options);
        verdicts.add(expected.ok ? "ok" : expected.error.code);
        expect(verify(damaged, options)).toEqual(expected);
        expect(pushed(damaged, options)).toEqual(expected);
        expect(
          await verifyAsync(
            (async function* () {
              yield* damaged;
            })(),
            options,
          ),
        ).toEqual(expected);
      }),
      { numRuns: 1_500, seed: 25 },
    );
    // Every verdict is reached, so each path of the record-by-record reading was compared.
    for (const code of [
      "ok",
      "malformed_record",
      "duplicate_event",
      "unsealed",
      "version_gap",
      "reordered",
      "missing_predecessor",
      "hash_mismatch",
      "truncated",
    ])
      expect(verdicts, code).toContain(code);
  });

  it("gives it on the damaged demonstration log too, hashed through the lab's view with writers compiled from its schemas", () => {
    const stored = readFileSync(DEMO_LOG, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as StoredRecord);
    const published = JSON.parse(readFileSync(DEMO_CHECKPOINT, "utf8")) as Checkpoint;
    expect(verify(stored, { hashView: labHashView, events: labEvents, checkpoint: published }).ok).toBe(true);
    fc.assert(
      fc.property(damage(stored), (damaged) => {
        const expected = referenceVerify(damaged, { hashView: labHashView, checkpoint: published, sha256 });
        expect(verify(damaged, { hashView: labHashView, events: labEvents, checkpoint: published, sha256 })).toEqual(expected);
      }),
      // Each run hashes the 2,505-event log twice; the tally logs above try the damage kinds at length.
      { numRuns: 40, seed: 25 },
    );
  }, 300_000);

  it("without the id check, gives the same verdict on every log whose ids are unique, keeping no id", () => {
    fc.assert(
      fc.property(
        tallyLog.filter((l) => l.length >= 2).chain((log) => damage(seal(log))),
        (damaged) => {
          const unique = new Set(damaged.map((e) => (e as { id?: unknown } | undefined)?.id)).size === damaged.length;
          const checked = verify(damaged);
          const trusted = verify(damaged, { checkIds: false });
          if (unique) expect(trusted).toEqual(checked);
          else expect(!trusted.ok && trusted.error.code).not.toBe("duplicate_event");
        },
      ),
      { numRuns: 800, seed: 26 },
    );
  });

  it("reports a source that fails while read as unreadable, and refuses what is not a log", async () => {
    const failing = (async function* () {
      yield* [];
      throw new Error("disk gone");
    })();
    const r = await verifyAsync(failing);
    expect(!r.ok && r.error.code).toBe("unreadable");
    expect(verify("not a log" as unknown as StoredRecord[])).toEqual(referenceVerifyNotArray);
  });
});

const referenceVerifyNotArray = err(integrityFailure("malformed_record", "The log must be an array of records.", { streamId: "" }));
