import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ActorRole,
  createCodec,
  type Envelope,
  executeOn,
  fold,
  isTerminal,
  labEvents,
  nextSteps,
  permissions,
  ProjectCommand,
  type ProjectEvent,
  type ProjectState,
  projectDecider,
} from "../../src/index.js";
import { fixedContext, sequentialIds } from "../../src/testing/index.js";
import { c, day } from "./fixtures.js";

const codec = createCodec(labEvents);
const allTypes = ProjectCommand.options.map((o) => o.shape.type.value);
type Type = (typeof allTypes)[number];

const pools = {
  entity: ["ent-owner", "ent-sponsor", "ent-a", "ent-b"],
  entityRole: ["sponsor", "partner", "supplier", "participant"],
  gate: ["G1", "G2", "G3", "G4"],
  outcome: ["go", "go", "go", "conditional_go", "hold", "recycle", "no_go"],
  stage: ["challenge", "co_design", "pilot", "scale"],
  session: ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"],
  refs: ["p_0001aa", "p_0002bb", "p_0003cc", "p_0004dd", "p_0005ee"],
  participantRole: ["citizen", "civil_servant", "business", "expert"],
  procurement: ["r1", "r2"],
  kpi: ["k1", "k2"],
  pause: ["procurement", "entity_reluctance", "funding", "legal", "other"],
  reason: ["entity_reluctance", "procurement_failed", "no_go_at_gate", "other"],
  evaluation: ["success", "partial", "failed", "inconclusive"],
};
const of = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** A schema-valid command of the given type, its details drawn from small pools so references often hit. */
const build = (type: Type, p: number[], state: ProjectState, history: readonly Envelope<ProjectEvent>[], good: boolean): Record<string, unknown> => {
  // "Good" commands take the choices that move a project forward; ids and numbers still vary.
  const [a = 0, b0 = 0, d0 = 0, e = 0] = p;
  const b = good ? 0 : b0;
  const d = good ? 0 : d0;
  switch (type) {
    case "SubmitChallenge": return c.submit();
    case "AcceptChallenge": return c.accept();
    case "RejectChallenge": return c.reject();
    case "RecordEntityJoined": return c.join(of(pools.entity, a), of(pools.entityRole, b));
    case "RecordEntityLeft": return c.leave(of(pools.entity, a));
    case "RecordEntityDeclined": return c.decline(of(pools.entity, a));
    case "RecordGateDecision": {
      const outcome = of(pools.outcome, b);
      return c.gate(b % 9 === 8 ? of(pools.gate, a) : projectGate(state), outcome, {
        approvers: d % 11 === 10 ? [{ id: "lead-1", role: "decision_maker" }] : [{ id: "dm-1", role: "decision_maker" }],
        ...(outcome === "conditional_go" && e % 4 !== 0 ? { conditions: ["A named owner."] } : {}),
        ...(outcome === "recycle" ? { recycleTo: of(pools.stage, d) } : {}),
      });
    }
    case "AdvanceStage": return c.advance();
    case "PauseProject": return c.pause(of(pools.pause, a));
    case "ResumeProject": return c.resume();
    case "PivotProject": return c.pivot();
    case "DiscontinueProject": return c.discontinue({ reasonCode: of(pools.reason, a) });
    case "MainstreamProject": return c.mainstream();
    case "ScheduleSession": return c.schedule(of(pools.session, a), { scheduledFor: day(b0 % 60) });
    case "RecordAttendance": return c.attend(of(pools.session, a), [...new Set([of(pools.refs, b0), of(pools.refs, d0)])], of(pools.participantRole, good ? 0 : e));
    case "CloseSession": return c.close(of(pools.session, a), { anonymousHeadcount: { citizens: b0 % 30, civilServants: d0 % 5, business: e % 2, other: e % 3 } });
    case "CancelSession": return c.cancelSession(of(pools.session, a));
    case "RequestProcurement": return c.request(of(pools.procurement, a));
    case "ContractProcurement": return c.contract(of(pools.procurement, a));
    case "CancelProcurement": return c.cancelProcurement(of(pools.procurement, a));
    case "DefineKpi": return c.defineKpi(of(pools.kpi, a), b % 2 === 0 ? {} : { direction: "increase", category: "digital_uptake", target: { value: 50 + (d % 10), by: day(700) } });
    case "RedefineKpi": return c.redefineKpi(of(pools.kpi, a), { target: { value: b % 40, by: day(800) } });
    case "MeasureKpi": return c.measure(of(pools.kpi, a), { value: b % 50 });
    case "CorrectKpiMeasurement": {
      const measured = history.filter((x) => x.type === "KpiMeasured");
      return c.correct(measured.length > 0 ? (measured[a % measured.length] as Envelope<ProjectEvent>).id : "missing", { kpiId: of(pools.kpi, b) });
    }
    case "StartPilot": return c.startPilot({ entityIds: [of(pools.entity, good ? 0 : a)], plannedEnd: day(1000 + b0) });
    case "EndPilot": return c.endPilot();
    case "PublishEvaluation": return c.evaluate(of(pools.evaluation, good ? 0 : a), { evidenceLevel: 1 + (b0 % 5) });
    case "RecordAdoption": return c.adopt({ sites: a % 20, usersCovered: b * 10 });
    default: {
      const never: never = type;
      return never;
    }
  }
};
const projectGate = (s: ProjectState): string => ({ challenge: "G1", co_design: "G2", pilot: "G3", scale: "G4" })[s.stage];

/** The invariants every reachable project state keeps. */
const invariants = (s: ProjectState): void => {
  if (!s.submitted) return;
  expect(s.stages.at(-1)?.stage).toBe(s.stage);
  const open = s.stages.filter((x) => x.leftAt === null).length;
  expect(open).toBe(isTerminal(s) ? 0 : 1); // exactly one active stage, none once over
  expect(s.status === "paused").toBe(s.pauses.at(-1)?.to === null);
  if (s.status === "mainstreamed") expect(s.stage).toBe("scale");
  for (const d of s.decisions) expect(d.span).toBeLessThan(s.stages.length);
  for (const x of s.sessions.values()) {
    expect(x.contributions).toBeGreaterThanOrEqual(0);
    for (const n of Object.values(x.headcount ?? {})) expect(n).toBeGreaterThanOrEqual(0);
  }
  for (const a of s.adoptions) expect(Math.min(a.sites, a.usersCovered)).toBeGreaterThanOrEqual(0);
};

const progress: readonly Type[] = [
  "AcceptChallenge", "RecordEntityJoined", "RecordGateDecision", "AdvanceStage", "ScheduleSession", "RecordAttendance", "CloseSession",
  "DefineKpi", "ContractProcurement", "StartPilot", "EndPilot", "PublishEvaluation", "RecordAdoption", "MainstreamProject", "ResumeProject",
];

/** The command that moves a project towards its next gate, as a planner would choose it. */
const drive = (s: ProjectState, allowed: readonly Type[]): Record<string, unknown> | undefined => {
  if (s.status === "paused") return c.resume();
  if (allowed.includes("MainstreamProject")) return c.mainstream();
  if (allowed.includes("AdvanceStage")) return c.advance();
  const gate = nextSteps(s).gate;
  if (gate === null) return undefined;
  if (gate.missing.length === 0) return c.gate(gate.gate);
  const sessions = [...s.sessions.entries()];
  const open = sessions.find(([, x]) => x.status === "scheduled" && x.stage === s.stage);
  switch (gate.missing[0]) {
    case "challenge_accepted": return c.accept();
    case "sponsor_committed": return c.join("ent-sponsor", "sponsor");
    case "citizen_session_closed": {
      if (open === undefined) return c.schedule(pools.session.find((id) => !s.sessions.has(id)) ?? "s-extra", { scheduledFor: day(0) });
      return open[1].attendees.size === 0 ? c.attend(open[0]) : c.close(open[0]);
    }
    case "kpi_with_baseline_and_target": return c.defineKpi(pools.kpi.find((id) => !s.kpis.has(id)) ?? "k-extra");
    case "procurements_settled": return c.contract([...s.procurements.entries()].find(([, p]) => p.status === "requested")?.[0]);
    case "pilot_ended": return s.pilot === null ? c.startPilot() : c.endPilot();
    case "evaluation_success_or_partial": return c.evaluate("success");
    case "adoption_recorded": return c.adopt();
    default: return undefined;
  }
};

const endings: readonly Type[] = ["RejectChallenge", "DiscontinueProject"];

interface StepInput {
  anyCommand: number;
  pick: number;
  params: number[];
  role: number;
  days: number;
}

const step: fc.Arbitrary<StepInput> = fc.record({
  anyCommand: fc.nat({ max: 7 }),
  pick: fc.nat(),
  params: fc.array(fc.nat({ max: 1000 }), { minLength: 4, maxLength: 4 }),
  role: fc.nat({ max: 19 }),
  days: fc.nat({ max: 3 }),
});

/** Play generated steps against the decider, checking every step; record the statuses reached. */
const play = (steps: readonly StepInput[], reached: Set<string>): void => {
    const history: Envelope<ProjectEvent>[] = [];
    const ids = sequentialIds("ev");
    let state = fold(projectDecider, []);
    let t = 0;
    for (const s of steps) {
      // Sometimes any command; otherwise one whose preconditions hold now, half the time one
      // that moves the project forward with its "good" parameters, so runs reach every stage.
      // Endings are drawn rarely, or few runs would get past the challenge stage.
      const allowed = nextSteps(state).allowed.filter((x) => !endings.includes(x) || s.pick % 12 === 0);
      const forward = allowed.filter((x) => progress.includes(x));
      const mode = s.anyCommand === 0 || allowed.length === 0 ? "any" : s.anyCommand <= 2 ? "drive" : s.anyCommand <= 5 && forward.length > 0 ? "forward" : "allowed";
      const anyType = allTypes.filter((x) => !endings.includes(x) || s.pick % 12 === 0);
      const driven = mode === "drive" ? drive(state, allowed) : undefined;
      const pool = mode === "any" ? anyType : mode === "allowed" || forward.length === 0 ? allowed : forward;
      const type = (driven?.type as Type | undefined) ?? of(pool, s.pick);
      const command = driven ?? build(type, s.params, state, history, mode === "forward" || mode === "drive");
      expect(ProjectCommand.safeParse(command).success, type).toBe(true);
      // Mostly a role the table allows; sometimes any role, the auditor included.
      const role = s.role < 17 ? of(permissions[type], s.pick) : of(ActorRole.options, s.role);
      t += s.days;
      const before = state;
      // From the current state (as a cached snapshot would be); the end checks a full replay.
      const r = executeOn(projectDecider, { state, version: history.length }, [], command, fixedContext({ at: day(t), actor: { id: `${role}-1`, role }, newId: ids }));
      if (!r.ok) {
        expect(typeof r.error.code).toBe("string");
        continue;
      }
      if (isTerminal(before)) throw new Error(`a terminal project accepted ${type}`);
      for (const e of r.value.events) expect(codec.decode(JSON.parse(JSON.stringify(codec.encode(e))))).toEqual({ ok: true, value: e });
      history.push(...r.value.events);
      state = r.value.state;
      invariants(state);
      reached.add(state.status === "active" ? state.stage : state.status);
    }
    expect(fold(projectDecider, history)).toEqual(state);
};

describe("project decider properties", () => {
  it("any sequence of schema-valid commands never throws, emits only valid events, keeps the invariants, and replays to the same state", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 150, size: "max" }), (steps) => play(steps, new Set())),
      { numRuns: 200 },
    );
  }, 60_000);

  it("the generator explores the whole lifecycle, not just its first steps (fixed seed, so this check is stable)", () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 150, size: "max" }), (steps) => play(steps, reached)),
      { numRuns: 200, seed: 20_170_101 },
    );
    expect([...reached].sort()).toEqual(["challenge", "co_design", "discontinued", "mainstreamed", "paused", "pilot", "scale"]);
  }, 60_000);
});
