// The equalities that must hold between participation figures, on generated portfolio logs: people
// reconcile with the roles they held, and each breakdown with the people of the sessions that gave it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFigures } from "../../src/index.js";
import type { ParticipationSlice } from "../../src/projections/index.js";
import { must } from "../../src/testing/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";

const logs = labArbitraries(fc).portfolioLog(3, 60);
const sum = (r: Readonly<Record<string, number>>): number => Object.values(r).reduce((a, b) => a + b, 0);

// Every equality a page may show, for one slice; returns the cases the slice reached.
const reconcile = (p: ParticipationSlice): string[] => {
  const { distinctParticipants: people, distinctByRole: role, othersInvolved: others, citizensAlsoCivilServants: both } = p;
  expect(people).toBe(role.citizen + role.civil_servant - both + others);
  expect(Math.min(others, both)).toBeGreaterThanOrEqual(0);
  expect(both).toBeLessThanOrEqual(Math.min(role.citizen, role.civil_servant));
  const h = p.anonymousHeadcount;
  expect(h.total).toBe(h.citizens + h.civilServants + h.business + h.other);
  expect(p.reach).toBe(people + h.total);
  const reached = [...(both > 0 ? ["a person in both roles"] : []), ...(others > 0 ? ["a person neither citizen nor civil servant"] : [])];
  for (const [name, counts, base] of [
    ["age", p.demographics.ageBands, p.demographics.base.ageBands],
    ["gender", p.demographics.gender, p.demographics.base.gender],
  ] as const) {
    expect(sum(counts)).toBe(base.counted);
    expect(base.present).toBe(base.attendees + base.anonymous);
    expect(base.present).toBe(base.counted + base.notCounted);
    expect(base.notCounted).toBeGreaterThanOrEqual(0);
    expect(base.anonymous).toBeLessThanOrEqual(h.total);
    expect(base.attendees).toBeLessThanOrEqual(p.participations);
    expect(base.sessions).toBeLessThanOrEqual(p.sessionsHeld);
    if (base.sessions === 0) expect(base.present + base.counted).toBe(0);
    if (base.sessions === p.sessionsHeld) expect([base.anonymous, base.attendees]).toEqual([h.total, p.participations]);
    if (base.sessions > 0) reached.push(`${name} breakdown given`);
    if (base.notCounted > 0) reached.push(`${name} breakdown placing fewer than were present`);
    if (base.sessions > 0 && base.sessions < p.sessionsHeld) reached.push(`${name} breakdown from some held sessions only`);
  }
  return reached;
};

describe("participation reconciles, on generated portfolio logs", () => {
  it("people = citizens + civil servants − both + others; each breakdown sums to its base, present = attendees + anonymous", () => {
    const reach = new Map<string, number>();
    fc.assert(
      fc.property(logs, (log) => {
        const p = must(computeFigures(log)).participation;
        const cases = new Set([p.overall, ...Object.values(p.slices)].flatMap(reconcile));
        for (const c of cases) reach.set(c, (reach.get(c) ?? 0) + 1);
      }),
      // A fixed seed keeps the reach counts stable: a person who only ever came as a business person or an expert is rare (5 refs).
      { numRuns: 200, seed: 2026 },
    );
    console.log(`participation reconciliation, logs (of 200) reaching each case: ${[...reach].map(([k, n]) => `${k} ${n}`).join(", ")}`);
    for (const c of ["a person in both roles", "a person neither citizen nor civil servant", "age breakdown given", "gender breakdown given"])
      expect(reach.get(c) ?? 0, c).toBeGreaterThan(0);
    for (const c of ["breakdown placing fewer than were present", "breakdown from some held sessions only"])
      expect((reach.get(`age ${c}`) ?? 0) + (reach.get(`gender ${c}`) ?? 0), c).toBeGreaterThan(0);
  });
});
