// The attacker's model of one release, or of two: one unknown per published people count (its true
// value), bounded by what each published form of it allows, and tied to the others by everything a
// reader of the README knows — the equations between cells, and the inequalities that distinct counts
// obey. The true values always satisfy it; the attack asks how narrow it leaves each unknown.
import type { Constraint, Problem } from "./lp.js";
import { cellKey, observe, PEOPLE_COLUMNS, proseFacts, type Shown } from "./read.js";
import { DOCUMENTED_NOISE, type Release } from "./release.js";

/** An upper bound for a count nothing else bounds: far above any lab's. */
const CAP = 10_000_000;

/** A model: unknowns by key, their bounds, and the constraints between them. */
export interface Model {
  readonly keys: readonly string[];
  readonly lo: number[];
  readonly hi: number[];
  readonly constraints: Constraint[];
  /** Whether the published forms left the value open (withheld, or perturbed): protection was meant to hide it. */
  readonly hidden: boolean[];
  /** The number published for the cell, if one was. */
  readonly published: (number | undefined)[];
  /** The documented maximum noise of a published people count (0: published numbers are true). */
  readonly noise: number;
}

/** The unknown of a key, made on first use. */
const unknown = (m: Model, key: string): number => {
  const i = m.keys.indexOf(key);
  if (i >= 0) return i;
  (m.keys as string[]).push(key);
  m.lo.push(0);
  m.hi.push(CAP);
  m.hidden.push(false);
  m.published.push(undefined);
  return m.keys.length - 1;
};

/**
 * The true values a published form allows. Under suppression a number is the true one and `[c]` is
 * 1 or more (a primary is 1…t−1, a secondary any count above zero). Under the cell-key method (noise
 * D) a published 0 is a true 0 and a published p ≥ 1 comes from a true count in max(1, p−D)…p+D.
 */
export const allowed = (s: Shown, noise = DOCUMENTED_NOISE): readonly [number, number] | undefined => {
  if (s.kind === "withheld") return [1, CAP];
  if (s.kind === "other") return undefined;
  if (noise === 0 || s.value === 0) return [s.value, s.value];
  return [Math.max(1, s.value - noise), s.value + noise];
};

const sum = (m: Model, total: string, parts: readonly string[], equations: string[][]): void => {
  if (parts.length === 0) return;
  m.constraints.push({ terms: [[unknown(m, total), 1], ...parts.map((p) => [unknown(m, p), -1] as const)], sense: "=", rhs: 0 });
  equations.push([total, ...parts]);
};
const leq = (m: Model, a: string, b: string): void => {
  m.constraints.push({
    terms: [
      [unknown(m, a), 1],
      [unknown(m, b), -1],
    ],
    sense: "<=",
    rhs: 0,
  });
};

// The row labels of a table in a release (the headline has one, unnamed).
const labels = (r: Release, table: string): string[] => (table === "headline" ? [""] : (r.csv.get(table)?.rows.map((row) => row[0] ?? "") ?? []));

// A non-people number of a row (sessions held, projects): published exactly.
export const rowNumber = (r: Release, table: string, label: string, column: string): number | undefined => {
  const res = r.csv.get(table);
  const row = table === "headline" ? res?.rows[0] : res?.rows.find((x) => x[0] === label);
  const v = row?.[res?.header.indexOf(column) ?? -1];
  return v === undefined || !/^\d+$/u.test(v) ? undefined : Number(v);
};

/** The documented equations: participations and anonymous headcounts by year and by sector, reach, age bands and genders. */
const equations = (m: Model, r: Release, key: (t: string, row: string, c: string) => string): string[][] => {
  const members: string[][] = [];
  for (const table of ["participation_by_year", "participation_by_sector"]) {
    for (const column of ["participations", "anonymous_headcount"]) {
      sum(
        m,
        key("headline", "", column),
        labels(r, table).map((l) => key(table, l, column)),
        members,
      );
    }
  }
  sum(m, key("headline", "", "reach"), [key("headline", "", "people"), key("headline", "", "anonymous_headcount")], members);
  for (const table of ["age_bands", "gender"]) {
    const parts = labels(r, table).filter((l) => l !== "all");
    if (labels(r, table).includes("all"))
      sum(
        m,
        key(table, "all", "people"),
        parts.map((l) => key(table, l, "people")),
        members,
      );
  }
  return members;
};

/** The inequalities distinct counts obey: a row within its total within the sum of rows; roles within people within participations. */
const inequalities = (m: Model, r: Release, key: (t: string, row: string, c: string) => string): void => {
  for (const table of ["headline", "participation_by_year", "participation_by_sector"]) {
    for (const l of labels(r, table)) {
      leq(m, key(table, l, "citizens"), key(table, l, "people"));
      leq(m, key(table, l, "civil_servants"), key(table, l, "people"));
      leq(m, key(table, l, "people"), key(table, l, "participations"));
      // A person attends a session once: participations ≤ sessions held × people (trainings counted
      // too in the headline, in case their attendances are participations but not sessions held).
      const trainings = table === "headline" ? (rowNumber(r, table, l, "trainings_held") ?? Number.NaN) : 0;
      const sessions = (rowNumber(r, table, l, "sessions_held") ?? Number.NaN) + trainings;
      if (!Number.isNaN(sessions)) {
        m.constraints.push({
          terms: [
            [unknown(m, key(table, l, "participations")), 1],
            [unknown(m, key(table, l, "people")), -sessions],
          ],
          sense: "<=",
          rhs: 0,
        });
        if (sessions === 0) m.constraints.push({ terms: [[unknown(m, key(table, l, "anonymous_headcount")), 1]], sense: "=", rhs: 0 });
      }
    }
    if (table === "headline") continue;
    for (const column of ["people", "citizens", "civil_servants"]) {
      const rows = labels(r, table).map((l) => key(table, l, column));
      for (const row of rows) leq(m, row, key("headline", "", column));
      m.constraints.push({ terms: [[unknown(m, key("headline", "", column)), 1], ...rows.map((x) => [unknown(m, x), -1] as const)], sense: "<=", rhs: 0 });
    }
  }
  leq(m, key("headline", "", "civil_servants_trained"), key("headline", "", "civil_servants"));
};

/** Bounds from the prose: money spent per person involved (rounded to a whole number), civil servants trained. */
const prose = (m: Model, r: Release, key: (t: string, row: string, c: string) => string): void => {
  for (const f of proseFacts(r)) {
    if (f.kind === "trained") {
      const a = allowed(f.shown, m.noise);
      const i = unknown(m, key("headline", "", "civil_servants_trained"));
      if (a !== undefined) narrow(m, i, a);
      continue;
    }
    // perPerson = round(spent / people): (2·perPerson − 1)·people ≤ 2·spent ≤ (2·perPerson + 1)·people.
    const people = unknown(m, key("headline", "", "people"));
    m.constraints.push({ terms: [[people, 2 * f.perPerson - 1]], sense: "<=", rhs: 2 * f.spent });
    m.constraints.push({ terms: [[people, 2 * f.perPerson + 1]], sense: ">=", rhs: 2 * f.spent });
  }
};

const narrow = (m: Model, i: number, [lo, hi]: readonly [number, number]): void => {
  m.lo[i] = Math.max(m.lo[i] ?? 0, lo);
  m.hi[i] = Math.min(m.hi[i] ?? CAP, hi);
};

/** An empty model, to which one release or two are added. */
export const emptyModel = (noise = DOCUMENTED_NOISE): Model => ({ keys: [], lo: [], hi: [], constraints: [], hidden: [], published: [], noise });

/** The threshold a suppressed release declares (datapackage `disclosure.threshold`), if any. */
const thresholdOf = (r: Release): number | undefined => {
  const d = r.datapackage["disclosure"];
  const t = typeof d === "object" && d !== null && "threshold" in d ? d.threshold : undefined;
  return typeof t === "number" ? t : undefined;
};

/** Add one release to a model, its keys prefixed (`a:`, `b:` for a pair). */
export const addRelease = (m: Model, r: Release, prefix = ""): void => {
  const key = (t: string, row: string, c: string): string => prefix + cellKey(t, row, c);
  for (const [k, forms] of observe(r)) {
    const i = unknown(m, prefix + k);
    let exact = false;
    // The README: reach is the published people plus the published anonymous headcount, so it may
    // be off by the noise of both.
    const noise = k.endsWith("|reach") ? 2 * m.noise : m.noise;
    for (const f of forms) {
      const a = allowed(f.shown, noise);
      if (a === undefined) continue;
      narrow(m, i, a);
      if (a[0] === a[1]) exact = true;
      if (f.shown.kind === "number") m.published[i] = f.shown.value;
    }
    m.hidden[i] = !exact;
  }
  const members = equations(m, r, key);
  inequalities(m, r, key);
  prose(m, r, key);
  const t = thresholdOf(r);
  if (t !== undefined && m.noise === 0) coverBounds(m, members, t, prefix);
};

/**
 * What the README says of suppression bounds each withheld cell: a primary counts 1…t−1, and a cover
 * (secondary) is "the smallest count above zero in an equation" — so no larger than any count above
 * zero that equation still publishes. A withheld cell outside every equation can only be primary.
 */
const coverBounds = (m: Model, equations: readonly (readonly string[])[], t: number, prefix: string): void => {
  const at = (k: string): number => m.keys.indexOf(k);
  m.keys.forEach((k, i) => {
    if (m.hidden[i] !== true || !k.startsWith(prefix)) return;
    let hi = t - 1;
    for (const e of equations.filter((x) => x.includes(k))) {
      const published = e.map((x) => m.published[at(x)]).filter((v): v is number => v !== undefined && v > 0);
      hi = Math.max(hi, published.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...published));
    }
    narrow(m, i, [1, hi]);
  });
};

/** The columns that count distinct people, each with the participations that bound its growth. */
const DISTINCT = ["people", "citizens", "civil_servants"];

/**
 * What a reader knows between two releases, the second of a later date or of a log with more in it:
 * every count is at least the earlier one, distinct people grow by no more than participations do,
 * and a row whose sessions did not change did not change at all.
 */
export const addPair = (m: Model, a: Release, b: Release): void => {
  addRelease(m, a, "a:");
  addRelease(m, b, "b:");
  for (const k of m.keys.filter((x) => x.startsWith("a:"))) {
    const later = `b:${k.slice(2)}`;
    if (m.keys.includes(later)) leq(m, k, later);
  }
  for (const table of Object.keys(PEOPLE_COLUMNS)) {
    if (table === "age_bands" || table === "gender") continue;
    for (const l of labels(a, table)) {
      const p = (x: string, c: string): number => unknown(m, x + cellKey(table, l, c));
      for (const c of DISTINCT) {
        // b.X − a.X ≤ b.P − a.P
        m.constraints.push({
          terms: [
            [p("b:", c), 1],
            [p("a:", c), -1],
            [p("b:", "participations"), -1],
            [p("a:", "participations"), 1],
          ],
          sense: "<=",
          rhs: 0,
        });
      }
      const same = rowNumber(a, table, l, "sessions_held") === rowNumber(b, table, l, "sessions_held");
      if (!same || rowNumber(a, table, l, "sessions_held") === undefined) continue;
      for (const c of PEOPLE_COLUMNS[table] ?? []) {
        if (c !== "reach" && c !== "civil_servants_trained")
          m.constraints.push({
            terms: [
              [p("b:", c), 1],
              [p("a:", c), -1],
            ],
            sense: "=",
            rhs: 0,
          });
      }
    }
  }
  // No session (nor training) more: no age or gender breakdown more.
  const held = (r: Release): string => `${rowNumber(r, "headline", "", "sessions_held")}/${rowNumber(r, "headline", "", "trainings_held")}`;
  if (held(a) === held(b) && rowNumber(a, "headline", "", "sessions_held") !== undefined) {
    for (const table of ["age_bands", "gender"]) {
      for (const l of labels(a, table))
        m.constraints.push({
          terms: [
            [unknown(m, `b:${cellKey(table, l, "people")}`), 1],
            [unknown(m, `a:${cellKey(table, l, "people")}`), -1],
          ],
          sense: "=",
          rhs: 0,
        });
    }
  }
};

/** The model as a problem for the solver. */
export const problemOf = (m: Model): Problem => ({ lo: [...m.lo], hi: [...m.hi], constraints: [...m.constraints] });
