// Noisy counts that cannot be played against each other. Each published count of p people tells a
// reader the true count lies in max(1, p − D)…p + D (D the maximum noise; a 0 is a true 0). A
// relation between counts — a count within another, a total equal to its parts — intersects those
// ranges; when the noise of two related counts falls at opposite ends, the intersection can leave
// fewer values than the noise promised (citizens published 27 and people 24, with citizens ≤ people,
// leaves 25 or 26 for both). This step finds such relations and moves the counts in them one step
// back towards their true values, until every relation leaves each of its counts a range of at least
// D + 1 values. The true values satisfy every relation, so it ends, and no count ever moves further
// from its true value than the noise did.
import type { KeyedCount } from "./people.js";
import { PERTURBATION } from "./perturbation.js";
import type { CellRef, Relation } from "./table.js";

/** A cell's identity in a map of cells. */
export const cellId = (c: CellRef): string => `${c.table}\u0000${c.row}\u0000${c.column}`;

/** A relation over groups of counts: the total's group, and the groups added and subtracted. */
interface Linked {
  readonly equation: boolean;
  readonly total: number;
  readonly parts: readonly number[];
  readonly less: readonly number[];
}

// The range of true values a published count allows a reader.
const low = (p: number, d: number): number => (p === 0 ? 0 : Math.max(1, p - d));
const high = (p: number, d: number): number => (p === 0 ? 0 : p + d);

/**
 * Whether a relation leaves each of its counts at least `d + 1` values: for `total ≤ Σ parts − Σ less`
 * the parts' highest sum must reach `d` above the total's lowest value, and for an equation their
 * lowest sum must also stay `d` below the total's highest. (Each part's range is then kept too: what
 * the relation takes from one part is what it leaves the total.) A published 0 is exact already.
 */
const leavesNoise = (r: Linked, value: (g: number) => number, d: number): boolean => {
  const t = value(r.total);
  if (t === 0) return true;
  let lo = 0;
  let hi = 0;
  for (const g of r.parts) {
    lo += low(value(g), d);
    hi += high(value(g), d);
  }
  for (const g of r.less) {
    lo -= high(value(g), d);
    hi -= low(value(g), d);
  }
  return hi >= low(t, d) + d && (!r.equation || lo <= high(t, d) - d);
};

/**
 * The published value of every keyed count, consistent with the relations: starting from each
 * count's noisy value, every relation that would let a reader narrow one of its counts below the
 * noise moves each of its counts that carries noise one step towards its true count, and this is
 * repeated until none does. Counts of the same records (same true count and cell key: the same
 * people, in two tables) are one value throughout, so they stay equal. Relations that name a cell
 * without a keyed count (reach, derived from two others) are left out.
 *
 * Each round takes at least one step of noise away, so at most `2 · D` rounds per count are made.
 */
export const consistentCounts = (counts: readonly KeyedCount[], relations: readonly Relation[], perturbed: (c: KeyedCount) => number): Map<string, number> => {
  const d = PERTURBATION.maxNoise;
  const groupOf = new Map<string, number>();
  const byRecords = new Map<string, number>();
  const truth: number[] = [];
  const noise: number[] = [];
  for (const c of counts) {
    const records = `${c.count}:${c.key}`;
    let g = byRecords.get(records);
    if (g === undefined) {
      g = truth.push(c.count) - 1;
      noise.push(perturbed(c) - c.count);
      byRecords.set(records, g);
    }
    groupOf.set(cellId(c), g);
  }
  const linked = relations.flatMap((r): Linked[] => {
    const groups = (cells: readonly CellRef[]) => cells.map((c) => groupOf.get(cellId(c)));
    const [total] = groups([r.total]);
    const parts = groups(r.parts);
    const less = groups(r.less ?? []);
    const known = (g: number | undefined): g is number => g !== undefined;
    return total === undefined || !parts.every(known) || !less.every(known) ? [] : [{ equation: (r.sense ?? "=") === "=", total, parts, less }];
  });
  const value = (g: number): number => (truth[g] ?? 0) + (noise[g] ?? 0);
  for (;;) {
    const step = new Set<number>();
    for (const r of linked) {
      if (leavesNoise(r, value, d)) continue;
      for (const g of [r.total, ...r.parts, ...r.less]) if (noise[g] !== 0) step.add(g);
    }
    if (step.size === 0) break;
    for (const g of step) noise[g] = (noise[g] ?? 0) - Math.sign(noise[g] ?? 0);
  }
  const out = new Map<string, number>();
  for (const c of counts) {
    const g = groupOf.get(cellId(c));
    if (g !== undefined) out.set(cellId(c), value(g));
  }
  return out;
};
