import type { Draft } from "immer";
import { type Emitted, type Envelope, isBefore, type RuleViolation } from "../../kernel/index.js";
import type { LabRuleCode, ProjectEvent, ProjectState } from "../catalogue/index.js";
import { pilotEnding, pilotKey } from "../pilots/index.js";
import { hasBegun } from "../sessions/index.js";
import type { LabContext } from "../register.js";
import { gateRequirements, type Held, type Requirement, requirementAt } from "../lifecycle/index.js";
import { labRule, type Stamp } from "../shared/index.js";

/** The type of a project event. */
export type ProjectEventType = ProjectEvent["type"];
/** The data of a project event of one type. */
export type ProjectEventData<T extends ProjectEventType> = Extract<ProjectEvent, { type: T }>["data"];
/** The keys under which an event names the facts it depends on, or establishes: a procurement id, a stay, a pilot. */
export type CausalKeys<T extends ProjectEventType> = (data: ProjectEventData<T>, s: ProjectState, eventId: string) => readonly string[];

/**
 * "X depends on Y": an event of type `effect` names earlier facts of type `cause` (through `via`),
 * and may not be dated before any of them. `date` says which of the effect's times is compared
 * (its business time unless said otherwise).
 */
export interface DependsOn<X extends ProjectEventType = ProjectEventType, Y extends ProjectEventType = ProjectEventType> {
  readonly effect: X;
  readonly cause: Y;
  /** What links the two, in words (usually the field both carry). */
  readonly via: string;
  readonly effectKeys: CausalKeys<X>;
  readonly causeKeys: CausalKeys<Y>;
  /** The effect's time compared with the cause's business time: `occurredAt`, or a date in its data. */
  readonly date?: (data: ProjectEventData<X>) => string | undefined;
  readonly dateName?: string;
  readonly code: LabRuleCode;
}

/**
 * "X requires a state": an event of type `effect` may only be dated once a state of the lab held —
 * a pilot started, a sponsor committed, an organisation registered, a gate's requirements met.
 */
export interface Requires<X extends ProjectEventType = ProjectEventType> {
  readonly effect: X;
  /** The state, in words. */
  readonly what: string;
  /**
   * The later fact an event dated `at` would rely on before it happened, or undefined when the state
   * held by then (or the row does not apply: a missing state is refused by the command's own rule).
   */
  readonly lacking: (data: ProjectEventData<X>, s: ProjectState, ctx: LabContext, at: string) => Held | undefined;
  readonly code: LabRuleCode;
}

const field =
  <K extends string>(name: K) =>
  (data: Readonly<Record<string, unknown>>): readonly string[] => {
    const v = data[name];
    return typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  };
const project = (): readonly string[] => [""];
const stay = (_d: unknown, s: ProjectState): readonly string[] => [String(s.stages.length - 1)];

const after = <X extends ProjectEventType, Y extends ProjectEventType>(
  effect: X,
  cause: Y,
  via: string,
  keys: { readonly effectKeys: CausalKeys<X>; readonly causeKeys: CausalKeys<Y> },
  more: Partial<Pick<DependsOn<X, Y>, "code" | "date" | "dateName">> = {},
): DependsOn => ({ effect, cause, via, code: "occurred_before_cause", ...keys, ...more }) as unknown as DependsOn;

const same = (name: string) => ({ effectKeys: field(name), causeKeys: field(name) });
const byProject = { effectKeys: project, causeKeys: project };
const byStay = { effectKeys: stay, causeKeys: stay };

/**
 * The dependencies between events as data: for every event that names an earlier fact — a
 * procurement, a budget, a pilot, a session, a KPI, a measurement, an adoption, a membership, a
 * pause, a gate decision — the events it depends on. One rule reads it (`causalityProblem`):
 * nothing may occur, in business time, before what it depends on. The README's table is generated
 * from it.
 */
export const dependencies: readonly DependsOn[] = [
  after("ProcurementContracted", "ProcurementRequested", "procurementId", same("procurementId")),
  after("ProcurementCancelled", "ProcurementRequested", "procurementId", same("procurementId")),
  after("CostRecorded", "BudgetAllocated", "budgetId", same("budgetId")),
  after("CostRecorded", "ProcurementRequested", "procurementId", same("procurementId")),
  after("PilotEnded", "PilotStarted", "the pilot it ends (pilotId)", {
    effectKeys: (d, s) => {
      const ending = pilotEnding(s.pilots, d.pilotId);
      return ending.ok ? [ending.value] : [];
    },
    causeKeys: (d) => [pilotKey(d.pilotId)],
  }),
  after("EntityLeft", "PilotStarted", "entityId (a pilot's entityIds)", { effectKeys: field("entityId"), causeKeys: field("entityIds") }),
  after("AttendanceRecorded", "SessionScheduled", "sessionId", same("sessionId")),
  after("SessionClosed", "SessionScheduled", "sessionId", same("sessionId")),
  after("SessionClosed", "AttendanceRecorded", "sessionId", same("sessionId"), { code: "closed_before_attendance" }),
  after("SessionCancelled", "SessionScheduled", "sessionId", same("sessionId")),
  after("SessionCancelled", "AttendanceRecorded", "sessionId", same("sessionId")),
  after("KpiRedefined", "KpiDefined", "kpiId", same("kpiId")),
  after("KpiMeasured", "KpiDefined", "kpiId", same("kpiId")),
  after("KpiMeasurementCorrected", "KpiMeasured", "correctsEventId (the measurement's event id)", {
    effectKeys: field("correctsEventId"),
    causeKeys: (_d, _s, id) => [id],
  }),
  after("AdoptionStatusChanged", "AdoptionRecorded", "entityId", same("entityId")),
  after("AdoptionStatusChanged", "AdoptionStatusChanged", "entityId", same("entityId")),
  after("AdoptionStatusChanged", "AdoptionRecorded", "entityId", same("entityId"), {
    date: (d) => d.goLiveAt,
    dateName: "goLiveAt",
  }),
  after("EntityLeft", "EntityJoined", "entityId", same("entityId")),
  after("EntityJoined", "EntityLeft", "entityId", same("entityId")),
  after("EntityJoined", "EntityDeclined", "entityId", same("entityId")),
  after("EntityDeclined", "EntityLeft", "entityId", same("entityId")),
  after("ProjectResumed", "ProjectPaused", "the project", byProject, { code: "occurred_before_pause" }),
  after("ProjectPaused", "ProjectResumed", "the project", byProject),
  after("ProjectDiscontinued", "ProjectPaused", "the project", byProject),
  after("ProjectDiscontinued", "ProjectResumed", "the project", byProject),
  after("GateDecisionRecorded", "GateDecisionRecorded", "the stay in the stage", byStay),
  after("StageEntered", "GateDecisionRecorded", "the stay in the stage", byStay, { code: "occurred_before_decision" }),
  after("ProjectPivoted", "GateDecisionRecorded", "the stay in the stage", byStay, { code: "occurred_before_decision" }),
  after("ProjectMainstreamed", "GateDecisionRecorded", "the stay in the stage", byStay, { code: "occurred_before_decision" }),
];

const latestOf = (list: readonly Held[]): Held | undefined =>
  list.reduce<Held | undefined>((m, h) => (m === undefined || isBefore(m.at, h.at) ? h : m), undefined);
const stamped = (type: string, stamp: Stamp | null | undefined): Held[] => (stamp ? [{ at: stamp.at, type, eventId: stamp.eventId }] : []);
// The latest of some facts, when it comes after `at`: what an event dated `at` would rely on too early.
const later = (at: string, facts: readonly Held[]): Held | undefined => {
  const last = latestOf(facts);
  return last !== undefined && isBefore(at, last.at) ? last : undefined;
};

const requires = <X extends ProjectEventType>(
  effect: X,
  what: string,
  lacking: Requires<X>["lacking"],
  code: LabRuleCode = "occurred_before_cause",
): Requires => ({ effect, what, lacking, code }) as unknown as Requires;

// An event naming organisations requires each to have entered the register by its date.
const registered = <X extends ProjectEventType>(effect: X, who: string, ids: (d: ProjectEventData<X>) => readonly (string | undefined)[]): Requires =>
  requires(effect, `${who} registered`, (d, _s, ctx, at) =>
    later(
      at,
      ids(d).flatMap((id) => (id === undefined ? [] : stamped("EntityRegistered", ctx.register.entity(id)?.registered))),
    ),
  );

// A requirement of a gate, read as of a date: what made it hold later, if it did not hold then.
const lackingAt = (s: ProjectState, r: Requirement, at: string): Held | undefined => {
  const standing = requirementAt(s, r, at);
  return standing.held ? undefined : (standing.until ?? undefined);
};

/**
 * The states of the lab an event requires to have held by its date — the process's own order: an
 * evaluation after a pilot started, a pilot after its sponsor committed and its entities joined, a
 * go after the gate's requirements were met, a replication after its origin was accepted, an
 * organisation named only once registered, attendance and closing once the session's time has come.
 */
export const requirements: readonly Requires[] = [
  requires("EvaluationPublished", "a pilot of the stay in pilot started", (_d, s, _ctx, at) => {
    const starts = [...s.pilots.values()].map((p) => ({ at: p.startedAt, type: "PilotStarted", eventId: p.startedEventId }));
    return starts.some((p) => !isBefore(at, p.at))
      ? undefined
      : starts.reduce<Held | undefined>((m, h) => (m === undefined || isBefore(h.at, m.at) ? h : m), undefined);
  }),
  requires("PilotStarted", "its sponsor committed", (_d, s, _ctx, at) => lackingAt(s, "sponsor_committed", at)),
  requires("PilotStarted", "each of its entities joined the project (the owner, since the challenge)", (d, s, _ctx, at) =>
    later(
      at,
      d.entityIds.flatMap((id) =>
        id === s.ownerEntityId
          ? stamped("ChallengeSubmitted", { at: s.submittedAt, eventId: s.submittedEventId })
          : stamped("EntityJoined", s.entities.get(id)?.joined),
      ),
    ),
  ),
  requires("GateDecisionRecorded", "a go or conditional go: every requirement of its gate met", (d, s, _ctx, at) =>
    d.outcome === "go" || d.outcome === "conditional_go" ? latestOf(gateRequirements[d.gate].flatMap((r) => lackingAt(s, r, at) ?? [])) : undefined,
  ),
  requires("ChallengeSubmitted", "a replication: its origin's challenge accepted", (d, _s, ctx, at) =>
    d.replicationOf === undefined ? undefined : later(at, stamped("ChallengeAccepted", ctx.register.challenge(d.replicationOf)?.accepted)),
  ),
  requires("AttendanceRecorded", "the session's scheduled time came", (d, s, _ctx, at) => scheduled(s, d.sessionId, at), "session_not_held_yet"),
  requires("SessionClosed", "the session's scheduled time came", (d, s, _ctx, at) => scheduled(s, d.sessionId, at), "session_not_held_yet"),
  registered("ChallengeSubmitted", "its owner", (d) => [d.ownerEntityId]),
  registered("EntityJoined", "the organisation", (d) => [d.entityId]),
  registered("EntityDeclined", "the organisation", (d) => [d.entityId]),
  registered("ProcurementContracted", "the supplier", (d) => [d.supplierEntityId]),
  registered("GateDecisionRecorded", "the approvers' organisations", (d) => d.approvers.map((a) => a.entityId)),
  registered("AttendanceRecorded", "the attendees' organisations", (d) => d.attendees.map((a) => a.affiliationEntityId)),
  registered("PilotStarted", "its entities", (d) => d.entityIds),
  registered("AdoptionRecorded", "the adopter", (d) => [d.entityId]),
];

// A session's scheduled time, when it comes after `at`.
function scheduled(s: ProjectState, sessionId: string, at: string): Held | undefined {
  const x = s.sessions.get(sessionId);
  return x === undefined || hasBegun(x, at) ? undefined : { at: x.scheduledFor, type: "SessionScheduled (its scheduledFor)", eventId: x.scheduledEventId };
}

const byCause = new Map<string, DependsOn[]>();
const byEffect = new Map<string, DependsOn[]>();
const requiredBy = new Map<string, Requires[]>();
for (const d of dependencies) {
  byCause.set(d.cause, [...(byCause.get(d.cause) ?? []), d]);
  byEffect.set(d.effect, [...(byEffect.get(d.effect) ?? []), d]);
}
for (const r of requirements) requiredBy.set(r.effect, [...(requiredBy.get(r.effect) ?? []), r]);

const factKey = (d: DependsOn, key: string): string => `${d.cause}|${d.via}|${key}`;

/**
 * Keep the latest business time of every fact later events depend on (a recipe, run by the project
 * decider's evolve for every event): the state `causalityProblem` reads.
 */
export const recordCauses = (s: Draft<ProjectState>, e: Envelope<ProjectEvent>): void => {
  const rows = byCause.get(e.type);
  if (rows === undefined) return;
  for (const d of rows) {
    for (const key of d.causeKeys(e.data as never, s as ProjectState, e.id)) {
      const k = factKey(d, key);
      const known = s.facts.get(k);
      if (known === undefined || isBefore(known.at, e.occurredAt)) s.facts = s.facts.set(k, { type: e.type, eventId: e.id, at: e.occurredAt });
    }
  }
};

const before = (
  code: LabRuleCode,
  what: string,
  effect: string,
  at: string,
  cause: { type: string; at: string; eventId?: string },
): RuleViolation<LabRuleCode> =>
  labRule(
    code,
    `The ${effect} is dated ${at}, before ${what}: ${cause.type}${cause.eventId === undefined ? "" : ` (event ${cause.eventId})`} happened on ${cause.at}. ` +
      "Nothing may happen before what it depends on; check the dates.",
    { effect, occurredAt: at, cause: cause.type, causeAt: cause.at, ...(cause.eventId === undefined ? {} : { causeEventId: cause.eventId }) },
  );

/**
 * Whether events a command would emit occur before something they depend on (`dependencies`) or
 * before a state they require held (`requirements`): the first such refusal, naming both events.
 *
 * @example
 * const value = { amount: 1, currency: "EUR" };
 * const contract = { type: "ProcurementContracted", data: { projectId: "p-1", procurementId: "r1", supplierEntityId: "acme", value } } as const;
 * causalityProblem([contract], state, ctx, "2019-03-01T00:00:00Z")
 * // a refusal, occurred_before_cause, if r1 was requested after 1 March 2019
 */
export const causalityProblem = (
  events: readonly Emitted<ProjectEvent>[],
  s: ProjectState,
  ctx: LabContext,
  at: string,
): RuleViolation<LabRuleCode> | undefined => {
  for (const e of events) {
    const when = e.occurredAt ?? at;
    for (const d of byEffect.get(e.type) ?? []) {
      const date = d.date === undefined ? when : d.date(e.data as never);
      if (date === undefined) continue;
      for (const key of d.effectKeys(e.data as never, s, "")) {
        const cause = s.facts.get(factKey(d, key));
        if (cause !== undefined && isBefore(date, cause.at)) {
          return before(
            d.code,
            `the ${cause.type} it depends on through ${d.via}`,
            d.dateName === undefined ? e.type : `${e.type}'s ${d.dateName}`,
            date,
            cause,
          );
        }
      }
    }
    for (const r of requiredBy.get(e.type) ?? []) {
      const lacking = r.lacking(e.data as never, s, ctx, when);
      if (lacking !== undefined) return before(r.code, r.what, e.type, when, lacking);
    }
  }
  return undefined;
};
