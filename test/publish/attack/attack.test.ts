// The statistical-disclosure attacker of issue 22, run over generated small labs and the
// demonstration log: one release, two releases of the same log as of two dates, and two releases
// with one project more. It reads only what a release shows (CSV, Markdown, HTML) and what the README
// documents; the truth comes from the unprotected tables, to score it. It must recover nothing exact
// and narrow nothing below the documented noise.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCodec, decodeJsonl, labEvents } from "../../../src/index.js";
import { prng } from "../../../src/testing/index.js";
import { attackOne, attackPair, count, type Input, line, type Reached, solve, tally, type Tally, truthOf } from "./attack.js";
import { generateLab, type Lab } from "./labs.js";
import { type Constraint, integerInterval, type Problem } from "./lp.js";
import { addPair, addRelease, emptyModel } from "./model.js";
import { cellKey, PEOPLE_COLUMNS } from "./read.js";
import { DOCUMENTED_NOISE, PROTECTION, type Release, release } from "./release.js";

/** Generated labs attacked: half of them over one year, half over two (about 0.7 s each with coverage). */
const LABS = 40;
/** A count of 1 to 4 people: what suppression at the default threshold hides, and what noise must blur. */
const isSmall = (r: Reached): boolean => r.truth >= 1 && r.truth <= 4;

describe("the attacker's solver", () => {
  const p = (lo: number[], hi: number[], constraints: Constraint[]): Problem => ({ lo, hi, constraints });
  it("finds the integer interval of small problems with known answers", () => {
    // x + y = 5, y in 2…3: x in 2…3.
    expect(
      integerInterval(
        p(
          [0, 2],
          [5, 3],
          [
            {
              terms: [
                [0, 1],
                [1, 1],
              ],
              sense: "=",
              rhs: 5,
            },
          ],
        ),
        0,
      ),
    ).toEqual([2, 3]);
    // x + y = 3, x − y ≥ 1: x in 2…3, y in 0…1.
    const q = p(
      [0, 0],
      [10, 10],
      [
        {
          terms: [
            [0, 1],
            [1, 1],
          ],
          sense: "=",
          rhs: 3,
        },
        {
          terms: [
            [0, 1],
            [1, -1],
          ],
          sense: ">=",
          rhs: 1,
        },
      ],
    );
    expect([integerInterval(q, 0), integerInterval(q, 1)]).toEqual([
      [2, 3],
      [0, 1],
    ]);
    // 2x = 3 has a rational point and no integer one; so has 2x + 2y = 2z + 1 (branch-and-bound ends).
    expect(integerInterval(p([0], [5], [{ terms: [[0, 2]], sense: "=", rhs: 3 }]), 0)).toBeUndefined();
    expect(
      integerInterval(
        p(
          [0, 0, 0],
          [3, 3, 3],
          [
            {
              terms: [
                [0, 2],
                [1, 2],
                [2, -2],
              ],
              sense: "=",
              rhs: 1,
            },
          ],
        ),
        0,
      ),
    ).toBeUndefined();
    // 3x + 3y ≥ 4 with x + y ≤ 2: the LP minimum of x is 0 (y = 4/3 is not whole, but y = 2 is).
    expect(
      integerInterval(
        p(
          [0, 0],
          [2, 2],
          [
            {
              terms: [
                [0, 3],
                [1, 3],
              ],
              sense: ">=",
              rhs: 4,
            },
            {
              terms: [
                [0, 1],
                [1, 1],
              ],
              sense: "<=",
              rhs: 2,
            },
          ],
        ),
        0,
      ),
    ).toEqual([0, 2]);
    // 2x + 2y ≥ 3 with x, y ≤ 1: the LP allows x = 1/2; the integers need x + y ≥ 2, so x = 1.
    expect(
      integerInterval(
        p(
          [0, 0],
          [1, 1],
          [
            {
              terms: [
                [0, 2],
                [1, 2],
              ],
              sense: ">=",
              rhs: 3,
            },
          ],
        ),
        0,
      ),
    ).toEqual([1, 1]);
    // Beyond 2⁵³ in the products: exact all the same.
    const big = Number.MAX_SAFE_INTEGER;
    const b = p(
      [0, 0],
      [big, big],
      [
        {
          terms: [
            [0, 1],
            [1, 1],
          ],
          sense: "=",
          rhs: big,
        },
        {
          terms: [
            [0, 1],
            [1, -1],
          ],
          sense: ">=",
          rhs: big - 2,
        },
      ],
    );
    expect([integerInterval(b, 0), integerInterval(b, 1)]).toEqual([
      [big - 1, big],
      [0, 1],
    ]);
  });

  it("agrees with enumerating every integer point, on random problems", () => {
    const r = prng(22);
    const int = (a: number, z: number): number => a + Math.floor(r() * (z - a + 1));
    const reached = { single: 0, interval: 0, infeasible: 0 };
    for (let trial = 0; trial < 400; trial++) {
      const n = int(1, 4);
      const lo = Array.from({ length: n }, () => int(0, 3));
      const hi = lo.map((l) => l + int(0, 6));
      const constraints: Constraint[] = Array.from({ length: int(0, 4) }, () => ({
        terms: Array.from({ length: n }, (_, j) => [j, int(-3, 3)] as const).filter(([, c]) => c !== 0),
        sense: (["<=", "=", ">="] as const)[int(0, 2)] ?? "=",
        rhs: int(-5, 15),
      }));
      const points = enumerate(lo, hi).filter((x) => constraints.every((c) => holds(c, x)));
      for (let k = 0; k < n; k++) {
        const values = points.map((x) => x[k] ?? 0);
        const want = values.length === 0 ? undefined : [Math.min(...values), Math.max(...values)];
        expect(integerInterval({ lo, hi, constraints }, k)).toEqual(want);
        if (want === undefined) reached.infeasible++;
        else if (want[0] === want[1]) reached.single++;
        else reached.interval++;
      }
    }
    console.log(`attacker's solver against enumeration reached: ${JSON.stringify(reached)}`);
    expect(Math.min(reached.single, reached.interval, reached.infeasible)).toBeGreaterThan(50);
  });
});

const enumerate = (lo: readonly number[], hi: readonly number[]): number[][] =>
  lo.reduce<number[][]>((acc, l, j) => acc.flatMap((x) => Array.from({ length: (hi[j] ?? l) - l + 1 }, (_, v) => [...x, l + v])), [[]]);
const holds = (c: Constraint, x: readonly number[]): boolean => {
  const s = c.terms.reduce((a, [j, k]) => a + k * (x[j] ?? 0), 0);
  return c.sense === "<=" ? s <= c.rhs : c.sense === ">=" ? s >= c.rhs : s === c.rhs;
};

// The cells a pair recovered exactly that the same release, attacked alone, did not.
const newlyExact = (pair: readonly Reached[], a: Input, b: Input): Reached[] => {
  const alone = new Map<string, Reached>([...attackOne(a).map((r) => [`a:${r.key}`, r] as const), ...attackOne(b).map((r) => [`b:${r.key}`, r] as const)]);
  return pair.filter((r) => r.interval[0] === r.interval[1] && alone.get(r.key)?.interval[0] !== alone.get(r.key)?.interval[1]);
};

// What the generated labs reach, counted on the truth so that it does not depend on the protection.
const reach = (lab: Lab, reached: Record<string, number>): void => {
  const full = truthOf({ events: lab.events });
  const mid = truthOf({ events: lab.events, asOf: { at: lab.midDate } });
  const more = truthOf({ events: lab.withOneMore });
  const bump = (k: string, yes: boolean): void => {
    if (yes) reached[k] = (reached[k] ?? 0) + 1;
  };
  bump(`${lab.years} year`, true);
  bump(
    "a small count (1 to 4)",
    [...full.values()].some((v) => v >= 1 && v <= 4),
  );
  bump(
    "a small count in a year row",
    [...full].some(([k, v]) => k.startsWith("participation_by_year") && v >= 1 && v <= 4),
  );
  bump("the mid date sees fewer participations", (mid.get("headline||participations") ?? 0) < (full.get("headline||participations") ?? 0));
  bump("the mid date sees none", (mid.get("headline||participations") ?? 0) === 0);
  bump("the project more adds people", (more.get("headline||people") ?? 0) > (full.get("headline||people") ?? 0));
  bump("the project more adds nobody", (more.get("headline||people") ?? 0) === (full.get("headline||people") ?? 0));
};

const demoEvents = () => decodeJsonl(createCodec(labEvents), readFileSync("examples/data/labx-2017-2020.jsonl", "utf8")).events;

describe("the statistical-disclosure attacker", () => {
  it(`recovers nothing exact and narrows nothing below the documented noise (D = ${DOCUMENTED_NOISE}), over ${LABS} labs and the demonstration log`, () => {
    const t = { one: tally(), small: tally(), oneYear: tally(), dates: tally(), more: tally(), demo: tally(), alone: tally() };
    let pairOnly = 0;
    const reached: Record<string, number> = {};
    for (let seed = 1; seed <= LABS; seed++) {
      const lab = generateLab(seed, seed % 2 === 0 ? 1 : 2);
      reach(lab, reached);
      const full: Input = { events: lab.events };
      const one = attackOne(full);
      count(t.one, one);
      if (lab.years === 1) count(t.oneYear, one);
      const early: Input = { events: lab.events, asOf: { at: lab.midDate } };
      const dates = attackPair(early, full);
      const more = attackPair(full, { events: lab.withOneMore });
      count(t.dates, dates);
      count(t.more, more);
      for (const r of [one, dates, more]) count(t.small, r, isSmall);
      // The same pairs with the later release made without the earlier one: what a host that does not pass `earlier` risks.
      count(t.alone, attackPair(early, full, true));
      count(t.alone, attackPair(full, { events: lab.withOneMore }, true));
      pairOnly += newlyExact(dates, early, full).length + newlyExact(more, full, { events: lab.withOneMore }).length;
    }
    // The demonstration log: in full, as of its first months (small counts), and without one project.
    const events = demoEvents();
    const first = events.find((e) => e.type === "SessionClosed");
    const project = first !== undefined && "projectId" in first.data ? first.data.projectId : "";
    const without = events.filter((e) => !("projectId" in e.data) || e.data.projectId !== project);
    const at = (d: string): { at: string } => ({ at: `${d}T23:59:59Z` });
    count(t.demo, attackOne({ events }));
    count(t.demo, attackOne({ events, asOf: at("2017-08-31") }));
    count(t.demo, attackPair({ events, asOf: at("2017-08-31") }, { events, asOf: at("2017-09-30") }));
    count(t.demo, attackPair({ events: without, asOf: at("2017-09-30") }, { events, asOf: at("2017-09-30") }));
    count(t.demo, attackPair({ events: without }, { events }));

    const all = [t.one, t.dates, t.more, t.demo].reduce<Tally>(
      (a, x) => ({ attacked: a.attacked + x.attacked, exact: a.exact + x.exact, narrowed: a.narrowed + x.narrowed, twoValues: a.twoValues + x.twoValues }),
      tally(),
    );
    console.log(
      `attacker (${JSON.stringify(PROTECTION)}, D = ${DOCUMENTED_NOISE}) — ${line("one release", t.one)}; ${line("small cells (1 to 4, every attack)", t.small)}; ` +
        `${line("one-year labs", t.oneYear)}; ${line("two dates", t.dates)}; ${line("one project more", t.more)}; ` +
        `${pairOnly} recovered only by a pair; ${line("demonstration log", t.demo)}; ${line("pairs made without earlier", t.alone)}`,
    );
    console.log(`attack labs reached: ${JSON.stringify(reached)}`);
    expect(Object.keys(reached)).toHaveLength(8);
    expect(Math.min(...Object.values(reached))).toBeGreaterThan(0);
    expect(all.attacked).toBeGreaterThan(0);
    expect(all.exact).toBe(0);
    expect(all.narrowed).toBe(0);
    expect(all.twoValues).toBe(0);
    // A later release made without the earlier one is still never reversed exactly, but a count grown
    // by one person, drawn +2 in the first release and −2 in the second, can be narrowed (13 of 29,577
    // pair cells over 200 labs): the README tells hosts to pass `earlier`.
    expect(t.alone.exact).toBe(0);
  }, 180_000);
});

// A stand-in for a perturbed release, to exercise the attacker's reading of noise before the cell-key
// method lands: every people count in the CSV replaced by one the documented table allows (0 stays 0;
// 1 → 1…3; 2 → 1…4; t ≥ 3 → t−2…t+2), the same for the same cell and true value. It is not the
// protection (it knows nothing of record keys), so its counts only show what the attacker can do.
const standIn = (input: Input): Release => {
  const r = release(input.events, input.asOf);
  const truth = truthOf(input);
  const noisy = (t: number, key: string): number => {
    const u = [...`${key}|${t}`].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
    return t === 0 ? 0 : t === 1 ? 1 + (u % 3) : t === 2 ? 1 + (u % 4) : t - 2 + (u % 5);
  };
  const csv = new Map(
    [...r.csv].map(([id, res]) => {
      const rows = res.rows.map((row) =>
        row.map((v, j) => {
          const key = cellKey(id, id === "headline" ? "" : (row[0] ?? ""), res.header[j] ?? "");
          return (PEOPLE_COLUMNS[id] ?? []).includes(res.header[j] ?? "") ? String(noisy(truth.get(key) ?? 0, key)) : v;
        }),
      );
      return [id, { header: res.header, rows }] as const;
    }),
  );
  return { csv, datapackage: {}, markdown: "", html: "" };
};

describe("the attacker on a stand-in perturbation (noise 2)", () => {
  it("reads every published count as a range, stays sound, and counts what it narrows", () => {
    const t = { one: tally(), pairs: tally() };
    for (let seed = 1; seed <= 6; seed++) {
      const lab = generateLab(seed, seed % 2 === 0 ? 1 : 2);
      const full: Input = { events: lab.events };
      const m = emptyModel(2);
      addRelease(m, standIn(full));
      const truth = truthOf(full);
      // solve throws if the truth breaks anything the model assumed.
      count(
        t.one,
        solve(m, (k) => truth.get(k)),
        undefined,
        2,
      );
      for (const [a, b] of [
        [{ events: lab.events, asOf: { at: lab.midDate } }, full],
        [full, { events: lab.withOneMore }],
      ] as const) {
        const pair = emptyModel(2);
        addPair(pair, standIn(a), standIn(b));
        const [ta, tb] = [truthOf(a), truthOf(b)];
        count(
          t.pairs,
          solve(pair, (k) => (k.startsWith("a:") ? ta : tb).get(k.slice(2))),
          undefined,
          2,
        );
      }
    }
    console.log(`attacker on a stand-in perturbation — ${line("one release", t.one)}; ${line("pairs", t.pairs)}`);
    expect(t.one.attacked).toBeGreaterThan(100);
  });
});
