// Noisy counts that cannot be played against each other. Each published count of p people tells a
// reader the true count lies in max(1, p − D)…p + D (D the maximum noise; a 0 is a true 0). Relations
// between counts — a count within another, a total equal to its parts, a count that can only have
// grown since an earlier release — intersect those ranges, one relation with the next; when the noise
// of related counts falls at opposite ends, what is left can be fewer values than the noise promised
// (citizens published 27 and people 24, with citizens ≤ people, leaves 25 or 26 for both). This step
// works out what a reader can (the ranges narrowed through every relation until none narrows more),
// and where a count is left fewer than D + 1 values, moves the counts of the relations that narrowed
// it one step back towards their true values, until none is. No count moves further from its true
// value than the noise took it, and each round takes a step of noise away, so it ends.
import { type DomainError, err, ok, type Result, validationError } from "../kernel/index.js";
import type { KeyedCount } from "./people.js";
import { PERTURBATION } from "./perturbation.js";
import type { CellRef, Relation } from "./table.js";

/** A cell's identity in a map of cells. */
export const cellId = (c: CellRef): string => `${c.table}\u0000${c.row}\u0000${c.column}`;

/** A keyed count with the label of its row (`""` for the headline), which names it across releases. */
export interface LabelledCount extends KeyedCount {
  readonly label: string;
}

/** A relation between counts named by `labelId`: `total (= | ≤) Σ parts − Σ less`. */
export interface NamedRelation {
  readonly equation: boolean;
  readonly total: string;
  readonly parts: readonly string[];
  readonly less: readonly string[];
}

/**
 * A release already published, as a later one must know it: each people count's true count, cell key
 * and published value, and the relations between them, by `labelId`.
 */
export interface EarlierRelease {
  readonly cells: ReadonlyMap<string, { readonly count: number; readonly key: number; readonly value: number }>;
  readonly relations: readonly NamedRelation[];
}

/** A count's identity across releases: table, row label and column. */
export const labelId = (c: { readonly table: string; readonly label: string; readonly column: string }): string =>
  `${c.table}\u0000${c.label}\u0000${c.column}`;

// The columns of distinct people in a slice table: each grows between releases by no more than its
// participations do (everyone newly counted attended at least once more).
const DISTINCT = ["people", "citizens", "civil_servants"];
const SLICES = ["headline", "participation_by_year", "participation_by_sector"];
// The one count that can shrink as the log grows: people in neither role, when a later session
// gives one of them a role. Every other count only grows.
const MAY_SHRINK = ["others"];

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

// Whether the true values satisfy a relation (they always do within a release; across releases only
// if the earlier one really is of an earlier state of the same log).
const holds = (r: Linked, truth: (g: number) => number): boolean => {
  const expr = r.parts.reduce((s, g) => s + truth(g), 0) - r.less.reduce((s, g) => s + truth(g), 0);
  return r.equation ? truth(r.total) === expr : truth(r.total) <= expr;
};

/** The published values of a release's people counts, and the release as a later one must know it. */
export interface ConsistentCounts {
  /** The published value of every keyed count, by `cellId`. */
  readonly values: Map<string, number>;
  readonly release: EarlierRelease;
}

/**
 * The published value of every keyed count, consistent with the relations within the release and
 * with the releases already published from the same log (`earlier`, oldest first): starting from
 * each count's noisy value, wherever a reader working through every relation would be left fewer
 * than D + 1 values for a count, the counts that carry noise in the relations that narrowed it move
 * one step towards their true counts, and this is repeated until no count is narrowed or nothing
 * that narrows one can move. Counts of the same records (same true count and cell key: the same
 * people, in two tables or two releases) are one value throughout, and a count an earlier release
 * published keeps that value. Across releases each count is at least its earlier value, people grow
 * by no more than participations, and the earlier release's own relations hold. Relations that name
 * a cell without a keyed count (reach, derived from two others) are left out. An earlier release
 * whose counts are not all within this one's (not an earlier state of the same log) is refused.
 */
export const consistentCounts = (
  counts: readonly LabelledCount[],
  relations: readonly Relation[],
  perturbed: (c: KeyedCount) => number,
  earlier: readonly EarlierRelease[] = [],
): Result<ConsistentCounts, DomainError> => {
  const b = board(counts, perturbed);
  const named = nameRelations(counts, relations);
  for (const r of named) b.link(r.equation, r.total, r.parts, r.less);
  const refusals = earlier.flatMap((release, i) =>
    linkEarlier(b, counts, release, `${i}|`)
      ? []
      : [{ path: ["earlier", i], message: "is not an earlier state of this log: some of its counts are not within this release's" }],
  );
  if (refusals.length > 0) return err(validationError("protection options", refusals));
  repair(b);
  const values = new Map<string, number>();
  const cells = new Map<string, { count: number; key: number; value: number }>();
  for (const c of counts) {
    const g = b.groupOf.get(labelId(c));
    if (g === undefined) continue;
    values.set(cellId(c), b.value(g));
    cells.set(labelId(c), { count: c.count, key: c.key, value: b.value(g) });
  }
  return ok({ values, release: { cells, relations: named } });
};

// The relations of a release named by label: those whose every cell is a keyed count.
const nameRelations = (counts: readonly LabelledCount[], relations: readonly Relation[]): NamedRelation[] => {
  const byCell = new Map(counts.map((c) => [cellId(c), labelId(c)]));
  return relations.flatMap((r) => {
    const [total, ...rest] = [r.total, ...r.parts, ...(r.less ?? [])].map((c) => byCell.get(cellId(c)));
    if (total === undefined || rest.some((x) => x === undefined)) return [];
    const ids = rest.filter((x): x is string => x !== undefined);
    return [{ equation: (r.sense ?? "=") === "=", total, parts: ids.slice(0, r.parts.length), less: ids.slice(r.parts.length) }];
  });
};

/** The counts as groups (one per set of records: true count, noise, whether it may move) and the relations between groups. */
interface Board {
  /** The group of each count, by `labelId` (prefixed `i|` for the `i`th earlier release). */
  readonly groupOf: Map<string, number>;
  readonly byRecords: Map<string, number>;
  readonly truth: number[];
  readonly noise: number[];
  readonly fixed: boolean[];
  readonly linked: Linked[];
  readonly group: (count: number, drawn: number, pinned: boolean) => number;
  readonly link: (equation: boolean, total: string, parts: readonly string[], less: readonly string[]) => boolean;
  readonly value: (g: number) => number;
}

const board = (counts: readonly LabelledCount[], perturbed: (c: KeyedCount) => number): Board => {
  const truth: number[] = [];
  const noise: number[] = [];
  const fixed: boolean[] = [];
  const linked: Linked[] = [];
  const groupOf = new Map<string, number>();
  const b: Board = {
    groupOf,
    byRecords: new Map(),
    truth,
    noise,
    fixed,
    linked,
    group: (count, drawn, pinned) => {
      fixed.push(pinned);
      noise.push(drawn - count);
      return truth.push(count) - 1;
    },
    link: (equation, total, parts, less) => {
      const [t, p, l] = [groupOf.get(total), parts.map((x) => groupOf.get(x)), less.map((x) => groupOf.get(x))];
      const known = (g: number | undefined): g is number => g !== undefined;
      if (t === undefined || !p.every(known) || !l.every(known)) return false;
      linked.push({ equation, total: t, parts: p, less: l });
      return true;
    },
    value: (g) => (truth[g] ?? 0) + (noise[g] ?? 0),
  };
  for (const c of counts) {
    const records = `${c.count}:${c.key}`;
    let g = b.byRecords.get(records);
    if (g === undefined) b.byRecords.set(records, (g = b.group(c.count, perturbed(c), false)));
    groupOf.set(labelId(c), g);
  }
  return b;
};

/**
 * Link an earlier release, its counts named with `prefix`: the same records as a count here are that
 * count, pinned to the value they were published with; the others are groups that never move (their
 * true count kept to check the release is earlier, their published value as a reader sees it). Its
 * own relations hold, each count here is at least its earlier value, and distinct people grow by no
 * more than participations. False when the true counts break one of the links across the releases.
 */
const linkEarlier = (b: Board, counts: readonly LabelledCount[], release: EarlierRelease, prefix: string): boolean => {
  for (const [id, c] of release.cells) {
    const same = b.byRecords.get(`${c.count}:${c.key}`);
    if (same === undefined) {
      b.groupOf.set(prefix + id, b.group(c.count, c.value, true));
      continue;
    }
    b.groupOf.set(prefix + id, same);
    b.noise[same] = c.value - c.count;
    b.fixed[same] = true;
  }
  for (const r of release.relations)
    b.link(
      r.equation,
      prefix + r.total,
      r.parts.map((x) => prefix + x),
      r.less.map((x) => prefix + x),
    );
  const from = b.linked.length;
  for (const c of counts) {
    const [now, was] = [labelId(c), prefix + labelId(c)];
    if (!MAY_SHRINK.includes(c.column)) b.link(false, was, [now], []);
    if (!SLICES.includes(c.table) || !DISTINCT.includes(c.column)) continue;
    const participations = labelId({ ...c, column: "participations" });
    // now − was ≤ participations now − participations was.
    b.link(false, now, [participations, was], [prefix + participations]);
  }
  return b.linked.slice(from).every((r) => holds(r, (g) => b.truth[g] ?? 0));
};

/**
 * What a reader can work out: each count's range from its published value, narrowed through every
 * relation (each member bounded by the others' ranges) until no range narrows more. The attacker's
 * linear program can combine relations further; this is the part of it a release can be kept from.
 */
const ranges = (b: Board, d: number): { lo: number[]; hi: number[] } => {
  const lo = b.truth.map((_, g) => low(b.value(g), d));
  const hi = b.truth.map((_, g) => high(b.value(g), d));
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of b.linked) {
      // Σ c·x (= | ≤) 0 with c = +1 for the total and what is subtracted, −1 for the parts.
      const terms: (readonly [number, number])[] = [[r.total, 1], ...r.parts.map((g) => [g, -1] as const), ...r.less.map((g) => [g, 1] as const)];
      const min = (g: number, c: number): number => (c > 0 ? (lo[g] ?? 0) : -(hi[g] ?? 0));
      const max = (g: number, c: number): number => (c > 0 ? (hi[g] ?? 0) : -(lo[g] ?? 0));
      const minSum = terms.reduce((s, [g, c]) => s + min(g, c), 0);
      const maxSum = terms.reduce((s, [g, c]) => s + max(g, c), 0);
      for (const [g, c] of terms) {
        // c·x ≤ −(others' least), and for an equation c·x ≥ −(others' most).
        const upper = -(minSum - min(g, c));
        const lower = r.equation ? -(maxSum - max(g, c)) : Number.NEGATIVE_INFINITY;
        const [a, z] = c > 0 ? [lower, upper] : [-upper, -lower];
        if (a > (lo[g] ?? 0)) {
          lo[g] = a;
          changed = true;
        }
        if (z < (hi[g] ?? 0)) {
          hi[g] = z;
          changed = true;
        }
      }
    }
  }
  return { lo, hi };
};

// Until no count is narrowed below the noise: step the noise of the movable counts in the relations
// nearest each narrowed count (its own, or failing that the next ones out) back towards zero.
const repair = (b: Board): void => {
  const d = PERTURBATION.maxNoise;
  const touching = new Map<number, Linked[]>();
  for (const r of b.linked) for (const g of [r.total, ...r.parts, ...r.less]) touching.set(g, [...(touching.get(g) ?? []), r]);
  const movable = (g: number): boolean => b.noise[g] !== 0 && b.fixed[g] !== true;
  for (;;) {
    const { lo, hi } = ranges(b, d);
    const narrowed = b.truth.flatMap((_, g) => (b.value(g) !== 0 && (hi[g] ?? 0) - (lo[g] ?? 0) < d ? [g] : []));
    const step = new Set<number>();
    for (const g of narrowed) for (const m of nearestMovable(g, touching, movable)) step.add(m);
    if (step.size === 0) return;
    for (const g of step) b.noise[g] = (b.noise[g] ?? 0) - Math.sign(b.noise[g] ?? 0);
  }
};

// The movable counts of the relations nearest a count: its own relations, else the next ones out.
const nearestMovable = (start: number, touching: ReadonlyMap<number, readonly Linked[]>, movable: (g: number) => boolean): number[] => {
  const seen = new Set<number>([start]);
  const used = new Set<Linked>();
  for (let frontier = [start]; frontier.length > 0; ) {
    const members = frontier.flatMap((g) =>
      (touching.get(g) ?? []).filter((r) => !used.has(r) && used.add(r)).flatMap((r) => [r.total, ...r.parts, ...r.less]),
    );
    const found = members.filter(movable);
    if (found.length > 0) return found;
    frontier = members.filter((g) => !seen.has(g) && seen.add(g));
  }
  return [];
};
