import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareInstants, EnvelopeSchema, instantAt, laterOf } from "../../src/kernel/index.js";
import { Instant } from "../../src/index.js";

// Instants as `Instant` accepts them, at every precision it accepts: seconds, and one to three fractional digits.
const instant = fc
  .tuple(fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }), fc.nat({ max: 3 }))
  .map(([d, digits]) => {
    const iso = d.toISOString();
    return `${iso.slice(0, 19)}${digits === 0 ? "" : `.${iso.slice(20, 20 + digits)}`}Z`;
  });

// The instant in milliseconds, read independently of the library: the fraction's digits, padded.
const millis = (t: string): number => {
  const fraction = (/\.(\d+)Z$/u.exec(t)?.[1] ?? "").padEnd(3, "0");
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  d.setUTCFullYear(Number(t.slice(0, 4)), Number(t.slice(5, 7)) - 1, Number(t.slice(8, 10)));
  d.setUTCHours(Number(t.slice(11, 13)), Number(t.slice(14, 16)), Number(t.slice(17, 19)), Number(fraction));
  return d.getTime();
};

describe("one time model: an instant to the millisecond, compared one way", () => {
  it("orders any two instants as the moments they denote, across precisions", () => {
    let samePrecision = 0;
    let sameMoment = 0;
    fc.assert(
      fc.property(instant, instant, fc.constantFrom(0, 19, 23), (a, b0, shared) => {
        // Close pairs share the second or the millisecond, so ties across precisions are reached.
        const b = shared === 0 || a.length < shared + 1 || b0.length < shared + 1 ? b0 : `${a.slice(0, shared)}${b0.slice(shared)}`;
        expect(Instant.safeParse(a).success && Instant.safeParse(b).success).toBe(true);
        if (a.length === b.length) samePrecision++;
        if (a !== b && millis(a) === millis(b)) sameMoment++;
        const d = millis(a) - millis(b);
        expect(Math.sign(compareInstants(a, b))).toBe(Math.sign(d));
        expect(millis(laterOf(a, b))).toBe(Math.max(millis(a), millis(b)));
      }),
      { numRuns: 5_000, seed: 3 },
    );
    expect(samePrecision).toBeGreaterThan(500);
    expect(sameMoment).toBeGreaterThan(40);
  });

  it("refuses what two places could compare differently: finer than a millisecond, year 0000, offsets", () => {
    for (const bad of [
      "2019-01-01T00:00:59.0005Z",
      "2019-01-01T00:00:00.123456789Z",
      "0000-01-01T00:00:00Z",
      "2019-01-01T00:00:00+01:00",
      "2019-02-30T00:00:00Z",
    ]) {
      const r = Instant.safeParse(bad);
      expect(r.success, bad).toBe(false);
    }
    const r = Instant.safeParse("2019-01-01T00:00:59.0005Z");
    expect(r.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/millisecond/u)]);
    for (const good of ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2019-01-01T00:00:59.5Z"]) expect(Instant.safeParse(good).success, good).toBe(true);
  });

  it("is the envelope's clock: a stored event timestamped to the microsecond is refused when read", () => {
    const envelope = {
      id: "e1",
      streamId: "s",
      version: 1,
      type: "T",
      schemaVersion: 1,
      occurredAt: "2019-01-01T00:00:59.000500Z",
      recordedAt: "2019-01-01T00:00:59Z",
      actor: { id: "u", role: "system" },
      data: {},
    };
    expect(EnvelopeSchema.safeParse(envelope).success).toBe(false);
    expect(EnvelopeSchema.safeParse({ ...envelope, occurredAt: "2019-01-01T00:00:59.001Z" }).success).toBe(true);
  });

  it("writes a time value as an envelope's instant, whatever value came before it", () => {
    // The first and last milliseconds an instant may take (0001-01-01, 9999-12-31T23:59:59.999).
    const first = -62_135_596_800_000;
    const last = 253_402_300_799_999;
    const value = fc.oneof(
      fc.integer({ min: first, max: last }),
      fc.constantFrom(first, last, first - 1, last + 1, first - 0.5, last + 0.5, 0, -0, 8.64e15, 8.64e15 + 1, -8.64e15 - 1),
      fc.double({ noDefaultInfinity: false }),
    );
    const reached = { repeated: 0, written: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), fc.nat({ max: 7 }), (values, again) => {
        // A value repeated right after itself, so that the one written last is reused.
        const sequence = [...values, values[again % values.length] as number, ...values.slice(0, 1)];
        let previous: number | undefined;
        for (const ms of sequence) {
          // Independently: a Date holds it (whole milliseconds, toward zero) within the years 0001–9999.
          const held = Number.isFinite(ms) ? Math.trunc(ms) : Number.NaN;
          const expected = held >= first && held <= last ? new Date(held).toISOString() : undefined;
          if (Object.is(ms, previous)) reached.repeated++;
          if (expected === undefined) reached.refused++;
          else reached.written++;
          expect(instantAt(ms), String(ms)).toBe(expected);
          previous = ms;
        }
      }),
      { numRuns: 2_000, seed: 11 },
    );
    expect(reached.repeated).toBeGreaterThan(500);
    expect(reached.written).toBeGreaterThan(5_000);
    expect(reached.refused).toBeGreaterThan(2_000);
  });
});
