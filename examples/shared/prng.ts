export { prng } from "../../src/testing/index.js";

/** Helpers over a PRNG. */
export const dice = (random: () => number) => ({
  /** An integer in [min, max]. */
  int: (min: number, max: number): number => min + Math.floor(random() * (max - min + 1)),
  /** True with probability p. */
  chance: (p: number): boolean => random() < p,
  /** One element. */
  pick: <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T,
  /** A shuffled copy. */
  shuffle: <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  },
  /** Lowercase hex digits. */
  hex: (length: number): string => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join(""),
});
