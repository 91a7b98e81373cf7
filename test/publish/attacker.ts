// What a reader of the published tables can work out, computed independently of `protect`'s own
// elimination: (1) by subtraction, solving any equation with a single unknown, again and again;
// (2) by linear algebra in floating point: a withheld cell is determined when every vector of the
// null space of the equations over the withheld cells is zero at it.
import { cellOf, type CellRef, isEquation, isWithheld, type Relation, type Table } from "../../src/publish/index.js";

const key = (r: CellRef) => `${r.table}|${r.row}|${r.column}`;

interface System {
  readonly unknowns: string[];
  /** coefficients over the unknowns, and the constant: Σ coef·x = constant */
  readonly equations: { coef: number[]; constant: number }[];
}

const systemOf = (published: readonly Table[], all: readonly Relation[]): System => {
  const relations = all.filter(isEquation);
  const unknowns: string[] = [];
  const index = new Map<string, number>();
  for (const r of relations)
    for (const c of [r.total, ...r.parts, ...(r.less ?? [])]) {
      const v = cellOf(published, c);
      if (v !== undefined && isWithheld(v) && !index.has(key(c))) index.set(key(c), unknowns.push(key(c)) - 1);
    }
  const equations = relations.map((r) => {
    const coef = unknowns.map(() => 0);
    let constant = 0;
    for (const [c, sign] of [[r.total, -1] as const, ...r.parts.map((p) => [p, 1] as const), ...(r.less ?? []).map((p) => [p, -1] as const)]) {
      const v = cellOf(published, c);
      const i = index.get(key(c));
      if (i !== undefined) coef[i] = (coef[i] ?? 0) + sign;
      else if (typeof v === "number") constant -= sign * v;
      else throw new Error(`relation cell ${key(c)} is neither a number nor withheld: ${JSON.stringify(v)}`);
    }
    return { coef, constant };
  });
  return { unknowns, equations };
};

/** Cells found by repeated subtraction, with the value found. */
export const bySubtraction = (published: readonly Table[], relations: readonly Relation[]): Map<string, number> => {
  const { unknowns, equations } = systemOf(published, relations);
  const found = new Map<number, number>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const e of equations) {
      const open = e.coef.flatMap((c, i) => (c !== 0 && !found.has(i) ? [i] : []));
      if (open.length !== 1) continue;
      const i = open[0] ?? -1;
      const rest = e.coef.reduce((s, c, j) => (j === i || c === 0 ? s : s + c * (found.get(j) ?? 0)), 0);
      found.set(i, (e.constant - rest) / (e.coef[i] ?? 1));
      progress = true;
    }
  }
  return new Map([...found].map(([i, v]) => [unknowns[i] ?? "", v]));
};

/** Withheld cells the equations determine, by a floating-point null space. */
export const byNullSpace = (published: readonly Table[], relations: readonly Relation[]): Set<string> => {
  const { unknowns, equations } = systemOf(published, relations);
  const m = equations.map((e) => [...e.coef]);
  const n = unknowns.length;
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < m.length; c++) {
    let best = r;
    for (let i = r; i < m.length; i++) if (Math.abs(m[i]?.[c] ?? 0) > Math.abs(m[best]?.[c] ?? 0)) best = i;
    if (Math.abs(m[best]?.[c] ?? 0) < 1e-9) continue;
    [m[r], m[best]] = [m[best] ?? [], m[r] ?? []];
    const row = m[r] ?? [];
    const p = row[c] ?? 1;
    for (let j = 0; j < n; j++) row[j] = (row[j] ?? 0) / p;
    for (let i = 0; i < m.length; i++) {
      const f = m[i]?.[c] ?? 0;
      if (i === r || Math.abs(f) < 1e-12) continue;
      for (let j = 0; j < n; j++) (m[i] ?? [])[j] = (m[i]?.[j] ?? 0) - f * (row[j] ?? 0);
    }
    pivots.push(c);
    r++;
  }
  // Null-space basis: one vector per free column f, x_f = 1, x_pivot = −row[f].
  const free = Array.from({ length: n }, (_, j) => j).filter((j) => !pivots.includes(j));
  const moves = free.map((f) => {
    const v = Array.from({ length: n }, () => 0);
    v[f] = 1;
    pivots.forEach((p, i) => (v[p] = -(m[i]?.[f] ?? 0)));
    return v;
  });
  return new Set(unknowns.filter((_, j) => moves.every((v) => Math.abs(v[j] ?? 0) < 1e-9)));
};
