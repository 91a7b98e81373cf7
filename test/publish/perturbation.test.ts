// The perturbation table and record keys of the cell-key method: what a reader may rely on (zero
// stays zero, nobody becomes nobody, the noise is at most maxNoise with the documented variance) and
// what the host relies on (the same secret and person, the same key; another secret, other keys).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PERTURBATION, perturb } from "../../src/publish/index.js";
import { addKeys, recordKeys } from "../../src/publish/record-keys.js";

const SECRET = "a test secret that is long enough to key records";
const KEY_SPACE = 2 ** 32;

describe("the perturbation table", () => {
  it("given each row, then its weights make 1,000, its noise is within maxNoise and never takes a count below one", () => {
    PERTURBATION.rows.forEach((row, v) => {
      expect(row.reduce((s, [, w]) => s + w, 0)).toBe(1000);
      for (const [noise] of row) {
        expect(Math.abs(noise)).toBeLessThanOrEqual(PERTURBATION.maxNoise);
        if (v > 0) expect(v + noise).toBeGreaterThanOrEqual(1);
      }
    });
  });

  it("given a count of 3 or more, then the noise is unbiased with the documented variance", () => {
    const last = PERTURBATION.rows.at(-1) ?? [];
    expect(last.reduce((s, [n, w]) => s + n * w, 0) / 1000).toBe(0);
    expect(last.reduce((s, [n, w]) => s + n * n * w, 0) / 1000).toBeCloseTo(PERTURBATION.variance, 10);
  });

  it("as a property: zero stays zero, a count above zero stays above zero, the noise never exceeds maxNoise, the same key gives the same count", () => {
    const reached = { zero: 0, small: 0, large: 0, moved: 0, kept: 0, movedTwo: 0 };
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 1_000_000 })),
        fc.integer({ min: 0, max: KEY_SPACE - 1 }),
        (count, key) => {
          const p = perturb(count, key);
          expect(perturb(count, key)).toBe(p);
          expect(Math.abs(p - count)).toBeLessThanOrEqual(PERTURBATION.maxNoise);
          if (count === 0) {
            reached.zero++;
            expect(p).toBe(0);
          } else {
            reached[count < 3 ? "small" : "large"]++;
            expect(p).toBeGreaterThanOrEqual(1);
          }
          if (p === count) reached.kept++;
          else reached.moved++;
          if (Math.abs(p - count) === 2) reached.movedTwo++;
        },
      ),
      { numRuns: 2000, seed: 22 },
    );
    console.log(`perturbation property reached: ${JSON.stringify(reached)}`);
    for (const n of Object.values(reached)) expect(n).toBeGreaterThan(20);
  });

  it("given the key space laid out in the row's order, then each noise takes its weight's share of keys", () => {
    // The first key past each boundary of row 3 draws the next noise.
    expect(perturb(10, 0)).toBe(8);
    expect(perturb(10, Math.ceil((50 / 1000) * KEY_SPACE))).toBe(9);
    expect(perturb(10, Math.ceil((250 / 1000) * KEY_SPACE))).toBe(10);
    expect(perturb(10, Math.ceil((750 / 1000) * KEY_SPACE))).toBe(11);
    expect(perturb(10, KEY_SPACE - 1)).toBe(12);
  });
});

describe("record keys", () => {
  it("given the same secret and person, then the same key; another secret or person, another key", () => {
    const a = recordKeys(SECRET);
    const b = recordKeys(`${SECRET}!`);
    const person = `sha256:${"ab".repeat(32)}`;
    expect(a.person(person)).toBe(recordKeys(SECRET).person(person));
    expect(a.person(person)).not.toBe(b.person(person));
    expect(a.person(person)).not.toBe(a.person(`sha256:${"cd".repeat(32)}`));
    expect(a.block("anonymous", "p1|s1")).not.toBe(a.block("age:18_29", "p1|s1"));
    for (const k of [a.person(person), a.block("anonymous", "p|s"), a.attendance(0)]) {
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(KEY_SPACE);
    }
  });

  it("given keys near the top of the key space, then their sum wraps around it", () => {
    expect(addKeys(KEY_SPACE - 1, 2)).toBe(1);
    expect(addKeys(0, 0)).toBe(0);
  });
});
