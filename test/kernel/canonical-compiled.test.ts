import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalWriter, compiledCanonicalWriter, defineEvent } from "../../src/kernel/index.js";
import { labEvents } from "../../src/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";
import * as z from "zod";

const arb = labArbitraries(fc);

// The same outcome: the same text, or a throw from both.
// An array with a hole where its second element would be.
const holey: unknown[] = [1];
holey[2] = 3;

const outcome = (write: (v: unknown, omit?: string) => string, v: unknown, omit?: string): string => {
  try {
    return write(v, omit);
  } catch (e) {
    return `throws ${e instanceof TypeError}`;
  }
};

// A stored event changed the ways that must send it to the general writer: a member added or made
// undefined, a value of another kind, an odd prototype, a hole, a number JSON cannot hold.
const changed = (e: Record<string, unknown>) => {
  const data = e.data as Record<string, unknown>;
  const first = Object.keys(data)[0] ?? "x";
  return fc.oneof(
    fc.constant(e),
    fc.constant({ ...e, hash: "0".repeat(64), prevHash: "1".repeat(64) }),
    fc.constant({ ...e, extra: 1 }),
    fc.constant({ ...e, data: { ...data, extra: [1, { b: 2, a: 1 }] } }),
    fc.constant({ ...e, data: { ...data, [first]: undefined } }),
    fc.constant({ ...e, commandId: undefined }),
    fc.anything({ maxDepth: 2 }).map((v) => ({ ...e, data: { ...data, [first]: v } })),
    fc.anything({ maxDepth: 2 }).map((v) => ({ ...e, actor: v })),
    fc
      .constantFrom(Number.NaN, Infinity, 10n, () => 1, Symbol("s"), new Date(0), new Map([["a", 1]]), holey, [undefined])
      .map((v) => ({ ...e, data: { ...data, [first]: v } })),
    fc.constant(Object.assign(Object.create({ inherited: "x" }) as object, e)),
    fc.constant(Object.assign(Object.create(null) as object, e)),
    fc.constant({ ...e, schemaVersion: 0 }),
    fc.constant({ ...e, schemaVersion: 99 }),
    fc.constant({ ...e, type: "NotAType" }),
    fc.constant({ ...e, type: "constructor" }),
    fc.string({ unit: "binary", maxLength: 6 }).map((s) => ({ ...e, id: s, data: { ...data, [first]: s } })),
  );
};

describe("canonical writers compiled from the event schemas", () => {
  it("write every stored event, changed or not, exactly as the general writer does (or throw where it throws)", () => {
    const general = canonicalWriter();
    const compiled = compiledCanonicalWriter(labEvents);
    let same = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          arb.envelope().chain((e) => changed(JSON.parse(JSON.stringify(e)) as Record<string, unknown>)),
          arb.hostile(),
          fc.anything(),
        ),
        fc.constantFrom(undefined, "hash", "data"),
        (v, omit) => {
          const expected = outcome(general, v, omit);
          expect(outcome(compiled, v, omit)).toBe(expected);
          if (!expected.startsWith("throws")) same++;
        },
      ),
      { numRuns: 3_000, seed: 41 },
    );
    expect(same).toBeGreaterThan(2_000);
  });

  it("write older schema versions by their own schema, and schemas of every kind they read", () => {
    const V1 = z.strictObject({ a: z.string(), n: z.nullable(z.number()), list: z.array(z.strictObject({ z: z.int(), y: z.boolean() })) });
    const registry = {
      Thing: defineEvent(V1.extend({ b: z.literal("b"), o: z.looseObject({ k: z.string() }), u: z.union([z.string(), z.number()]) }), [
        { schema: V1, up: (v: z.infer<typeof V1>) => ({ ...v, b: "b", o: { k: "" }, u: 1 }) },
      ]),
    };
    const general = canonicalWriter();
    const compiled = compiledCanonicalWriter(registry);
    const envelope = {
      id: "e1",
      streamId: "s",
      version: 1,
      type: "Thing",
      occurredAt: "2020-01-01T00:00:00Z",
      recordedAt: "2020-01-01T00:00:00Z",
      actor: { id: "a", role: "r" },
    };
    const v1 = { ...envelope, schemaVersion: 1, data: { list: [{ z: 1, y: true }], n: null, a: "x" } };
    const v2 = { ...envelope, schemaVersion: 2, data: { ...v1.data, b: "b", o: { k: "v", more: [1] }, u: "text" } };
    for (const v of [v1, v2, { ...v2, data: { ...v2.data, n: 3 } }]) expect(compiled(v, "hash")).toBe(general(v, "hash"));
  });
});
