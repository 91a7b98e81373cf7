import { type DomainError, type Envelope, executeOn, fold } from "../kernel/index.js";
import {
  ActorRole,
  AdoptionStatus,
  CostCategory,
  currentDecision,
  DeclineReason,
  DiscontinuationReason,
  EntityRole,
  EvaluationOutcome,
  EvidenceMethod,
  exitGate,
  FundingSource,
  Gate,
  GateOutcome,
  nextSteps,
  ParticipantRole,
  PauseReason,
  permissions,
  pivotTarget,
  ProjectCommand,
  type ProjectEvent,
  type ProjectState,
  projectDecider,
  Sector,
  Stage,
  supportedEvidenceLevel,
} from "../lab/index.js";
import { type CommandInput, day, labCommands, testRef } from "./commands.js";
import { fixedContext, sequentialIds, testEntities } from "./context.js";

const c = labCommands("p1");
const allTypes = ProjectCommand.options.map((o) => o.shape.type.value);
type Type = (typeof allTypes)[number];

// Pools are drawn from the schemas, so a new member of a vocabulary is generated without being listed here.
/** The small pools the generators draw ids and values from (shared with the arbitraries). */
export const pools = {
  entity: Object.keys(testEntities).filter((id) => id !== "ent-region" && id !== "ent-town"),
  entityRole: EntityRole.options,
  gate: Gate.options,
  // Mostly go, so that projects get somewhere; every outcome is drawn.
  outcome: [...GateOutcome.options, "go", "go"] as const,
  stage: Stage.options,
  session: ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"],
  refs: [1, 2, 3, 4, 5].map(testRef),
  participantRole: ParticipantRole.options,
  procurement: ["r1", "r2"],
  budget: ["b1", "b2"],
  pilot: ["north", "south"],
  adoptionStatus: AdoptionStatus.options,
  cost: ["c1", "c2", "c3", "c4"],
  fundingSource: FundingSource.options,
  costCategory: CostCategory.options,
  kpi: ["k1", "k2"],
  pause: PauseReason.options,
  // unspecified is kept for refusals recorded before codes existed; commands cannot name it.
  declineReason: DeclineReason.exclude(["unspecified"]).options,
  territory: ["PT11", "PT11A:1312", "PT170", "PT16D:0106", "PT150:0808"],
  // rejected_at_intake is RejectChallenge's to record; DiscontinueProject draws it only as a command the rules refuse.
  reason: DiscontinuationReason.options,
  evaluation: EvaluationOutcome.options,
  method: EvidenceMethod.options,
  sector: Sector.options,
};
const of = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

// What a builder draws from: the step's numbers ("good" commands take the choices that move a
// project forward: b and d zeroed, b0 and d0 kept as drawn), the project's state and history.
interface Draw {
  readonly a: number;
  readonly b: number;
  readonly d: number;
  readonly e: number;
  readonly b0: number;
  readonly d0: number;
  readonly state: ProjectState;
  readonly history: readonly Envelope<ProjectEvent>[];
  readonly good: boolean;
  /** The step's day (`day(t)`): where dates a command plans ahead start from. */
  readonly t: number;
}

// A schema-valid command of each type, its details drawn from small pools so references often hit.
const builders: { readonly [T in Type]: (draw: Draw) => CommandInput } = {
  SubmitChallenge: ({ a }) => c.submit({ sector: of(pools.sector, a) }),
  AcceptChallenge: () => c.accept(),
  RejectChallenge: () => c.reject(),
  RecordEntityJoined: ({ a, b }) => c.join(of(pools.entity, a), of(pools.entityRole, b)),
  RecordEntityLeft: ({ a }) => c.leave(of(pools.entity, a)),
  RecordEntityDeclined: ({ a, b0 }) => c.decline(of(pools.entity, a), { reasonCode: of(pools.declineReason, b0) }),
  RecordGateDecision: ({ a, b, d, e, state, good }) => {
    const outcome = of(pools.outcome, b);
    return c.gate(b % 9 === 8 ? of(pools.gate, a) : projectGate(state), outcome, {
      approvers: d % 11 === 10 ? [{ id: "lead-1", role: "decision_maker" }] : [{ id: "dm-1", role: "decision_maker" }],
      ...(outcome === "conditional_go" && e % 4 !== 0 ? { conditions: ["A named owner."] } : {}),
      // A planner recycles to the stage just before; a random command names any stage.
      ...(outcome === "recycle" ? { recycleTo: good ? (pivotTarget(state.stage) ?? "challenge") : of(pools.stage, d) } : {}),
    });
  },
  AdvanceStage: () => c.advance(),
  PauseProject: ({ a, b0, t }) => c.pause(of(pools.pause, a), b0 % 4 === 0 ? {} : { expectedResumeAt: day(t + 1 + (b0 % 90)) }),
  ResumeProject: () => c.resume(),
  PivotProject: () => c.pivot(),
  DiscontinueProject: ({ a }) => c.discontinue({ reasonCode: of(pools.reason, a) }),
  MainstreamProject: () => c.mainstream(),
  ScheduleSession: ({ a, b0 }) =>
    c.schedule(of(pools.session, a), {
      scheduledFor: day(b0 % 60),
      ...(b0 % 3 === 0 ? { kind: "training" } : {}),
      ...(b0 % 3 === 1 ? { territory: of(pools.territory, b0) } : {}),
    }),
  RecordAttendance: ({ a, e, b0, d0, good }) => attendance(of(pools.session, a), [of(pools.refs, b0), of(pools.refs, d0)], good ? 0 : e),
  CloseSession: ({ a, e, b0, d0, good }) =>
    c.close(of(pools.session, a), {
      anonymousHeadcount: { citizens: b0 % 30, civilServants: d0 % 5, business: e % 2, other: e % 3 },
      // A breakdown within the headcount; a random one sometimes counts more people than came, which is refused.
      ...(e % 3 === 0 ? { demographics: { ageBands: { "18_29": b0 % 30 >> 1, "45_64": d0 % 5 }, gender: { female: b0 % 30 >> 1, undisclosed: d0 % 5 } } } : {}),
      ...(!good && e % 7 === 6 ? { demographics: { ageBands: { undisclosed: 5000 } } } : {}),
    }),
  CancelSession: ({ a }) => c.cancelSession(of(pools.session, a)),
  RequestProcurement: ({ a }) => c.request(of(pools.procurement, a)),
  ContractProcurement: ({ a }) => c.contract(of(pools.procurement, a)),
  CancelProcurement: ({ a }) => c.cancelProcurement(of(pools.procurement, a)),
  AllocateBudget: ({ a, b0 }) =>
    c.allocateBudget(of(pools.budget, a), { source: of(pools.fundingSource, b0), amount: { amount: 2_000 * (1 + (b0 % 25)), currency: "EUR" } }),
  // A random cost sometimes names another currency, which its budget refuses.
  RecordCost: ({ a, b, b0, d0, good }) =>
    c.recordCost(of(pools.cost, a), {
      budgetId: of(pools.budget, b),
      category: of(pools.costCategory, b0),
      amount: { amount: 1_000 * (1 + (d0 % 50)), currency: good || d0 % 7 !== 6 ? "EUR" : "USD" },
      ...(b0 % 4 === 0 ? { procurementId: of(pools.procurement, d0) } : {}),
    }),
  DefineKpi: ({ a, b, d }) =>
    c.defineKpi(of(pools.kpi, a), b % 2 === 0 ? {} : { direction: "increase", category: "digital_uptake", target: { value: 50 + (d % 10), by: day(700) } }),
  RedefineKpi: ({ a, b }) => c.redefineKpi(of(pools.kpi, a), { target: { value: b % 40, by: day(800) } }),
  MeasureKpi: ({ a, b, b0, good }) =>
    c.measure(of(pools.kpi, a), {
      value: b % 50,
      // Some with a comparison group; a random one sometimes leaves the comparison out, which is refused.
      ...(b0 % 3 === 1 ? { method: "ab_test", comparison: b0 % 40, sampleSize: 100, comparisonSampleSize: 90 } : {}),
      ...(b0 % 3 === 2 ? (good ? { method: "before_after" } : { method: "randomised_trial" }) : {}),
    }),
  CorrectKpiMeasurement: ({ a, b, history }) => {
    const measured = history.filter((x) => x.type === "KpiMeasured");
    return c.correct(measured.length > 0 ? (measured[a % measured.length] as Envelope<ProjectEvent>).id : "missing", { kpiId: of(pools.kpi, b) });
  },
  StartPilot: ({ a, b0, t, good }) =>
    c.startPilot({
      entityIds: [of(pools.entity, good ? 0 : a)],
      plannedEnd: day(t + 1 + (b0 % 90)),
      // Some projects run named pilots side by side.
      ...(b0 % 4 === 3 ? { pilotId: of(pools.pilot, a) } : {}),
      ...(b0 % 3 === 0 ? {} : { territory: of(pools.territory, a) }),
    }),
  EndPilot: ({ a, b0 }) => c.endPilot(b0 % 4 === 3 ? { pilotId: of(pools.pilot, a) } : {}),
  PublishEvaluation: ({ a, b0, d0, e, good }) => {
    // A project history holds no replication of itself, so a level the log backs is 3 at most; a random
    // command sometimes types replications or claims more, which is refused.
    const design = { method: of(pools.method, good ? 4 - (d0 % 3) : d0), independentReplications: good ? 0 : e % 3 };
    const claim = 1 + (b0 % 5);
    const evidenceLevel = good || b0 % 4 !== 3 ? Math.min(claim, supportedEvidenceLevel(design)) : claim;
    return c.evaluate(of(pools.evaluation, good ? 0 : a), {
      evidenceLevel,
      method: design.method,
      ...(design.independentReplications > 0 ? { independentReplications: design.independentReplications } : {}),
    });
  },
  UpdateAdoption: ({ a, b0, t, good }) =>
    c.updateAdoption(of(pools.adoptionStatus, a), {
      // A random change sometimes goes live later than it is recorded, which is refused.
      ...(of(pools.adoptionStatus, a) === "live" ? { goLiveAt: day(good || b0 % 5 !== 4 ? t : t + 30) } : {}),
    }),
  RecordAdoption: ({ a, b, b0, t }) =>
    c.adopt({
      sites: a % 20,
      usersCovered: b * 10,
      ...(b0 % 3 === 0 ? {} : { territory: of(pools.territory, b0) }),
      ...(b0 % 4 === 1 ? { status: "committed", goLiveAt: day(t + 60) } : b0 % 4 !== 3 ? { status: "live", goLiveAt: day(t) } : {}),
    }),
};

/** A schema-valid command of the given type, its details drawn from small pools so references often hit. */
const build = (type: Type, p: number[], state: ProjectState, history: readonly Envelope<ProjectEvent>[], good: boolean, t: number): CommandInput => {
  const [a = 0, b0 = 0, d0 = 0, e = 0] = p;
  return builders[type]({ a, b: good ? 0 : b0, d: good ? 0 : d0, e, b0, d0, state, history, good, t });
};
// Public entities that civil servants come from, and that no project names otherwise.
const affiliations = ["ent-region", "ent-town"];
// A citizen, and another person in a role drawn by `n` (a civil servant comes from a public entity).
const attendance = (sessionId: string, refs: readonly string[], n: number): CommandInput => {
  const roles = [of(pools.participantRole, 0), of(pools.participantRole, n + 1)];
  const attendees = [...new Set(refs)].map((participantRef, i) => {
    const role = roles[i] ?? "citizen";
    return { participantRef, role, ...(role === "civil_servant" ? { affiliationEntityId: of(affiliations, n) } : {}) };
  });
  return c.attend(sessionId, [], "citizen", { attendees });
};

const projectGate = (s: ProjectState): Gate => exitGate(s.stage);

const progress: readonly Type[] = [
  "AcceptChallenge",
  "RecordEntityJoined",
  "RecordGateDecision",
  "AdvanceStage",
  "ScheduleSession",
  "RecordAttendance",
  "CloseSession",
  "DefineKpi",
  "ContractProcurement",
  "StartPilot",
  "EndPilot",
  "PublishEvaluation",
  "RecordAdoption",
  "MainstreamProject",
  "ResumeProject",
];

/** The command that moves a project towards its next gate, as a planner would choose it. */
// What a pause turns into when the project does not come back from it.
const endOfPause = {
  procurement: "procurement_failed",
  entity_reluctance: "entity_reluctance",
  funding: "funding_withdrawn",
  legal: "legal_obstacle",
  other: "superseded",
} as const satisfies Record<PauseReason, string>;

const drive = (s: ProjectState, allowed: readonly Type[], n: number): CommandInput | undefined => {
  if (s.status === "paused") {
    const reason = s.pauses.at(-1)?.reason;
    if (n % 6 !== 0 || reason === undefined) return c.resume();
    // A pause for some other reason ends for a reason of its own as often as because the work was superseded.
    return c.discontinue({ reasonCode: reason === "other" && n % 12 === 0 ? "other" : endOfPause[reason] });
  }
  if (allowed.includes("PivotProject")) return c.pivot();
  if (currentDecision(s)?.outcome === "no_go") return c.discontinue({ reasonCode: "no_go_at_gate" });
  // A failed pilot ends the project more often than not.
  if (s.evaluations.at(-1)?.outcome === "failed" && n % 2 === 0 && allowed.includes("DiscontinueProject"))
    return c.discontinue({ reasonCode: "evaluation_failed" });
  if (allowed.includes("MainstreamProject")) return c.mainstream();
  if (allowed.includes("AdvanceStage")) return c.advance();
  const gate = nextSteps(s).gate;
  if (gate === null) return undefined;
  if (gate.missing.length === 0) {
    // A board mostly says go; sometimes it sends the project back, holds it, or attaches conditions.
    const back = pivotTarget(s.stage);
    if (n % 7 === 1 && back !== undefined) return c.gate(gate.gate, "recycle", { recycleTo: back, rationale: "Back one stage to rework it." });
    if (n % 7 === 2) return c.gate(gate.gate, "hold");
    if (n % 7 === 3) return c.gate(gate.gate, "conditional_go", { conditions: ["A named service owner."] });
    if (n % 29 === 4) return c.gate(gate.gate, "no_go", { rationale: "The case for going on was not made." });
    return c.gate(gate.gate);
  }
  const sessions = [...s.sessions.entries()];
  const open = sessions.find(([, x]) => x.status === "scheduled" && x.stage === s.stage);
  switch (gate.missing[0]) {
    case "challenge_accepted":
      return c.accept();
    case "sponsor_committed":
      return c.join("ent-sponsor", "sponsor");
    case "citizen_session_closed": {
      // Every second session a planner holds is a training for civil servants.
      if (open === undefined)
        return c.schedule(pools.session.find((id) => !s.sessions.has(id)) ?? "s-extra", {
          scheduledFor: day(0),
          ...(s.sessions.size % 2 === 1 ? { kind: "training" } : {}),
        });
      return open[1].attendees.size === 0 ? attendance(open[0], [of(pools.refs, n), of(pools.refs, n + 1)], 0) : c.close(open[0]);
    }
    case "kpi_with_baseline_and_target":
      return c.defineKpi(pools.kpi.find((id) => !s.kpis.has(id)) ?? "k-extra");
    case "procurements_settled":
      return c.contract([...s.procurements.entries()].find(([, p]) => p.status === "requested")?.[0]);
    case "pilot_ended": {
      if (s.pilots.size === 0) return c.startPilot();
      const running = [...s.pilots.values()].find((p) => p.endedAt === null);
      return c.endPilot(running?.pilotId ? { pilotId: running.pilotId } : {});
    }
    case "evaluation_success_or_partial":
      return c.evaluate("success");
    case "adoption_recorded":
      return c.adopt();
    default:
      return undefined;
  }
};

const endings: readonly Type[] = ["RejectChallenge", "DiscontinueProject"];

/** One generated step: which kind of command to pick, with which numbers, as which role, how many days later. */
export interface StepInput {
  anyCommand: number;
  pick: number;
  params: number[];
  role: number;
  days: number;
  /**
   * Days before the step's day that the command says it happened (`occurredAt`); 0 or absent for
   * "now". Backdated records are how facts get recorded after later-dated ones.
   */
  backdate?: number;
}

/** What happens at each step of a played history, for tests that check every step. */
export interface PlayHooks {
  /** A command was accepted: the state before, the events it produced and the state after. */
  readonly onAccepted?: (step: { type: string; before: ProjectState; events: readonly Envelope<ProjectEvent>[]; after: ProjectState }) => void;
  /** A command was refused (with a `DomainError` value, never a throw). */
  readonly onRefused?: (step: { type: string; command: CommandInput; error: DomainError }) => void;
}

/**
 * Play generated steps against the project decider: mostly commands whose preconditions hold (a
 * planner drives the project towards its next gate part of the time), sometimes any command, as
 * mostly a permitted role. Every accepted event is one the rules produced, so the history is
 * reachable. Returns the history and the final state.
 */
export const playProject = (
  steps: readonly StepInput[],
  hooks: PlayHooks = {},
  projectId = "p1",
  options: { readonly startDay?: number } = {},
): { history: Envelope<ProjectEvent>[]; state: ProjectState } => {
  const history: Envelope<ProjectEvent>[] = [];
  const ids = sequentialIds(`${projectId}-ev`);
  let state = fold(projectDecider, []);
  let t = options.startDay ?? 0;
  for (const s of steps) {
    // Endings are drawn rarely, or few runs would get past the challenge stage.
    const allowed = nextSteps(state).allowed.filter((x) => !endings.includes(x) || s.pick % 10 === 0);
    const forward = allowed.filter((x) => progress.includes(x));
    const mode =
      s.anyCommand === 0 || allowed.length === 0 ? "any" : s.anyCommand <= 2 ? "drive" : s.anyCommand <= 5 && forward.length > 0 ? "forward" : "allowed";
    const anyType = allTypes.filter((x) => !endings.includes(x) || s.pick % 10 === 0);
    const driven = mode === "drive" ? drive(state, allowed, s.params[0] ?? 0) : undefined;
    const pool = mode === "any" ? anyType : mode === "allowed" || forward.length === 0 ? allowed : forward;
    const type = (driven?.type as Type | undefined) ?? of(pool, s.pick);
    t += s.days;
    const built = driven ?? build(type, s.params, state, history, mode === "forward" || mode === "drive", t);
    const dated = s.backdate !== undefined && s.backdate > 0 ? { ...built, occurredAt: day(t - s.backdate) } : built;
    const command = projectId === "p1" ? dated : { ...dated, projectId };
    // Mostly a role the table allows; sometimes any role, the auditor included.
    const role = s.role < 17 ? of(permissions[type], s.pick) : of(ActorRole.options, s.role);
    const before = state;
    // Gate decisions are mostly recorded by their approver; sometimes by someone else, which is refused.
    const actorId = type === "RecordGateDecision" && s.role % 5 !== 4 ? "dm-1" : `${role}-1`;
    const r = executeOn(
      projectDecider,
      { state, version: history.length },
      [],
      command,
      fixedContext({ at: day(t), actor: { id: actorId, role }, newId: ids }),
    );
    if (!r.ok) {
      hooks.onRefused?.({ type, command, error: r.error });
      continue;
    }
    history.push(...r.value.events);
    state = r.value.state;
    hooks.onAccepted?.({ type, before, events: r.value.events, after: state });
  }
  return { history, state };
};
