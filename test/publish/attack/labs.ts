// Small labs for the attacker, made through the public command path (the lab decider, as a host
// would): three projects in three sectors, sessions of 1–12 attendees drawn from one pool of people
// (so projects, years and sectors share people), in one year or two, each closed with an anonymous
// headcount and an age and gender breakdown. Seeded, so a failing count replays.
import type { Envelope, LabEvent } from "../../../src/index.js";
import { prng } from "../../../src/testing/index.js";
import { day, ref } from "../../lab/fixtures.js";
import { type LogBuilder, logBuilder, on, register } from "../../projections/builder.js";

/** The sectors the generated projects are in. */
export const SECTORS = ["health", "justice", "education"] as const;
const AGE_BANDS = ["under_18", "18_29", "30_44", "45_64", "65_plus", "undisclosed"] as const;
const GENDERS = ["female", "male", "other", "undisclosed"] as const;

/** A generated lab: its log with three projects, the same log with a fourth, and where the years split. */
export interface Lab {
  readonly seed: number;
  readonly years: 1 | 2;
  /** The log of three projects. */
  readonly events: readonly Envelope<LabEvent>[];
  /** The same log with one project more (a fourth, after the three). */
  readonly withOneMore: readonly Envelope<LabEvent>[];
  /** A date inside the log: a release as of it sees part of the sessions. */
  readonly midDate: string;
}

type Random = () => number;
const int = (r: Random, a: number, b: number): number => a + Math.floor(r() * (b - a + 1));

// Split n into the given keys at random: the counts of an anonymous breakdown.
const split = <K extends string>(r: Random, n: number, keys: readonly K[]): Partial<Record<K, number>> => {
  const out: Partial<Record<K, number>> = {};
  for (let i = 0; i < n; i++) {
    const k = keys[int(r, 0, keys.length - 1)] ?? keys[0];
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
};

// One project: submitted, accepted, into co-design, then 1–3 sessions on the given days.
const project = (b: LogBuilder, r: Random, id: string, sector: string, from: number, sessionDays: readonly number[]): void => {
  const p = on(id);
  b.on(from, p.submit({ sector }))
    .on(from + 1, p.accept())
    .on(from + 2, p.join("pub-s"))
    .on(from + 3, p.gate("G1"))
    .on(from + 4, p.advance())
    // Money, so that the report prints what was spent per person involved.
    .on(from + 5, p.budget("b1", "national_budget", 100_000, 2018))
    .on(from + 5, p.cost("c1", "b1", "staff", int(r, 10, 90) * 1000));
  sessionDays.forEach((d, i) => {
    const s = `s${i + 1}`;
    const size = int(r, 1, 12);
    // A pool of 30 people, a tenth of them civil servants: people come back across sessions.
    const people = new Set<number>();
    while (people.size < size) people.add(int(r, 1, 30));
    const attendees = [...people].map((n): [string, string] => [ref(n), n % 10 === 0 ? "civil_servant" : "citizen"]);
    const anonymous = { citizens: int(r, 0, 3), civilServants: int(r, 0, 1), business: 0, other: 0 };
    const present = size + anonymous.citizens + anonymous.civilServants;
    const demographics = { ageBands: split(r, int(r, 0, present), AGE_BANDS), gender: split(r, int(r, 0, present), GENDERS) };
    b.on(from + 5, p.schedule(s, day(d)))
      .on(d, p.attend(s, attendees))
      .on(d, { ...p.close(s, anonymous), demographics });
  });
};

// Session days: in 2018 only (days 10–300), or spread over 2018 and 2019 (days 10–650).
const sessionDays = (r: Random, years: 1 | 2, from: number): number[] => {
  const n = int(r, 1, 3);
  const last = years === 1 ? 300 : 650;
  return Array.from({ length: n }, () => int(r, from + 6, last)).sort((a, b) => a - b);
};

/** The lab of one seed: one year or two, three projects, then the log with a fourth project. */
export const generateLab = (seed: number, years: 1 | 2): Lab => {
  const r = prng(seed);
  const b = logBuilder().on(0, register("pub-owner", "public")).on(0, register("pub-s", "public"));
  SECTORS.forEach((sector, i) => project(b, r, `p${i + 1}`, sector, i, sessionDays(r, years, i)));
  const events = [...b.events];
  project(b, r, "p4", SECTORS[int(r, 0, 2)] ?? "health", 3, sessionDays(r, years, 3));
  return { seed, years, events, withOneMore: [...b.events], midDate: years === 1 ? "2018-06-30T23:59:59Z" : "2018-12-31T23:59:59Z" };
};
