import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCodec, fold, labEvents, type ProjectState } from "../../src/index.js";
import { isTerminal, ProjectCommand, projectDecider } from "../../src/lab/index.js";
import { playProject, type StepInput } from "../../src/testing/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";

const codec = createCodec(labEvents);
const { projectSteps } = labArbitraries(fc);

/** The invariants every reachable project state keeps. */
const invariants = (s: ProjectState): void => {
  if (!s.submitted) return;
  expect(s.stages.at(-1)?.stage).toBe(s.stage);
  const open = s.stages.filter((x) => x.leftAt === null).length;
  expect(open).toBe(isTerminal(s) ? 0 : 1); // exactly one active stage, none once over
  expect(s.status === "paused").toBe(s.pauses.at(-1)?.to === null);
  if (s.status === "mainstreamed") expect(s.stage).toBe("scale");
  for (const d of s.decisions) {
    expect(d.span).toBeLessThan(s.stages.length);
    expect(d.stage).toBe(s.stages[d.span]?.stage); // a decision is taken at the gate of the stay it belongs to
  }
  for (const x of s.sessions.values()) expect(x.headcount === null).toBe(x.status !== "closed"); // closed ⇔ counted
  for (const p of [...s.pastPilots, ...s.pilots.values()])
    if (p.endedAt !== null) expect(Date.parse(p.endedAt)).toBeGreaterThanOrEqual(Date.parse(p.startedAt));
  if (s.adoptions.length > 0) expect(s.stages.some((x) => x.stage === "scale")).toBe(true);
};
/** Play generated steps, checking every step; record the statuses reached. */
const play = (steps: readonly StepInput[], reached: Set<string>): void => {
  const { history, state } = playProject(steps, {
    onRefused: ({ type, command, error }) => {
      expect(ProjectCommand.safeParse(command).success, type).toBe(true);
      // Refusals are rule or validation values, never another kind (a store or integrity error here is a bug).
      expect(["rule", "validation"]).toContain(error.kind);
    },
    onAccepted: ({ type, before, events, after }) => {
      if (isTerminal(before)) throw new Error(`a terminal project accepted ${type}`);
      for (const e of events) expect(codec.decode(JSON.parse(JSON.stringify(codec.encode(e))))).toEqual({ ok: true, value: e });
      invariants(after);
      reached.add(after.status === "active" ? after.stage : after.status);
    },
  });
  expect(fold(projectDecider, history)).toEqual(state);
};

describe("project decider properties", () => {
  it("any sequence of schema-valid commands never throws, emits only valid events, keeps the invariants, and replays to the same state", () => {
    fc.assert(
      fc.property(projectSteps(150), (steps) => play(steps, new Set())),
      { numRuns: 200 },
    );
  }, 60_000);

  it("the generator explores the whole lifecycle, not just its first steps (fixed seed, so this check is stable)", () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(projectSteps(150), (steps) => play(steps, reached)),
      { numRuns: 200, seed: 20_170_101 },
    );
    expect([...reached].sort()).toEqual(["challenge", "co_design", "discontinued", "mainstreamed", "paused", "pilot", "scale"]);
  }, 60_000);
});
