// Sets of small whole numbers (people, by the number the participation projection gives them) as
// plain arrays of 30-bit words: 30 bits keep every word a small integer, so the arrays stay packed,
// and plain arrays are state like any other (cloned, frozen, compared as data).

const BITS = 30;

/** A set of people's numbers. */
export type Bitset = number[];

/** Add `n`; true if it was not there yet. */
export const addBit = (bits: Bitset, n: number): boolean => {
  const w = (n / BITS) | 0;
  while (bits.length <= w) bits.push(0);
  const mask = 1 << (n - w * BITS);
  const word = bits[w] as number;
  if ((word & mask) !== 0) return false;
  bits[w] = word | mask;
  return true;
};

/** Whether `n` is in the set. */
export const hasBit = (bits: readonly number[], n: number): boolean => {
  const w = (n / BITS) | 0;
  return w < bits.length && ((bits[w] as number) & (1 << (n - w * BITS))) !== 0;
};

/** Remove `n`. */
export const dropBit = (bits: Bitset, n: number): void => {
  const w = (n / BITS) | 0;
  if (w < bits.length) bits[w] = (bits[w] as number) & ~(1 << (n - w * BITS));
};

/** How many numbers the set holds. */
export const countBits = (bits: readonly number[]): number => {
  let count = 0;
  for (let word of bits) {
    // Kernighan: one step per set bit.
    while (word !== 0) {
      word &= word - 1;
      count++;
    }
  }
  return count;
};

/** Every number in the set, in increasing order. */
export const eachBit = (bits: readonly number[], f: (n: number) => void): void => {
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w] as number;
    while (word !== 0) {
      const low = word & -word;
      f(w * BITS + 31 - Math.clz32(low));
      word ^= low;
    }
  }
};

/** The union of some sets, as a new set. */
export const unionBits = (sets: Iterable<readonly number[]>): Bitset => {
  const out: Bitset = [];
  for (const bits of sets) {
    while (out.length < bits.length) out.push(0);
    for (let w = 0; w < bits.length; w++) out[w] = (out[w] as number) | (bits[w] as number);
  }
  return out;
};
