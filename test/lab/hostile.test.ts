// Nothing a caller passes makes decode or verify throw: getters that throw, proxies, nulls where
// objects belong, numbers JSON cannot hold, deep nesting, huge keys — all come back as values.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkpoint, createCodec, decodeJsonl, labEvents, labHashView, type StoredRecord, verify } from "../../src/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";
import { DEMO_LOG } from "../../examples/demo/paths.js";

const codec = createCodec(labEvents);
const sample = readFileSync(DEMO_LOG, "utf8")
  .trim()
  .split("\n")
  .slice(0, 200)
  .map((l) => JSON.parse(l) as Record<string, unknown>);
const published = checkpoint(sample as StoredRecord[], { hashView: labHashView });

const throwing = (base: Record<string, unknown>, key: string): Record<string, unknown> => {
  const o = { ...base };
  Object.defineProperty(o, key, {
    enumerable: true,
    get: () => {
      throw new Error("getter");
    },
  });
  return o;
};
const proxy = (base: object): object =>
  new Proxy(base, {
    get: () => {
      throw new Error("proxy");
    },
    ownKeys: () => {
      throw new Error("proxy");
    },
  });
const revoked = (): object => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
};
const REVOKED = Symbol("a revoked proxy");
const real = (v: unknown): unknown => (v === REVOKED ? revoked() : v);
const deep = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { v };
  return v;
};

// Nasty values of every kind, each drawn often enough to be counted.
const nasty = (seen: Record<string, number>) => {
  const kinds: [string, fc.Arbitrary<unknown>][] = [
    ["json", fc.jsonValue()],
    ["anything", fc.anything()],
    [
      "throwing getter",
      fc.tuple(fc.constantFrom(...sample), fc.constantFrom("id", "data", "actor", "version", "streamId", "hash")).map(([e, k]) => throwing(e, k)),
    ],
    ["throwing getter in data", fc.constantFrom(...sample).map((e) => ({ ...e, data: throwing(e.data as Record<string, unknown>, "projectId") }))],
    ["proxy", fc.constantFrom(...sample).map((e) => proxy(e))],
    // Made inside the property (see `real`): fast-check itself cannot hold a revoked proxy.
    ["revoked proxy", fc.constant(REVOKED)],
    ["huge number", fc.constantFrom(...sample).map((e) => ({ ...e, version: JSON.parse("1e400") as number }))],
    ["huge number in data", fc.constantFrom(...sample).map((e) => ({ ...e, data: { ...(e.data as object), contributions: JSON.parse("1e400") as number } }))],
    ["deep nesting", fc.integer({ min: 1_000, max: 20_000 }).map((n) => ({ ...sample[0], data: deep(n) }))],
    ["huge key", fc.constant(null).map(() => ({ ...sample[0], ["k".repeat(1_000_000)]: 1 }))],
    ["null", fc.constant(null)],
  ];
  for (const [k] of kinds) seen[k] = 0;
  return fc.oneof(...kinds.map(([k, arb]) => arb.map((v) => ((seen[k] = (seen[k] ?? 0) + 1), v))));
};

describe("decode and verify never throw", () => {
  it("decode returns a value for any input; messages stay short", () => {
    const seen: Record<string, number> = {};
    fc.assert(
      fc.property(nasty(seen), (input) => {
        const r = codec.decode(real(input));
        return r.ok || r.error.message.length < 2_000;
      }),
      { numRuns: 2_000 },
    );
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(50);
  });

  it("the kit's hostile variations of real events are refused without a throw", () => {
    fc.assert(
      fc.property(labArbitraries(fc).hostile(), (input) => {
        const r = codec.decode(input);
        return r.ok || typeof r.error.message === "string";
      }),
      { numRuns: 300 },
    );
  });

  it("verify returns a value for any log and any checkpoint", () => {
    const seen: Record<string, number> = {};
    const checkpoints = fc.oneof(
      fc.constant(published),
      fc.constantFrom(
        {},
        null,
        { heads: [null], root: "x" },
        { heads: "x", root: published.root },
        { ...published, heads: [...published.heads, { streamId: "x", version: Number.POSITIVE_INFINITY, hash: "0" }] },
      ),
      fc.anything(),
    );
    const logs = fc.oneof(
      fc.array(nasty(seen), { maxLength: 4 }).map((xs) => [...sample.slice(0, 20), ...xs]),
      fc.constant(sample),
      fc.anything(),
    );
    fc.assert(
      fc.property(logs, checkpoints, (log, cp) => {
        const r = verify((Array.isArray(log) ? log.map(real) : log) as StoredRecord[], { hashView: labHashView, checkpoint: cp as never });
        return r.ok || r.error.message.length < 2_000;
      }),
      { numRuns: 1_000 },
    );
    expect(verify(sample as StoredRecord[], { hashView: labHashView, checkpoint: published }).ok).toBe(true);
  });

  it("names what is wrong with a malformed checkpoint or record", () => {
    const v = (log: unknown[], cp?: unknown) =>
      verify(log as StoredRecord[], { hashView: labHashView, ...(cp === undefined ? {} : { checkpoint: cp as never }) });
    for (const cp of [{}, null, { heads: [null], root: published.root }])
      expect(v(sample, cp)).toMatchObject({ ok: false, error: { code: "checkpoint_malformed" } });
    expect(v([null])).toMatchObject({ ok: false, error: { code: "malformed_record" } });
    const big = { ...sample[0], data: { ...(sample[0]?.data as object), n: JSON.parse("1e400") as number } };
    expect(v([big])).toMatchObject({ ok: false, error: { code: "unhashable" } });
  });

  it("a byte-order mark does not damage line 1; a damaged line's reason never quotes the line", () => {
    const text = readFileSync(DEMO_LOG, "utf8");
    expect(decodeJsonl(codec, `\uFEFF${text}`).errors).toEqual([]);
    const secret = "3q2-7wEhQ0yYx0rVqZl1mA";
    const { errors } = decodeJsonl(codec, `{"participantRef":"${secret}",}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.reason).not.toContain(secret);
  });

  it("an unknown key of a megabyte gives a message of a few hundred characters", () => {
    const r = codec.decode({ ...sample[0], ["k".repeat(1_000_000)]: 1 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message.length).toBeLessThan(1_000);
    expect(JSON.stringify(!r.ok && r.error).length).toBeLessThan(5_000);
  });
});
