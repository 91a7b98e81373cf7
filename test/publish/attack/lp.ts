// The attacker's solver: linear programs over the rationals, solved exactly (a fraction-free simplex
// tableau over bigint, with bounded variables and Bland's rule), and integer branch-and-bound on
// top. Written for the attack, apart from anything the protection code uses.
import { ceil, compare, type Fraction, floor, frac, gcd, isWhole } from "./rational.js";

/** Σ coef·x (≤ | = | ≥) rhs, over whole-number coefficients. */
export interface Constraint {
  readonly terms: readonly (readonly [variable: number, coef: number])[];
  readonly sense: "<=" | "=" | ">=";
  readonly rhs: number;
}

/** Integer variables with finite bounds lo ≤ x ≤ hi, and linear constraints between them. */
export interface Problem {
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  readonly constraints: readonly Constraint[];
}

// An upper bound, or null for none (slacks and artificials).
type Upper = bigint | null;

// Each row reads: row[basis]·x_basis + Σ row[j]·x_j = row[last], with row[basis] > 0. A variable
// marked flipped stands for (upper − itself), so every nonbasic variable sits at zero.
class Tableau {
  rows: bigint[][] = [];
  basis: number[] = [];
  upper: Upper[] = [];
  flipped: boolean[] = [];
  // The objective row: reduced costs times zs (z[j] < 0: raising x_j lowers the objective).
  z: bigint[] = [];
  zs = 1n;
  pivots = 0;
  // The columns still in play (the last is the rhs): a nonbasic column with an upper bound of zero
  // (a fixed variable, an equation's slack, an artificial after phase one) can never enter again, so
  // it is zeroed and left out of every pivot's arithmetic.
  live: number[] = [];

  constructor(
    readonly n: number,
    readonly m: number,
  ) {}

  get width(): number {
    return this.n + 2 * this.m + 1;
  }

  clone(): Tableau {
    const t = new Tableau(this.n, this.m);
    t.rows = this.rows.map((r) => [...r]);
    t.basis = [...this.basis];
    t.upper = [...this.upper];
    t.flipped = [...this.flipped];
    t.z = [...this.z];
    t.zs = this.zs;
    t.live = [...this.live];
    return t;
  }

  // Divide a row's live entries by their gcd (and `scale`'s, returned divided too).
  private normalise(row: bigint[], scale = 0n): bigint {
    let g = scale;
    for (const j of this.live) {
      const x = row[j] ?? 0n;
      if (x !== 0n) g = gcd(g, x);
      if (g === 1n) return scale;
    }
    if (g <= 1n) return scale;
    for (const j of this.live) row[j] = (row[j] ?? 0n) / g;
    return scale / g;
  }

  // Leave column j out from now on: it is nonbasic and can never enter.
  kill(j: number): void {
    for (const row of [...this.rows, this.z]) row[j] = 0n;
    this.live = this.live.filter((x) => x !== j);
  }

  pivot(r: number, e: number): void {
    this.pivots++;
    if (this.pivots > 50_000) throw new Error("simplex: too many pivots");
    const row = this.rows[r] ?? [];
    if ((row[e] ?? 0n) < 0n) for (const j of this.live) row[j] = -(row[j] ?? 0n);
    this.normalise(row);
    const p = row[e] ?? 1n;
    for (let i = 0; i < this.m; i++) {
      const other = this.rows[i] ?? [];
      const f = other[e] ?? 0n;
      if (i === r || f === 0n) continue;
      for (const j of this.live) other[j] = (other[j] ?? 0n) * p - (row[j] ?? 0n) * f;
      this.normalise(other);
    }
    const f = this.z[e] ?? 0n;
    if (f !== 0n) {
      for (const j of this.live) this.z[j] = (this.z[j] ?? 0n) * p - (row[j] ?? 0n) * f;
      this.zs = this.normalise(this.z, this.zs * p);
    }
    const left = this.basis[r] ?? 0;
    this.basis[r] = e;
    if (this.upper[left] === 0n) this.kill(left);
  }

  // Replace a nonbasic variable by its distance below its upper bound (it moves to that bound).
  flipNonbasic(j: number): void {
    const u = this.upper[j] ?? 0n;
    const last = this.width - 1;
    for (const row of [...this.rows, this.z]) {
      row[last] = (row[last] ?? 0n) - (row[j] ?? 0n) * u;
      row[j] = -(row[j] ?? 0n);
    }
    this.flipped[j] = !this.flipped[j];
  }

  // The same for the basic variable of row r, so that it can leave at its upper bound.
  flipBasic(r: number): void {
    const row = this.rows[r] ?? [];
    const b = this.basis[r] ?? 0;
    const last = this.width - 1;
    const d = row[b] ?? 1n;
    for (const j of this.live) if (j !== b && j !== last) row[j] = -(row[j] ?? 0n);
    row[last] = d * (this.upper[b] ?? 0n) - (row[last] ?? 0n);
    this.flipped[b] = !this.flipped[b];
  }

  value(i: number): Fraction {
    const row = this.rows[i] ?? [];
    return frac(row[this.width - 1] ?? 0n, row[this.basis[i] ?? 0] ?? 1n);
  }

  // One step of the simplex (Bland's rule: lowest index enters, lowest basic index leaves on a tie);
  // false when optimal.
  step(allowed: (j: number) => boolean): boolean {
    const last = this.width - 1;
    const e = this.z.findIndex((c, j) => j < last && c < 0n && this.upper[j] !== 0n && allowed(j));
    if (e < 0) return false;
    const ue = this.upper[e] ?? null;
    let best: Fraction | undefined = ue === null ? undefined : frac(ue);
    let leave = -1;
    let atUpper = false;
    for (let i = 0; i < this.m; i++) {
      const row = this.rows[i] ?? [];
      const a = row[e] ?? 0n;
      if (a === 0n) continue;
      const b = this.basis[i] ?? 0;
      const d = row[b] ?? 1n;
      const rhs = row[last] ?? 0n;
      const ub = this.upper[b] ?? null;
      let limit: Fraction | undefined;
      if (a > 0n) limit = frac(rhs, a);
      else if (ub !== null) limit = frac(d * ub - rhs, -a);
      if (limit === undefined) continue;
      const c = best === undefined ? -1 : compare(limit, best);
      if (c < 0 || (c === 0 && (leave < 0 || b < (this.basis[leave] ?? 0)))) {
        best = limit;
        leave = i;
        atUpper = a < 0n;
      }
    }
    if (leave < 0) {
      if (ue === null) throw new Error("simplex: unbounded");
      this.flipNonbasic(e);
      return true;
    }
    if (atUpper) this.flipBasic(leave);
    this.pivot(leave, e);
    return true;
  }

  run(allowed: (j: number) => boolean): void {
    while (this.step(allowed));
  }

  objective(): Fraction {
    return frac(-(this.z[this.width - 1] ?? 0n), this.zs);
  }
}

/** The feasible region of a problem, once found: an optimum of any variable starts from it. */
export interface Region {
  readonly tableau: Tableau;
  readonly problem: Problem;
}

// One constraint row of phase one, shifted so that every variable starts at its lower bound, and
// whether its slack can start in the basis (an inequality the start already meets): only the other
// rows need an artificial, so phase one has that many fewer to drive out.
const phaseOneRow = (problem: Problem, c: Constraint, i: number, w: number): { row: bigint[]; slack: boolean } => {
  const n = problem.lo.length;
  const m = problem.constraints.length;
  const row = Array.from({ length: w }, () => 0n);
  let rhs = BigInt(c.rhs);
  for (const [j, a] of c.terms) {
    row[j] = (row[j] ?? 0n) + BigInt(a);
    rhs -= BigInt(a) * BigInt(problem.lo[j] ?? 0);
  }
  row[n + i] = c.sense === ">=" ? -1n : c.sense === "<=" ? 1n : 0n;
  const sign = rhs < 0n ? -1n : 1n;
  for (let j = 0; j < w - 1; j++) row[j] = sign * (row[j] ?? 0n);
  row[w - 1] = sign * rhs;
  const slack = (row[n + i] ?? 0n) > 0n;
  row[n + m + i] = slack ? 0n : 1n;
  return { row, slack };
};

/** Phase one: a feasible basis, or undefined when no point meets every constraint and bound. */
export const feasible = (problem: Problem): Region | undefined => {
  const n = problem.lo.length;
  const m = problem.constraints.length;
  if (problem.lo.some((l, j) => l > (problem.hi[j] ?? 0))) return undefined;
  const t = new Tableau(n, m);
  const w = t.width;
  t.upper = [
    ...problem.hi.map((h, j) => BigInt(h) - BigInt(problem.lo[j] ?? 0)),
    ...problem.constraints.map((c) => (c.sense === "=" ? 0n : null)),
    ...problem.constraints.map(() => null),
  ];
  t.flipped = Array.from({ length: n + 2 * m }, () => false);
  t.live = Array.from({ length: w }, (_, j) => j);
  t.z = Array.from({ length: w }, () => 0n);
  problem.constraints.forEach((c, i) => {
    const { row, slack } = phaseOneRow(problem, c, i, w);
    t.rows.push(row);
    t.basis.push(slack ? n + i : n + m + i);
    if (slack) return;
    for (let j = 0; j < n + m; j++) t.z[j] = (t.z[j] ?? 0n) - (row[j] ?? 0n);
    t.z[w - 1] = (t.z[w - 1] ?? 0n) - (row[w - 1] ?? 0n);
  });
  t.run(() => true);
  if (compare(t.objective(), frac(0)) > 0) return undefined;
  // Artificials stay at zero from now on: an upper bound of zero keeps them out of every basis.
  for (let j = n + m; j < n + 2 * m; j++) t.upper[j] = 0n;
  for (let j = 0; j < n + 2 * m; j++) if (t.upper[j] === 0n && !t.basis.includes(j)) t.kill(j);
  return { tableau: t, problem };
};

// The values of the problem's variables at the tableau's basis.
const solution = (t: Tableau, problem: Problem): Fraction[] => {
  const y: Fraction[] = Array.from({ length: t.n }, () => frac(0));
  t.basis.forEach((b, i) => {
    if (b < t.n) y[b] = t.value(i);
  });
  return y.map((v, j) => {
    const lo = BigInt(problem.lo[j] ?? 0);
    const u = t.upper[j] ?? 0n;
    const moved = t.flipped[j] ? frac(u * v.d - v.n, v.d) : v;
    return frac(lo * moved.d + moved.n, moved.d);
  });
};

/** Minimise (sense 1) or maximise (−1) variable k over the region: the LP optimum and the point. */
export const optimise = (region: Region, k: number, sense: 1 | -1): { value: Fraction; point: Fraction[] } => {
  const t = region.tableau.clone();
  const w = t.width;
  const c = BigInt(t.flipped[k] ? -sense : sense);
  t.z = Array.from({ length: w }, () => 0n);
  t.zs = 1n;
  const r = t.basis.indexOf(k);
  if (r < 0) t.z[k] = c;
  else {
    const row = t.rows[r] ?? [];
    for (let j = 0; j < w; j++) t.z[j] = j === k ? 0n : -c * (row[j] ?? 0n);
    t.zs = row[k] ?? 1n;
  }
  t.run((j) => j < t.n + t.m);
  effort.pivots += t.pivots;
  const point = solution(t, region.problem);
  return { value: point[k] ?? frac(0), point };
};

/** How many linear programs the attacker solved, branch-and-bound nodes it took, and pivots. */
export const effort = { lps: 0, nodes: 0, pivots: 0 };

// A copy of the problem with variable j held in [lo, hi].
const narrowed = (problem: Problem, j: number, lo: number, hi: number): Problem => ({
  ...problem,
  lo: problem.lo.map((v, i) => (i === j ? lo : v)),
  hi: problem.hi.map((v, i) => (i === j ? hi : v)),
});

/**
 * The least (sense 1) or greatest (−1) whole value variable k takes at a whole-number point of the
 * region, or undefined when there is none: branch-and-bound on the first fractional variable,
 * pruning by the LP bound.
 */
export const integerOptimum = (region: Region, k: number, sense: 1 | -1, found?: (point: readonly Fraction[]) => void): number | undefined => {
  let best: bigint | undefined;
  const queue: Region[] = [region];
  for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
    effort.nodes++;
    effort.lps++;
    const { value, point } = optimise(node, k, sense);
    found?.(point);
    const bound = sense === 1 ? ceil(value) : floor(value);
    if (best !== undefined && (sense === 1 ? bound >= best : bound <= best)) continue;
    const j = point.findIndex((x) => !isWhole(x));
    if (j < 0) {
      best = bound;
      continue;
    }
    const x = point[j] ?? frac(0);
    for (const [lo, hi] of [
      [node.problem.lo[j] ?? 0, Number(floor(x))],
      [Number(ceil(x)), node.problem.hi[j] ?? 0],
    ] as const) {
      const child = feasible(narrowed(node.problem, j, lo, hi));
      if (child !== undefined) queue.push(child);
    }
  }
  return best === undefined ? undefined : Number(best);
};

/** The whole values a variable takes: [min, max] proven, or (when `proven` is false) values it was seen to take, at least `enough` apart. */
export interface Span {
  readonly min: number;
  readonly max: number;
  readonly proven: boolean;
}

/**
 * The whole values each of the variables takes over the integer points of a problem, or undefined
 * when there are none. Every integer point met is a witness: a variable seen at its own bound needs
 * no program to prove that bound, and one seen to take values `enough` apart is reported as that
 * (an inner bound) without branch-and-bound — all the attack needs to know of a cell that wide.
 */
export const integerIntervals = (problem: Problem, variables: readonly number[], enough = Number.POSITIVE_INFINITY): (Span | undefined)[] => {
  const region = feasible(problem);
  if (region === undefined) return variables.map(() => undefined);
  const seen = problem.lo.map(() => ({ min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY }));
  const found = (point: readonly Fraction[]): void => {
    if (!point.every(isWhole)) return;
    point.forEach((x, j) => {
      const s = seen[j];
      if (s === undefined) return;
      s.min = Math.min(s.min, Number(x.n));
      s.max = Math.max(s.max, Number(x.n));
    });
  };
  found(solution(region.tableau, problem));
  // A cheap first pass: the LP optima alone, whose vertices are often whole.
  if (enough !== Number.POSITIVE_INFINITY) for (const k of variables) for (const sense of [1, -1] as const) found(optimise(region, k, sense).point);
  return variables.map((k) => {
    const s = seen[k] ?? { min: Number.NaN, max: Number.NaN };
    if (s.max - s.min >= enough) return { min: s.min, max: s.max, proven: false };
    const min = s.min === (problem.lo[k] ?? 0) ? s.min : integerOptimum(region, k, 1, found);
    const max = s.max === (problem.hi[k] ?? 0) ? s.max : integerOptimum(region, k, -1, found);
    return min === undefined || max === undefined ? undefined : { min, max, proven: true };
  });
};

/** The whole values variable k takes over the integer points of a problem: [min, max], or undefined when there are none. */
export const integerInterval = (problem: Problem, k: number): readonly [number, number] | undefined => {
  const span = integerIntervals(problem, [k])[0];
  return span === undefined ? undefined : [span.min, span.max];
};
