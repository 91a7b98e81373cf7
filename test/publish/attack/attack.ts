// The attack: model a release (or two), solve for the feasible interval of every people count the
// protection was meant to hide, and compare with the truth, which the attacker never sees but the
// test does (the unprotected `figureTables`).
import { type AsOf, computeFigures, type Envelope, type LabEvent } from "../../../src/index.js";
import { figureTables } from "../../../src/publish/index.js";
import { integerIntervals } from "./lp.js";
import { addPair, addRelease, emptyModel, type Model, problemOf } from "./model.js";
import { cellKey, PEOPLE_COLUMNS } from "./read.js";
import { DOCUMENTED_NOISE, release } from "./release.js";

/** A log as of a date (or in full): one release's input. */
export interface Input {
  readonly events: readonly Envelope<LabEvent>[];
  readonly asOf?: AsOf;
}

/** What the attacker reached for one hidden cell. */
export interface Reached {
  readonly key: string;
  readonly truth: number;
  /** The feasible interval; when not proven, values the cell was seen to take (it may take more). */
  readonly interval: readonly [number, number];
  readonly proven: boolean;
  readonly published: number | undefined;
}

// Releases and truths of the same input are made once: a lab's full log is in all three attacks.
const memo = <T>(make: (input: Input) => T): ((input: Input) => T) => {
  const cache = new WeakMap<object, Map<string, T>>();
  return (input) => {
    const byDate = cache.get(input.events) ?? new Map<string, T>();
    cache.set(input.events, byDate);
    const key = JSON.stringify(input.asOf ?? null);
    const hit = byDate.get(key);
    if (hit !== undefined) return hit;
    const made = make(input);
    byDate.set(key, made);
    return made;
  };
};

const releaseOf = memo((input) => release(input.events, input.asOf));

/** The true people counts of a release, by cell key: the unprotected tables. */
export const truthOf = memo((input: Input): Map<string, number> => {
  const f = computeFigures(input.events, input.asOf);
  if (!f.ok) throw new Error(f.error.message);
  const truth = new Map<string, number>();
  for (const t of figureTables(f.value).tables) {
    const columns = PEOPLE_COLUMNS[t.id];
    if (columns === undefined) continue;
    for (const row of t.rows) {
      for (const c of columns) {
        const v = row[t.columns.findIndex((x) => x.key === c)];
        if (typeof v === "number") truth.set(cellKey(t.id, t.id === "headline" ? "" : String(row[0]), c), v);
      }
    }
  }
  return truth;
});

/** Solve a model for every hidden cell: its interval, with the truth; throws when the truth falls outside what the model allows (an unsound model). */
export const solve = (m: Model, truth: (key: string) => number | undefined): Reached[] => {
  const problem = problemOf(m);
  const wrong = violated(m, truth);
  if (wrong.length > 0) throw new Error(`the true values break what the attacker assumed: ${wrong.slice(0, 3).join("; ")}`);
  const hidden = m.keys.flatMap((_, i) => (m.hidden[i] === true ? [i] : []));
  // Cells seen to take values two apart (and at least the noise apart) are neither exact nor narrowed:
  // no need to prove their exact interval.
  const spans = integerIntervals(problem, hidden, Math.max(2, m.noise));
  return hidden.map((i, n) => {
    const key = m.keys[i] ?? "";
    const t = truth(key);
    const span = spans[n];
    if (t === undefined) throw new Error(`no true value for ${key}`);
    if (span === undefined) throw new Error(`the model of ${key} is infeasible: a constraint the attacker assumed is wrong`);
    if (span.proven && (t < span.min || t > span.max)) throw new Error(`unsound model: ${key} is ${t}, outside [${span.min}, ${span.max}]`);
    return { key, truth: t, interval: [span.min, span.max], proven: span.proven, published: m.published[i] };
  });
};

// The bounds and constraints of a model the true values break, in words: each is an assumption of
// the attacker's that does not hold, so the model would be unsound.
const violated = (m: Model, truth: (key: string) => number | undefined): string[] => {
  const value = (i: number): number => truth(m.keys[i] ?? "") ?? 0;
  const wrong: string[] = [];
  m.keys.forEach((k, i) => {
    if (value(i) < (m.lo[i] ?? 0) || value(i) > (m.hi[i] ?? 0)) wrong.push(`${k} = ${value(i)} outside [${m.lo[i]}, ${m.hi[i]}]`);
  });
  for (const c of m.constraints) {
    const s = c.terms.reduce((a, [j, k]) => a + k * value(j), 0);
    if (c.sense === "<=" ? s > c.rhs : c.sense === ">=" ? s < c.rhs : s !== c.rhs) {
      wrong.push(`${c.terms.map(([j, k]) => `${k}·${m.keys[j]}(${value(j)})`).join(" + ")} ${c.sense} ${c.rhs}`);
    }
  }
  return wrong;
};

/** Attack one release (once per input: a pair's attack compares with its releases attacked alone). */
export const attackOne = memo((input: Input): Reached[] => {
  const m = emptyModel();
  addRelease(m, releaseOf(input));
  const truth = truthOf(input);
  return solve(m, (k) => truth.get(k));
});

/**
 * Attack two releases together, the second later or with more in it; cells keyed `a:` and `b:`. The
 * second is published after the first (`earlier`, as the README says) unless `alone`: as if the host
 * had not passed it.
 */
export const attackPair = (a: Input, b: Input, alone = false): Reached[] => {
  const m = emptyModel();
  addPair(m, releaseOf(a), alone ? releaseOf(b) : release(b.events, b.asOf, [a]));
  const ta = truthOf(a);
  const tb = truthOf(b);
  return solve(m, (k) => (k.startsWith("a:") ? ta : tb).get(k.slice(2)));
};

/** Counts over attacked cells: how many, exactly recovered, narrowed below the documented noise, pinned to two values. */
export interface Tally {
  attacked: number;
  exact: number;
  narrowed: number;
  twoValues: number;
}

/** An empty tally. */
export const tally = (): Tally => ({ attacked: 0, exact: 0, narrowed: 0, twoValues: 0 });

/** Add what was reached to a tally (only cells `only` accepts). */
export const count = (into: Tally, reached: readonly Reached[], only: (r: Reached) => boolean = () => true, noise = DOCUMENTED_NOISE): Tally => {
  for (const r of reached.filter(only)) {
    const width = r.interval[1] - r.interval[0];
    into.attacked++;
    if (width === 0) into.exact++;
    if (width === 1) into.twoValues++;
    if (noise > 0 && r.published !== undefined && r.truth >= 3 && width < noise) into.narrowed++;
  }
  return into;
};

/** A tally in one line. */
export const line = (name: string, t: Tally): string =>
  `${name}: ${t.attacked} attacked, ${t.exact} exact, ${t.narrowed} narrowed below noise, ${t.twoValues} pinned to two values`;
