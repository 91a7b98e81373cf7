import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalWriter } from "../../src/kernel/index.js";

describe("canonicalJson (RFC 8785)", () => {
  it("sorts keys by UTF-16 code units and writes no whitespace", () => {
    // Key order example from RFC 8785 §3.2.3.
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    const keys = Object.keys(JSON.parse(canonicalJson(input)) as object);
    expect(canonicalJson(input).startsWith('{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö"')).toBe(true);
    expect(keys).toHaveLength(7);
  });

  it("writes numbers as ECMAScript does (RFC 8785 §3.2.2.3)", () => {
    expect(canonicalJson([1e21, 1e-7, -0, 0.000001, 333333333.3333333, 1.0, 4.5])).toBe("[1e+21,1e-7,0,0.000001,333333333.3333333,1,4.5]");
    expect(canonicalJson({ b: [true, null, "x"], a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":[true,null,"x"]}');
  });

  it("is independent of key insertion order and parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const s = canonicalJson(v);
        expect(JSON.parse(s)).toEqual(JSON.parse(JSON.stringify(v)));
        const reversed = JSON.parse(JSON.stringify(v), (_k, x: unknown) =>
          x !== null && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(s);
      }),
    );
  });

  it("refuses what is not JSON", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  // An independent, obviously-correct writer: sort every object's keys, let JSON.stringify write each leaf.
  const reference = (v: unknown): string => {
    if (v === null || typeof v !== "object") return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? "null" : reference(x))).join(",")}]`;
    const r = v as Record<string, unknown>;
    const keys = Object.keys(r)
      .filter((k) => r[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(r[k])}`).join(",")}}`;
  };
  // Any string: lone surrogates, controls, quotes, backslashes, astral characters.
  const anyString = fc.oneof(
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.constantFrom('"quoted"', "back\\slash", "line\nbreak", "lone \ud800", "\u0001", "astral 😀", "plain"),
  );
  const anyJson = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      anyString,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(anyString, tie("value"), { maxKeys: 5 }),
    ),
  })).value;

  it("writes exactly what an independent sort-then-stringify writer writes, for any value and any string", () => {
    let escaped = 0;
    fc.assert(
      fc.property(anyJson, (v) => {
        const s = canonicalJson(v);
        if (/\\u|\\"|\\\\/u.test(s)) escaped++;
        expect(s).toBe(reference(v));
      }),
      { numRuns: 2000, seed: 2026 },
    );
    // The generator reaches strings JSON must escape, so the fast path for plain strings is tested against them.
    expect(escaped).toBeGreaterThan(200);
  });

  it("a writer reused over many values of recurring and changing shapes writes each as a fresh one would, and omits a top-level member on request", () => {
    const write = canonicalWriter();
    fc.assert(
      fc.property(fc.array(fc.oneof(anyJson, fc.constantFrom({ b: 1, a: 2 }, { a: 1, b: 2 }, { b: { d: 1, c: 2 }, a: [] })), { maxLength: 20 }), (values) => {
        for (const v of values) expect(write(v)).toBe(reference(v));
      }),
    );
    expect(write({ hash: "x", b: 1, a: { hash: "kept" } }, "hash")).toBe('{"a":{"hash":"kept"},"b":1}');
  });
});
