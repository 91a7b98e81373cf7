import { deepFreeze, type Immutable } from "../kernel/index.js";
import type { EventData } from "./events.js";
import type { DeclineReason, DiscontinuationReason, EntityRole, ParticipantRole, PauseReason, Stage, Status } from "./vocabulary.js";

// States are read-only types (the library freezes them); recipes change a `Draft` of them. Their
// fields come from the events' data wherever an event already says what they are.

/** A stretch of time spent in a stage. */
export type StageSpan = Immutable<{ stage: Stage; enteredAt: string; leftAt: string | null }>;

/**
 * A pause: why, in which stage, from when to when (open while paused), how it ended — work resumed,
 * or the project ended while paused ("closure": it never resumed) — and when it was expected to end, if said.
 */
export type Pause = Immutable<{
  reason: PauseReason;
  stage: Stage;
  from: string;
  to: string | null;
  endedBy: "resumption" | "closure" | null;
  expectedResumeAt: string | null;
}>;

/**
 * Where a project is in its lifecycle: its stage and status, every stay in a stage, every pause,
 * and how it ended. One recipe keeps it (`evolveStays`), for the project's own state and for the
 * portfolio alike.
 */
export type Stays = Immutable<{
  /** The one active stage (the last one, once the project has ended). */
  stage: Stage;
  status: Status;
  stageEnteredAt: string;
  stages: StageSpan[];
  pauses: Pause[];
  discontinuation: { reasonCode: DiscontinuationReason; lessons: string; stage: Stage; at: string } | null;
  mainstreamedAt: string | null;
}>;

/** A recorded gate decision, in the stage it was taken. */
export type GateDecision = Immutable<
  Pick<EventData<"GateDecisionRecorded">, "gate" | "outcome" | "approvers" | "evidence"> & {
    eventId: string;
    stage: Stage;
    /** Index into `stages` of the stay in which it was taken: a decision counts only for that stay. */
    span: number;
    rationale: string | null;
    conditions: string[];
    recycleTo: Stage | null;
    occurredAt: string;
    actorId: string;
  }
>;

/** When something happened, and the event that says so: what a refusal names when a later event depends on it. */
export type Stamp = Immutable<{ at: string; eventId: string }>;

/** An organisation's part in the project: each role it holds, with when it took it (a return after leaving starts afresh). */
export type Membership = Immutable<{ roles: Map<EntityRole, Stamp>; active: boolean; joined: Stamp }>;

/** A session and who attended it. */
export type Session = Immutable<
  Pick<EventData<"SessionScheduled">, "kind" | "mode" | "scheduledFor"> & {
    /** The stage the project was in when the session was scheduled. */
    stage: Stage;
    status: "scheduled" | "closed" | "cancelled";
    /** Participant reference → role held in this session. */
    attendees: Map<string, ParticipantRole>;
    /** The `SessionScheduled` event that planned it. */
    scheduledEventId: string;
    /** When it was held and closed, once closed. */
    closed: Stamp | null;
    headcount: EventData<"SessionClosed">["anonymousHeadcount"] | null;
    contributions: number;
  }
>;

/** A procurement and how it ended. */
export type Procurement = Immutable<
  Pick<EventData<"ProcurementRequested">, "procedure" | "estimatedValue"> & {
    status: "requested" | "contracted" | "cancelled";
    requestedAt: string;
    settledAt: string | null;
    /** The event that contracted or cancelled it. */
    settledEventId: string | null;
    supplierEntityId: string | null;
    value: EventData<"ProcurementContracted">["value"] | null;
  }
>;

/** One measurement of a KPI, with its latest correction. */
export type Measurement = Immutable<Pick<EventData<"KpiMeasured">, "value" | "periodStart" | "periodEnd"> & { eventId: string; correctedValue: number | null }>;

/** What a KPI is: its definition, as defined and then redefined (`redefineKpi` applies a change). */
export type KpiDefinition = Immutable<Pick<EventData<"KpiDefined">, "name" | "category" | "unit" | "direction" | "baseline" | "target">>;

/** A KPI as currently defined, with its measurements. */
export type Kpi = Immutable<KpiDefinition & { defined: Stamp; measurements: Measurement[]; redefinitions: number }>;

/** A pilot, named by its `pilotId` when the project runs several. */
export type Pilot = Immutable<
  Pick<EventData<"PilotStarted">, "plannedEnd" | "sites" | "entityIds"> & {
    pilotId: string | null;
    startedAt: string;
    startedEventId: string;
    endedAt: string | null;
    endedEventId: string | null;
  }
>;

/** A published evaluation. */
export type Evaluation = Immutable<Omit<EventData<"EvaluationPublished">, "projectId"> & { at: string; eventId: string }>;

/** An adoption of the solution. */
export type Adoption = Immutable<Omit<EventData<"AdoptionRecorded">, "projectId"> & { at: string; eventId: string }>;

/** Money set aside for the project. */
export type Budget = Immutable<Pick<EventData<"BudgetAllocated">, "source" | "amount" | "fiscalYear"> & { allocatedAt: string }>;
/** Money spent, and the budget it was charged to. */
export type Cost = Immutable<Pick<EventData<"CostRecorded">, "budgetId" | "category" | "amount"> & { procurementId: string | null; at: string }>;

/** Everything known about one project (stream `project:<id>`). */
export type ProjectState = Immutable<
  Stays &
    Pick<EventData<"ChallengeSubmitted">, "projectId" | "title" | "ownerEntityId" | "leadId"> & {
      /** False until the challenge is submitted. */
      submitted: boolean;
      sector: EventData<"ChallengeSubmitted">["sector"] | null;
      facet: NonNullable<EventData<"ChallengeSubmitted">["facet"]> | null;
      submittedAt: string;
      /** The event that submitted the challenge ("" before). */
      submittedEventId: string;
      /** When the challenge was accepted, or null. */
      accepted: Stamp | null;
      decisions: GateDecision[];
      entities: Map<string, Membership>;
      declined: Map<string, { reasonCode: DeclineReason; reason: string; at: string }>;
      sessions: Map<string, Session>;
      procurements: Map<string, Procurement>;
      budgets: Map<string, Budget>;
      costs: Map<string, Cost>;
      kpis: Map<string, Kpi>;
      /** The pilots of the current stay in pilot, by `pilotId` (`pilot` for an unnamed one); a pivot back and a new entry into pilot start afresh. */
      pilots: Map<string, Pilot>;
      /** Pilots of earlier stays in pilot. */
      pastPilots: Pilot[];
      evaluations: Evaluation[];
      adoptions: Adoption[];
      /**
       * The latest business time of the facts later events depend on, by dependency and key (see
       * `causality`): what the rule "nothing occurs before what it depends on" reads.
       */
      facts: Map<string, Cause>;
    }
>;

/** An event a later one depends on: which, and when it happened. */
export type Cause = Immutable<{ type: string; eventId: string; at: string }>;

/** Where a project's lifecycle starts: nowhere yet (the challenge is submitted into `challenge`). */
export const initialStays: Stays = deepFreeze({
  stage: "challenge",
  status: "active",
  stageEnteredAt: "",
  stages: [],
  pauses: [],
  discontinuation: null,
  mainstreamedAt: null,
});

/** The state of a project stream with no events. Frozen: it is shared by every rebuild. */
export const initialProjectState: ProjectState = deepFreeze({
  ...initialStays,
  submitted: false,
  projectId: "",
  title: "",
  sector: null,
  ownerEntityId: "",
  leadId: "",
  facet: null,
  submittedAt: "",
  submittedEventId: "",
  accepted: null,
  decisions: [],
  entities: new Map(),
  declined: new Map(),
  sessions: new Map(),
  procurements: new Map(),
  budgets: new Map(),
  costs: new Map(),
  kpis: new Map(),
  pilots: new Map(),
  pastPilots: [],
  evaluations: [],
  adoptions: [],
  facts: new Map(),
});

/** An organisation in the register (stream `entity:<id>`). */
export type EntityState = Immutable<
  { registered: boolean } & Pick<EventData<"EntityRegistered">, "entityId" | "name"> & {
      kind: EventData<"EntityRegistered">["kind"] | null;
      level: NonNullable<EventData<"EntityRegistered">["level"]> | null;
      sector: EventData<"EntityRegistered">["sector"] | null;
      territory: string | null;
    }
>;

/** The state of an entity stream with no events. */
export const initialEntityState: EntityState = deepFreeze({
  registered: false,
  entityId: "",
  name: "",
  kind: null,
  level: null,
  sector: null,
  territory: null,
});

/** A participant reference's erasure status (stream `participant:<ref>`). */
export type ParticipantState = Immutable<{ forgotten: boolean; forgottenAt: string | null }>;

/** The state of a participant stream with no events. */
export const initialParticipantState: ParticipantState = deepFreeze({ forgotten: false, forgottenAt: null });

/** Is the project over for good? */
export const isTerminal = (s: Pick<ProjectState, "status">): boolean => s.status === "mainstreamed" || s.status === "discontinued";
