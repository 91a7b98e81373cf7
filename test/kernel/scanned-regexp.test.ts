import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EnvelopeSchema, INSTANT_PATTERN, isInstant } from "../../src/kernel/index.js";
import { ScannedRegExp, scanHex256, scanIdChars, scanInstant } from "../../src/kernel/scanned-regexp.js";

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
});
