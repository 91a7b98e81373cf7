import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBit, countBits, dropBit, eachBit, hasBit } from "../../src/projections/bitset.js";

describe("bitsets of people's numbers", () => {
  it("behave as a Set of numbers under any adds and removes, across word boundaries", () => {
    const ops = fc.array(fc.tuple(fc.boolean(), fc.oneof(fc.nat({ max: 200 }), fc.constantFrom(0, 29, 30, 31, 59, 60, 89, 90, 100_000))), { maxLength: 200 });
    fc.assert(
      fc.property(ops, (list) => {
        const bits: number[] = [];
        const set = new Set<number>();
        for (const [add, n] of list) {
          if (add) expect(addBit(bits, n)).toBe(!set.has(n));
          else dropBit(bits, n);
          if (add) set.add(n);
          else set.delete(n);
        }
        expect(countBits(bits)).toBe(set.size);
        const seen: number[] = [];
        eachBit(bits, (n) => seen.push(n));
        expect(seen).toEqual([...set].sort((a, b) => a - b));
        for (const n of [0, 29, 30, 31, 150, 100_000]) expect(hasBit(bits, n)).toBe(set.has(n));
        // Every word stays a small integer, so the array stays packed.
        expect(bits.every((w) => Number.isInteger(w) && w >= 0 && w < 2 ** 30)).toBe(true);
      }),
    );
  });
});
