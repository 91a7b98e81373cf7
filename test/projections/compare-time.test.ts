import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IsoUtc } from "../../src/index.js";
import { compareTime } from "../../src/projections/context.js";

// Timestamps as IsoUtc accepts them, at every precision from seconds to nanoseconds.
const timestamp = fc
  .tuple(fc.date({ min: new Date("1990-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }), fc.nat({ max: 9 }), fc.nat({ max: 999_999 }))
  .map(([d, digits, extra]) => {
    const base = d.toISOString().slice(0, 19);
    const fraction = `${d.toISOString().slice(20, 23)}${String(extra).padStart(6, "0")}`.slice(0, digits);
    return `${base}${digits === 0 ? "" : `.${fraction}`}Z`;
  });

// The instant in nanoseconds since the epoch, read independently: milliseconds from Date.parse, the rest from the digits.
const instant = (t: string): bigint => {
  const fraction = (/\.(\d+)Z$/u.exec(t)?.[1] ?? "").padEnd(9, "0");
  return BigInt(Date.parse(`${t.slice(0, 19)}Z`)) * 1_000_000n + BigInt(fraction);
};

describe("compareTime", () => {
  it("orders any two timestamps as the instants they denote, across precisions", () => {
    let samePrecision = 0;
    let subMillisecond = 0;
    fc.assert(
      fc.property(timestamp, timestamp, fc.constantFrom(0, 19, 23), (a, b0, shared) => {
        // Close pairs share the second or the millisecond, so ties and sub-millisecond order are reached.
        const b = shared === 0 || a.length < shared + 1 || b0.length < shared + 1 ? b0 : `${a.slice(0, shared)}${b0.slice(shared)}`;
        if (Date.parse(a) === Date.parse(b) && a !== b) subMillisecond++;
        expect(IsoUtc.safeParse(a).success && IsoUtc.safeParse(b).success).toBe(true);
        if (a.length === b.length) samePrecision++;
        const d = instant(a) - instant(b);
        expect(Math.sign(compareTime(a, b))).toBe(d > 0n ? 1 : d < 0n ? -1 : 0);
      }),
      { numRuns: 5_000, seed: 3 },
    );
    expect(samePrecision).toBeGreaterThan(500);
    expect(subMillisecond).toBeGreaterThan(200);
  });
});
