import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { readFileSync } from "node:fs";
import { ContextSchema } from "../../src/kernel/index.js";
import { createCodec, LabCommand, labEvents } from "../../src/index.js";
import { EnvelopeSchema } from "../../src/kernel/index.js";
import { compiled, unchanged, ZOD_VERIFIED } from "../../src/kernel/unchanged.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";
import { labCommands } from "../../src/testing/index.js";

const arb = labArbitraries(fc);

// The promise: when the predicate holds, the schema accepts the value and returns it unchanged.
const holdsPromise = (schema: z.ZodType, v: unknown): boolean => {
  const quick = unchanged(schema);
  if (quick === undefined || !quick(v)) return false;
  const parsed = schema.safeParse(v);
  expect(parsed.success).toBe(true);
  expect(parsed.data).toStrictEqual(v);
  return true;
};

// Stored events with text that zod would trim, members present as undefined, unknown members.
const variations = (e: Record<string, unknown>) =>
  fc.oneof(
    fc.constant(e),
    fc.constant({ ...e, data: Object.fromEntries(Object.entries(e.data as object).map(([k, v]) => [k, typeof v === "string" ? ` ${v} ` : v])) }),
    fc.constant({ ...e, data: { ...(e.data as object), extra: 1 } }),
    fc.constant({ ...e, commandId: undefined }),
    fc.constant({ ...e, actor: { ...(e.actor as object), onBehalfOf: undefined } }),
  );

describe("unchanged: values a schema provably returns as they are", () => {
  it("reads every schema of the envelope and the catalogue (so decoding never copies a well-formed event)", () => {
    expect(unchanged(EnvelopeSchema)).toBeDefined();
    for (const [type, def] of Object.entries(labEvents)) expect(unchanged(def.schema), type).toBeDefined();
  });

  it("holds only of values the schema accepts and returns equal, on events, variations and hostile input", () => {
    const seen = { quick: 0, schema: 0 };
    const values = fc.oneof(
      arb.envelope().chain((e) => variations(JSON.parse(JSON.stringify(e)) as Record<string, unknown>)),
      arb.hostile(),
    );
    fc.assert(
      fc.property(values, (v) => {
        const e = v as { type?: unknown; data?: unknown };
        const def = typeof e?.type === "string" && Object.hasOwn(labEvents, e.type) ? labEvents[e.type as keyof typeof labEvents] : undefined;
        const quick = holdsPromise(EnvelopeSchema, v) && (def === undefined || holdsPromise(def.schema, e.data));
        seen[quick ? "quick" : "schema"]++;
      }),
      { numRuns: 1_500, seed: 33 },
    );
    // Both paths are exercised: the quick one for well-formed events, the schema for the rest.
    expect(seen.quick).toBeGreaterThan(100);
    expect(seen.schema).toBeGreaterThan(300);
  });

  it("keeps its promise on schemas of every kind it reads, at their edges", () => {
    const schema = z.strictObject({
      s: z
        .string()
        .trim()
        .min(2)
        .max(4)
        .regex(/^[a-z ]+$/u),
      n: z.number().gt(0).lt(10),
      i: z.int().min(-1).max(1),
      b: z.boolean(),
      e: z.enum(["x", "y"]),
      o: z.string().optional(),
      a: z.array(z.int()).min(1).max(2),
      p: z.object({ k: z.string() }),
      l: z.looseObject({ k: z.string() }),
      c: z.custom<number>((v) => v === 7),
      r: z.number().refine((v) => v !== 3),
    });
    // Mostly a valid value, now and then one at or past an edge.
    const at = <T>(valid: T, ...edges: unknown[]) =>
      fc.oneof({ weight: 6, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
    const member = {
      s: at("ab", " ab", "abcd", "abcde", "a", "AB", 3),
      n: at(5, 0, 0.5, 9.99, 10, Number.NaN, Infinity, "1"),
      i: at(0, -2, -1, 1, 2, 0.5),
      b: at(true, false, 0, "true"),
      e: at("x", "y", "z", 0),
      o: at("here", undefined, 1),
      a: at([1], [], [1, 2], [1, 2, 3], [1.5], [undefined]),
      p: at({ k: "v" }, { k: "v", extra: 1 }, { k: 1 }, null),
      l: at({ k: "v" }, { k: "v", extra: 1 }, {}),
      c: at(7, 8),
      r: at(4, 3),
    };
    const seen = { quick: 0, schema: 0 };
    fc.assert(
      fc.property(fc.record(member, { requiredKeys: ["s", "n", "i", "b", "e", "a", "p", "l", "c", "r"] }), fc.boolean(), (v, extra) => {
        seen[holdsPromise(schema, extra ? { ...v, z: 1 } : v) ? "quick" : "schema"]++;
      }),
      { numRuns: 3_000, seed: 8 },
    );
    expect(seen.quick).toBeGreaterThan(150);
    expect(seen.schema).toBeGreaterThan(1_000);
  });

  it("decode returns a well-formed current event itself, and a copy when the schema changes it", () => {
    const codec = createCodec(labEvents);
    const e = JSON.parse(JSON.stringify(fc.sample(arb.envelope("ChallengeSubmitted"), { numRuns: 1, seed: 1 })[0])) as { data: { title: string } };
    const same = codec.decode(e);
    expect(same.ok && same.value).toBe(e);
    const padded = { ...e, data: { ...e.data, title: `  ${e.data.title}  ` } };
    const copied = codec.decode(padded);
    expect(copied.ok && copied.value).not.toBe(padded);
    expect(copied.ok && (copied.value.data as { title: string }).title).toBe(e.data.title);
  });
});

describe("the zod release the predicate reads", () => {
  it("is the one installed, so upgrading zod fails here until the property above runs on the new release", () => {
    expect({ major: z.core.version.major, minor: z.core.version.minor }).toEqual(ZOD_VERIFIED);
    const installed = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { devDependencies: Record<string, string> })
      .devDependencies.zod;
    // Pinned exactly: a range would let a minor release in without this test noticing.
    expect(installed).toMatch(new RegExp(`^${ZOD_VERIFIED.major}\\.${ZOD_VERIFIED.minor}\\.\\d+$`, "u"));
  });
});

// The compiled check keeps the promise too, and its copy is zod's output to the order of every key.
const ordered = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === "function" ? "fn" : x));
const copiesAsZod = (schema: z.ZodType, v: unknown): boolean => {
  const check = compiled(schema);
  if (check === undefined || !check.test(v)) return holdsPromise(schema, v);
  const parsed = schema.safeParse(v);
  expect(parsed.success).toBe(true);
  const copy = check.copy(v);
  expect(copy).toStrictEqual(parsed.data);
  expect(ordered(copy)).toBe(ordered(parsed.data));
  if (typeof v === "object" && v !== null) expect(copy).not.toBe(v);
  return true;
};

describe("unchanged on the command path: commands and contexts", () => {
  // Every command the testing kit builds (each builder with its defaults), as JSON.
  const builders = labCommands("p1") as unknown as Record<string, () => unknown>;
  const commands = Object.values(builders).map((b) => JSON.parse(JSON.stringify(b())) as Record<string, unknown>);
  const anyCommand = fc.constantFrom(...commands).chain((c) => {
    const keys = Object.keys(c);
    return fc.oneof(
      fc.constant(c),
      fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(c).filter(([x]) => x !== k))),
      fc.constantFrom(...keys).chain((k) => fc.oneof(fc.anything({ maxDepth: 1 }), fc.constant(` ${String(c[k])} `)).map((v) => ({ ...c, [k]: v }))),
      fc.constantFrom(...commands.map((x) => x.type)).map((type) => ({ ...c, type })),
      fc.constant({ ...c, extra: true }),
      // The same members in another order: zod's copy puts them in the schema's.
      fc.constant(Object.fromEntries(Object.entries(c).reverse())),
    );
  });

  it("holds only of commands the schema accepts and returns equal: discriminated unions nested, literals", () => {
    const seen = { quick: 0, schema: 0 };
    fc.assert(
      fc.property(anyCommand, (v) => {
        seen[copiesAsZod(LabCommand, v) ? "quick" : "schema"]++;
      }),
      { numRuns: 2_000, seed: 12 },
    );
    expect(seen.quick).toBeGreaterThan(300);
    expect(seen.schema).toBeGreaterThan(300);
  });

  it("reads a default: a value given is the inner schema's, a value missing is a change", () => {
    const schema = z.strictObject({ type: z.literal("Open"), limit: z.int().min(1).default(100) });
    for (const v of [{ type: "Open", limit: 3 }, { limit: 3, type: "Open" }, { type: "Open" }, { type: "Open", limit: 0 }, { type: "Other", limit: 3 }])
      copiesAsZod(schema, v);
    expect(unchanged(schema)?.({ type: "Open" })).toBe(false);
  });

  it("holds only of contexts the schema accepts and returns equal (functions kept as they are)", () => {
    const fn = () => "x";
    // Mostly a valid member, now and then one the schema refuses.
    const mostly = <T>(valid: T, ...edges: unknown[]) =>
      fc.oneof({ weight: 8, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
    const context = fc.record(
      {
        now: mostly(fn, 1, null),
        newId: mostly(fn, "id"),
        actor: fc.oneof(
          { weight: 8, arbitrary: fc.record({ id: mostly("u-1", "with space", ""), role: mostly("lab_team", "") }) },
          { weight: 1, arbitrary: fc.constant({ id: "u-1", role: "x", onBehalfOf: "entity:ama" }) },
          { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
        ),
        commandId: mostly("cmd-1", "not ok", 3),
        extra: fc.anything({ maxDepth: 1 }),
      },
      { requiredKeys: ["now", "newId", "actor"] },
    );
    const seen = { quick: 0, schema: 0 };
    fc.assert(
      fc.property(context, (v) => {
        seen[copiesAsZod(ContextSchema, v) ? "quick" : "schema"]++;
      }),
      { numRuns: 2_000, seed: 13 },
    );
    expect(seen.quick).toBeGreaterThan(100);
    expect(seen.schema).toBeGreaterThan(300);
  });
});
