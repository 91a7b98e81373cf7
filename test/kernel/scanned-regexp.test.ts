import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EnvelopeSchema, INSTANT_PATTERN, isInstant } from "../../src/kernel/index.js";
import { ScannedRegExp, scanHex256, scanIdChars, scanInstant } from "../../src/kernel/scanned-regexp.js";
import { LabCommand, labEvents } from "../../src/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";
import { labCommands } from "../../src/testing/index.js";

const instant = new RegExp(INSTANT_PATTERN, "u");
const hex = /^[0-9a-f]{64}$/u;
const id = /^[\w.:@/+=-]+$/u;

// Strings near each pattern: the right shape with one character or field nudged, and anything at all.
const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`, "u"));
const nearInstant = fc.oneof(
  fc
    .tuple(
      digits(4),
      digits(2),
      digits(2),
      digits(2),
      digits(2),
      digits(2),
      fc.constantFrom("", ".", ".1", ".12", ".123", ".1234"),
      fc.constantFrom("Z", "z", "", "+00:00"),
    )
    .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}T23:59:59.999Z`),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ maxLength: 26 }),
);
const nearHex = fc.oneof(fc.stringMatching(/^[0-9a-fA-Fg]{62,66}$/u), fc.string({ maxLength: 70 }));
const nearId = fc.oneof(fc.stringMatching(/^[\w.:@/+=\- #é$%^&*()[\]{}]{0,12}$/u), fc.string({ unit: "binary", maxLength: 12 }));

describe("scans that give the verdict of the patterns they stand for", () => {
  it("instants: every date, leap day and time field at and past its edge", () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearInstant, (s) => {
        expect(scanInstant(s)).toBe(instant.test(s));
        expect(isInstant(s)).toBe(instant.test(s));
        if (instant.test(s)) accepted++;
      }),
      { numRuns: 20_000, seed: 7 },
    );
    expect(accepted).toBeGreaterThan(3_000);
    for (const leap of ["2000-02-29T00:00:00Z", "2400-02-29T00:00:00Z", "2004-02-29T00:00:00Z", "0004-02-29T00:00:00Z"]) expect(scanInstant(leap)).toBe(true);
    for (const not of ["1900-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2019-02-29T00:00:00Z", "0000-02-29T00:00:00Z", "0000-01-01T00:00:00Z"])
      expect(scanInstant(not)).toBe(false);
  });

  it("digests and ids", () => {
    fc.assert(
      fc.property(nearHex, nearId, (h, i) => {
        expect(scanHex256(h)).toBe(hex.test(h));
        expect(scanIdChars(i)).toBe(id.test(i));
      }),
      { numRuns: 20_000, seed: 8 },
    );
  });

  it("a scanned pattern is the full pattern to everything but its test, and zod reports with it", () => {
    const p = new ScannedRegExp(String.raw`^[\w.:@/+=-]+$`, scanIdChars);
    expect(p.source).toBe(id.source);
    expect("a b".split(p)).toEqual(["a b"]);
    expect(p.test("ok-id")).toBe(true);
    // A scan that cannot tell defers to the pattern.
    expect(new ScannedRegExp("^a+$", () => undefined).test("aaa")).toBe(true);
    const r = EnvelopeSchema.shape.id.safeParse("has space");
    expect(r.success).toBe(false);
    expect(JSON.stringify(EnvelopeSchema.shape.id.toJSONSchema())).toContain(JSON.stringify(id.source).slice(1, -1));
  });

  it("a string an ASCII-only scan accepted holds ASCII alone, no U+0000: every scanned pattern of the schemas, near misses put in", () => {
    // Every scanned pattern reachable from the envelope, the events and the commands.
    const patterns = new Set<ScannedRegExp>();
    const seen = new Set<unknown>();
    const walk = (schema: unknown): void => {
      if (typeof schema !== "object" || schema === null || seen.has(schema)) return;
      seen.add(schema);
      const d = (schema as { def?: Record<string, unknown> }).def ?? {};
      if (d.pattern instanceof ScannedRegExp) patterns.add(d.pattern);
      for (const c of (d.checks ?? []) as { _zod: { def: { pattern?: unknown } } }[])
        if (c._zod.def.pattern instanceof ScannedRegExp) patterns.add(c._zod.def.pattern);
      for (const inner of [d.element, d.innerType, d.catchall, ...((d.options ?? []) as unknown[]), ...Object.values((d.shape ?? {}) as object)]) walk(inner);
    };
    walk(EnvelopeSchema);
    walk(LabCommand);
    for (const def of Object.values(labEvents)) walk(def.schema);
    // Instants, digests, ids and references (plain and stored).
    expect(patterns.size).toBeGreaterThanOrEqual(5);
    // The strings of generated events and of every command, each also with one character put in.
    const strings = new Set<string>();
    const collect = (v: unknown): void => {
      if (typeof v === "string") strings.add(v);
      else if (typeof v === "object" && v !== null) for (const x of Object.values(v)) collect(x);
    };
    for (const e of fc.sample(labArbitraries(fc).envelope(), { numRuns: 300, seed: 5 })) collect(JSON.parse(JSON.stringify(e)));
    for (const build of Object.values(labCommands("p1") as unknown as Record<string, () => unknown>)) collect(build());
    // Digests and redacted references, which unsealed events do not carry.
    for (const h of fc.sample(fc.stringMatching(/^[0-9a-f]{64}$/u), { numRuns: 50, seed: 6 })) strings.add(h).add(`sha256:${h}`);
    const pool = [...strings];
    const put = fc.constantFrom("\u0000", "\u007f", "\u0080", "é", "\ud800", "\udc00", "😀", "\uff41", "\u212a", " ");
    const accepted = new Map<ScannedRegExp, number>();
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...pool), fc.option(fc.tuple(put, fc.nat()), { freq: 2 }), (base, change) => {
        const s = change === null ? base : base.slice(0, change[1] % (base.length + 1)) + change[0] + base.slice(change[1] % (base.length + 1));
        for (const p of patterns) {
          expect(p.ascii, p.source).toBe(true);
          const verdict = p.test(s);
          if (p.scan(s) === true) {
            expect(
              [...s].every((c) => c >= "\u0001" && c <= "\u007f"),
              JSON.stringify(s),
            ).toBe(true);
            accepted.set(p, (accepted.get(p) ?? 0) + 1);
          } else if (change !== null && !verdict) refused++;
        }
      }),
      { numRuns: 6_000, seed: 9 },
    );
    // Each pattern accepted strings by its scan; strings with a character put in were refused.
    for (const p of patterns) expect(accepted.get(p) ?? 0, p.source).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(1_000);
  });
});
