// The perturbation table of the cell-key method, and the lookup that turns a count and its cell key
// into the published count. The table is public (readers may know it); what they cannot know is the
// cell key, which comes from the host's secret.

/** One row of the perturbation table: each noise with its weight, out of 1,000. */
export type PerturbationRow = readonly (readonly [noise: number, weight: number])[];

/**
 * The perturbation table for counts of people: `rows[v]` says how a true count `v` moves (each noise
 * with its weight out of 1,000); the last row serves every larger count.
 *
 * - A zero stays zero: it says nobody was counted, not who.
 * - A count of one or more is never published as zero, and moves by at most `maxNoise` (2): a
 *   published count of 3 or more is the true count give or take 2; a published 1 or 2 is a true
 *   count from 1 to 3, or from 1 to 4.
 * - From 3 people up the noise is unbiased, with variance 0.8 (standard deviation 0.89): half the
 *   counts are published as they are, a fifth one up, a fifth one down, one in twenty two up, one in
 *   twenty two down. Below 3 it cannot go down as far, so it leans up (by 0.5 for a 1, 0.1 for a 2).
 *
 * @example
 * PERTURBATION.rows[3]; // [[-2, 50], [-1, 200], [0, 500], [1, 200], [2, 50]]: 3 people and up
 */
export const PERTURBATION = {
  maxNoise: 2,
  variance: 0.8,
  rows: [
    [[0, 1000]],
    [
      [0, 600],
      [1, 300],
      [2, 100],
    ],
    [
      [-1, 250],
      [0, 500],
      [1, 150],
      [2, 100],
    ],
    [
      [-2, 50],
      [-1, 200],
      [0, 500],
      [1, 200],
      [2, 50],
    ],
  ],
} as const satisfies { maxNoise: number; variance: number; rows: readonly PerturbationRow[] };

/** The size of the key space: record keys and cell keys are whole numbers from 0 to 2³² − 1. */
export const KEY_SPACE = 2 ** 32;

/**
 * The published count for a true count and its cell key: the row of the count (the last for every
 * larger one), and in it the noise whose share of the key space holds the key — the weights laid
 * end to end over 0…2³², in the row's order. The same count and key always give the same result.
 *
 * @example
 * perturb(0, 123); // 0: nobody counted, nothing to hide
 * perturb(10, 0); // 8: the lowest keys draw the row's first noise
 */
export const perturb = (count: number, cellKey: number): number => {
  const rows: readonly PerturbationRow[] = PERTURBATION.rows;
  const row = rows[Math.min(count, rows.length - 1)] ?? [];
  let cumulative = 0;
  for (const [noise, weight] of row) {
    cumulative += weight;
    // cellKey / 2³² < cumulative / 1000, in whole numbers (both sides stay below 2⁵³).
    if (cellKey * 1000 < cumulative * KEY_SPACE) return count + noise;
  }
  return count;
};
