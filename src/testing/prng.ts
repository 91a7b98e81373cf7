/**
 * A small deterministic pseudo-random generator (mulberry32): the same seed always gives the same
 * sequence of numbers in [0, 1). For shuffles and simulations that must replay exactly — never for
 * anything secret.
 *
 * @example
 * const random = prng(2017); random(); // 0.8… (the same every time)
 */
export const prng = (seed: number): (() => number) => {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
