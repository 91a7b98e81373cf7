import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkpoint, type Envelope, headsOf, isSha256, seal, type StoredRecord, verify } from "../../src/index.js";
import { hashOf, sha256Hex } from "../../src/kernel/index.js";
import { tallyLog } from "./arbitraries.js";
import type { TallyEvent } from "./tally.js";

const sealedLog = tallyLog.filter((l) => l.length >= 2).map((log) => seal(log));

const codeOf = (events: readonly StoredRecord[], cp = checkpoint(events)) => {
  const r = verify(events, { checkpoint: cp });
  return r.ok ? "ok" : r.error.code;
};

describe("sealing", () => {
  it("chains each stream: the first event has no prevHash, every other names the hash before it", () => {
    fc.assert(
      fc.property(sealedLog, (log) => {
        const last = new Map<string, string>();
        for (const e of log) {
          expect(e.prevHash).toBe(last.get(e.streamId));
          expect(e.hash).toBe(hashOf(e));
          expect(e.hash).toMatch(/^[0-9a-f]{64}$/u);
          last.set(e.streamId, e.hash as string);
        }
        expect(verify(log)).toEqual({ ok: true, value: { events: log.length, streams: last.size, beyondCheckpoint: [] } });
      }),
    );
  });

  it("is incremental: sealing the rest onto the heads of the first part equals sealing it all", () => {
    fc.assert(
      fc.property(tallyLog, fc.nat(), (log, cut) => {
        const k = cut % (log.length + 1);
        const first = seal(log.slice(0, k));
        expect([...first, ...seal(log.slice(k), { heads: headsOf(first) })]).toEqual(seal(log));
      }),
    );
  });

  it("does not change the events' content, and leaves its input alone", () => {
    const [log] = fc.sample(tallyLog, { numRuns: 1, seed: 4 });
    const input = structuredClone(log ?? []);
    const sealed = seal(log ?? []);
    expect(log).toEqual(input);
    expect(sealed.map(({ hash: _h, prevHash: _p, ...rest }) => rest)).toEqual(input);
  });

  it("an unsealed log is refused by verify, naming the first event", () => {
    const [log] = fc.sample(tallyLog, { numRuns: 1, seed: 5 });
    const r = verify(log ?? []);
    expect(!r.ok && r.error).toMatchObject({ code: "unsealed", details: { streamId: log?.[0]?.streamId, version: 1 } });
  });
});

type Mutation = { name: string; apply: (log: StoredRecord[]) => { log: StoredRecord[]; streams: string[] } };

const mutations = (n: number, field: string, value: unknown): Mutation[] => [
  {
    name: `change ${field}`,
    apply: (log) => {
      const i = n % log.length;
      const e = log[i] as StoredRecord;
      const before = field.startsWith("data.") ? (e.data as Record<string, unknown>)[field.slice(5)] : e[field];
      if (JSON.stringify(before) === JSON.stringify(value)) return { log, streams: [] };
      const changed = field.startsWith("data.") ? { ...e, data: { ...(e.data as object), [field.slice(5)]: value } } : { ...e, [field]: value };
      const out = [...log];
      out[i] = changed as StoredRecord;
      return { log: out, streams: [e.streamId, String(changed.streamId)] };
    },
  },
  { name: "delete", apply: (log) => ({ log: log.filter((_, i) => i !== n % log.length), streams: [(log[n % log.length] as StoredRecord).streamId] }) },
  {
    name: "duplicate",
    apply: (log) => {
      const i = n % log.length;
      return { log: [...log.slice(0, i + 1), log[i] as StoredRecord, ...log.slice(i + 1)], streams: [(log[i] as StoredRecord).streamId] };
    },
  },
  {
    name: "insert a forged event",
    apply: (log) => {
      const i = n % log.length;
      const e = log[i] as StoredRecord;
      const forged = { ...e, id: `${e.id}-forged`, version: e.version + 1, prevHash: e.hash };
      const sealedForged = { ...forged, hash: hashOf(forged) };
      return { log: [...log.slice(0, i + 1), sealedForged, ...log.slice(i + 1)], streams: [e.streamId] };
    },
  },
  {
    name: "swap two events",
    apply: (log) => {
      const i = n % log.length;
      const j = (i + 1 + (Math.floor(n / log.length) % (log.length - 1))) % log.length;
      const a = log[i] as StoredRecord;
      const b = log[j] as StoredRecord;
      const out = [...log];
      out[i] = b;
      out[j] = a;
      const same = a.streamId !== b.streamId; // events of different streams may trade places harmlessly
      return { log: out, streams: same ? [] : [a.streamId] };
    },
  },
];

describe("verify", () => {
  it("detects and locates any single mutation of a sealed log (with its checkpoint)", () => {
    const field = fc.oneof(
      fc.constantFrom("id", "streamId", "type", "occurredAt", "actor", "commandId", "data", "prevHash", "hash").map((f) => [f, `x-${f}`] as const),
      fc.constantFrom("version", "schemaVersion").chain((f) => fc.integer({ min: 0, max: 99 }).map((v) => [f, v] as const)),
      fc.constant(["recordedAt", "2019-01-01T00:00:00.000Z"] as const),
      fc.constant(["data.by", 999] as const),
      fc.constant(["data.tallyId", "elsewhere"] as const),
    );
    fc.assert(
      fc.property(sealedLog, fc.nat(), field, fc.nat({ max: 4 }), (log, n, [f, value], which) => {
        const published = checkpoint(log);
        const m = mutations(n, f, value)[which] as Mutation;
        const { log: changed, streams } = m.apply(log as StoredRecord[]);
        if (streams.length === 0) return; // the mutation changed nothing that matters
        const r = verify(changed, { checkpoint: published });
        // An event forged onto the end of a stream is indistinguishable from a later append: it
        // verifies, and the stream is reported as holding events the checkpoint does not vouch for.
        if (r.ok) expect(r.value.beyondCheckpoint, m.name).toEqual(streams.slice(0, 1));
        else expect(streams, `${m.name}: ${r.error.message}`).toContain(r.error.details.streamId);
        if (r.ok) expect(m.name).toBe("insert a forged event");
      }),
      { numRuns: 600 },
    );
  });

  it("says why: gap, reordering, broken chain, altered event, record time backwards", () => {
    const [log] = fc.sample(
      sealedLog.filter((l) => l.some((e) => e.version >= 3)),
      { numRuns: 1, seed: 9 },
    );
    const events = log as Envelope<TallyEvent>[];
    const third = events.findIndex((e) => e.version === 3);
    const s = (events[third] as StoredRecord).streamId;
    const idx = (v: number) => events.findIndex((e) => e.streamId === s && e.version === v);
    expect(codeOf(events.filter((_, i) => i !== idx(2)))).toBe("version_gap");
    const swapped = [...events];
    [swapped[idx(2)], swapped[idx(3)]] = [swapped[idx(3)] as Envelope<TallyEvent>, swapped[idx(2)] as Envelope<TallyEvent>];
    expect(codeOf(swapped)).toBe("reordered");
    const altered = events.map((e, i) => (i === idx(2) ? { ...e, occurredAt: "2030-01-01T00:00:00.000Z" } : e));
    expect(codeOf(altered)).toBe("hash_mismatch");
    const resealedOne = events.map((e, i) =>
      i === idx(2)
        ? seal([{ ...e, occurredAt: "2030-01-01T00:00:00.000Z", prevHash: undefined }], {
            heads: new Map(e.prevHash ? [[s, { version: 1, hash: e.prevHash }]] : []),
          })[0]
        : e,
    ) as StoredRecord[];
    expect(codeOf(resealedOne)).toBe("missing_predecessor");
    const backwards = seal(events.map((e, i) => (i === idx(3) ? { ...e, recordedAt: "2000-01-01T00:00:00.000Z" } : e)));
    expect(codeOf(backwards)).toBe("recorded_at_backwards");
  });

  it("with a checkpoint, sees a cut tail and a re-sealed tail that the chain alone cannot", () => {
    const [log] = fc.sample(
      sealedLog.filter((l) => l.length >= 3),
      { numRuns: 1, seed: 11 },
    );
    const events = log as StoredRecord[];
    const published = checkpoint(events);
    const lastOf = events.at(-1) as StoredRecord;
    const cut = events.slice(0, -1);
    expect(verify(cut).ok).toBe(true);
    const truncated = verify(cut, { checkpoint: published });
    expect(!truncated.ok && truncated.error).toMatchObject({ code: "truncated", details: { streamId: lastOf.streamId } });
    const resealed = seal(events.map((e) => (e === lastOf ? { ...e, occurredAt: "2030-01-01T00:00:00.000Z" } : e)));
    expect(verify(resealed).ok).toBe(true);
    const caught = verify(resealed, { checkpoint: published });
    expect(!caught.ok && caught.error).toMatchObject({ code: "resealed", details: { streamId: lastOf.streamId } });
    const forgedCheckpoint = { ...published, heads: published.heads.slice(1) };
    expect(codeOf(events, forgedCheckpoint)).toBe("checkpoint_altered");
  });
});

describe("a SHA-256 the host provides", () => {
  const nodeSha256 = (text: string) => createHash("sha256").update(text).digest("hex");

  it("gives the very hashes and checkpoints of the default, so a log sealed with one verifies with the other", () => {
    fc.assert(
      fc.property(tallyLog, (log) => {
        const fast = seal(log, { sha256: nodeSha256 });
        expect(fast).toEqual(seal(log));
        expect(checkpoint(fast, { sha256: nodeSha256 })).toEqual(checkpoint(fast));
        expect(verify(fast, { checkpoint: checkpoint(fast) }).ok).toBe(true);
        expect(verify(seal(log), { sha256: nodeSha256, checkpoint: checkpoint(fast) }).ok).toBe(true);
      }),
    );
  });

  it("is checked on known answers, and refused when it is not SHA-256 over UTF-8 in lowercase hex", () => {
    expect(isSha256(nodeSha256)).toBe(true);
    expect(isSha256(sha256Hex)).toBe(true);
    const wrong = {
      identity: (text: string) => text,
      "UTF-16 bytes": (text: string) => createHash("sha256").update(Buffer.from(text, "utf16le")).digest("hex"),
      "Latin-1 bytes": (text: string) => createHash("sha256").update(Buffer.from(text, "latin1")).digest("hex"),
      uppercase: (text: string) => nodeSha256(text).toUpperCase(),
      "another hash": (text: string) => createHash("sha512").update(text).digest("hex").slice(0, 64),
      throwing: (): string => {
        throw new Error("no");
      },
    };
    const log: StoredRecord[] = [];
    for (const [what, f] of Object.entries(wrong)) {
      expect(isSha256(f), what).toBe(false);
      expect(() => seal(log, { sha256: f }), what).toThrow(/not SHA-256/u);
      expect(() => checkpoint(log, { sha256: f }), what).toThrow(/not SHA-256/u);
      const r = verify(log, { sha256: f });
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(r.error.message, what).toMatch(/not SHA-256/u);
    }
  });

  it("an injected SHA-256 that passes the known answers and then throws is blamed, not the event it was hashing", () => {
    const sealed = seal([{ id: "e1", streamId: "s", version: 1, recordedAt: "2020-01-01T00:00:00Z" }]);
    let calls = 0;
    // Right on the known answers, then broken (a host whose crypto binding fails under load, say).
    const flaky = (text: string): string => {
      if (++calls > 3) throw new Error("binding lost");
      return sha256Hex(text);
    };
    const r = verify(sealed, { sha256: flaky });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("hasher_failed");
      expect(r.error.details).toEqual({ streamId: "" });
      expect(r.error.message).toMatch(/sha256 option threw/u);
    }
  });
});
