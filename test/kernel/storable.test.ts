import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { EnvelopeSchema, isStorableText, jsonProblem, MAX_JSON_DEPTH, storable, toEnvelopes } from "../../src/kernel/index.js";
import { handle, InMemoryEventStore, labDecider, type LabEvent, planAppend } from "../../src/index.js";
import { fixedContext, labCommands } from "../../src/testing/index.js";

// An oracle written apart from the library: a string survives UTF-8 unchanged exactly when it has no
// lone surrogate (they become U+FFFD), and U+0000 is the one character PostgreSQL refuses.
const survives = (s: string): boolean => !s.includes("\u0000") && Buffer.from(s, "utf8").toString("utf8") === s;

const nest = (depth: number): unknown => (depth <= 1 ? { leaf: true } : { down: nest(depth - 1) });

describe("isStorableText: what every store keeps unchanged", () => {
  it("agrees with a UTF-8 round trip on strings full of surrogates, pairs and NUL", () => {
    const unit = fc.oneof(
      fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff", "\u2028", "a", "é", "😀", "\ud83d\ude00"),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    let refused = 0;
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const s = units.join("");
        if (!survives(s)) refused++;
        return isStorableText(s) === survives(s);
      }),
      { numRuns: 5_000 },
    );
    expect(refused).toBeGreaterThan(500);
  });

  it("reads a 10 MB string in one linear pass", () => {
    const big = "é😀".repeat(3_500_000);
    expect(isStorableText(big)).toBe(true);
    expect(isStorableText(`${big}\ud800`)).toBe(false);
  });
});

describe("jsonProblem: data every store keeps as it is", () => {
  it("accepts what JSON can say, including the values stores mangle least", () => {
    const fine = JSON.parse('{"__proto__": {"x": 1}, "a": [-0, 1e308, 5e-324, "\\u2028", "😀"], "b": null, "c": {}}') as unknown;
    expect(jsonProblem(fine)).toBeUndefined();
    expect(jsonProblem({ gone: undefined })).toBeUndefined();
    expect(jsonProblem(nest(MAX_JSON_DEPTH))).toBeUndefined();
  });

  it("names the place and the reason of what no store can keep", () => {
    expect(jsonProblem({ a: [1, Number.NaN] })).toEqual({ path: ["a", 1], message: expect.stringContaining("finite number, not NaN") });
    expect(jsonProblem({ a: { b: Number.POSITIVE_INFINITY } })?.path).toEqual(["a", "b"]);
    expect(jsonProblem({ n: 10n })?.message).toContain("BigInt");
    expect(jsonProblem({ t: "a\u0000b" })?.message).toContain("U+0000");
    expect(jsonProblem({ "k\ud800": 1 })).toMatchObject({ path: ["k\ud800"], message: expect.stringContaining("the key") });
    expect(jsonProblem({ when: new Date(0) })?.message).toContain("plain object, not Date");
    expect(jsonProblem({ list: [1, undefined] })?.message).toContain("undefined");
    // eslint-disable-next-line no-sparse-arrays -- a hole is what is tested
    expect(jsonProblem({ list: [1, , 3] })?.path).toEqual(["list", 1]);
    expect(jsonProblem(nest(MAX_JSON_DEPTH + 1))?.message).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(jsonProblem(cycle)?.message).toContain("deeper than");
  });
});

describe("the schemas refuse what no store can keep, so every store refuses it the same way", () => {
  const ctx = fixedContext({ newId: () => "evt-1" });
  const envelope = (data: Record<string, unknown>, streamId = "s-1", type = "Noted") => toEnvelopes(streamId, 0, [{ type, data }], ctx);

  it("the envelope: stream id, type and data", () => {
    for (const bad of [envelope({ t: "\u0000" }), envelope({}, "s\u0000"), envelope({}, "s-1", "N\ud800"), envelope({ n: Number.NaN })]) {
      expect(EnvelopeSchema.safeParse(bad[0]).success).toBe(false);
    }
    const issue = EnvelopeSchema.safeParse(envelope({ deep: { n: Number.NEGATIVE_INFINITY } })[0]).error?.issues[0];
    expect(issue).toMatchObject({ path: ["data"], message: expect.stringMatching(/^data\.deep\.n must be a finite number, not -Infinity/u) });
  });

  it("planAppend refuses the batch before any rule, naming the event and the field", () => {
    const r = planAppend("s-1", envelope({ t: "a\u0000" }), { expectedVersion: 0, commandId: "c-1" }, 0, undefined);
    expect(!r.ok && r.error).toMatchObject({ code: "validation_failed", details: { issues: [{ path: [0, "data"] }] } });
    expect(!r.ok && r.error.message).toMatch(/^Invalid append to s-1 at 0\.data: data\.t must not hold U\+0000/u);
    const big = planAppend("s-1", envelope({ n: 10n }), { expectedVersion: 0, commandId: "c-1" }, 0, undefined);
    expect(!big.ok && big.error.code).toBe("validation_failed");
    const options = planAppend("s-1", [], { expectedVersion: -1 }, 0, undefined);
    expect(!options.ok && options.error.details).toMatchObject({ issues: [{ path: ["expectedVersion"] }] });
    const stream = planAppend("s\u0000", [], { expectedVersion: 0 }, 0, undefined);
    expect(!stream.ok && stream.error.details).toMatchObject({ issues: [{ path: ["streamId"] }] });
    // A value that is not plain data (a getter that throws) is refused, not thrown.
    const [first] = envelope({});
    const hostile = Object.defineProperty({ ...first }, "data", {
      enumerable: true,
      get: () => {
        throw new Error("no");
      },
    });
    const unreadable = planAppend("s-1", [hostile] as never, { expectedVersion: 0 }, 0, undefined);
    expect(!unreadable.ok && unreadable.error.message).toContain("could not be read");
  });

  it("the in-memory store refuses NaN, where a JSON store would have kept null, and keeps nothing", async () => {
    const store = new InMemoryEventStore();
    const r = await store.append("s-1", envelope({ n: Number.NaN }), { expectedVersion: 0 });
    expect(!r.ok && r.error.code).toBe("validation_failed");
    expect(store.size).toBe(0);
  });

  it("a SubmitChallenge whose title holds U+0000 is refused by the command's schema, with the field named", async () => {
    const store = new InMemoryEventStore<LabEvent>();
    const r = await handle(store, labDecider, labCommands("p1").submit({ title: "Renewals\u0000" }), fixedContext());
    expect(!r.ok && r.error).toMatchObject({ code: "validation_failed", details: { issues: [{ path: ["title"] }] } });
    expect(store.size).toBe(0);
  });

  it("the generated JSON Schema carries the rule, and a validator that is not zod applies it", () => {
    const Title = storable(z.string().trim().min(1).max(50));
    for (const unicodeRegExp of [true, false]) {
      const validate = new Ajv2020({ strict: false, unicodeRegExp }).compile(z.toJSONSchema(Title));
      expect([validate("Renewals 😀"), validate("a\u0000b"), validate("a\ud800b"), validate("a\udc00")]).toEqual([true, false, false, false]);
    }
  });
});
