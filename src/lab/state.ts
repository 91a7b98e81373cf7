import type * as z from "zod";
import type { AnonymousHeadcount, Approver, Baseline, Target } from "./events.js";
import type { Money } from "./values.js";
import type {
  DiscontinuationReason,
  EntityKind,
  EntityLevel,
  EntityRole,
  EvaluationOutcome,
  Facet,
  Gate,
  GateOutcome,
  KpiCategory,
  KpiDirection,
  ParticipantRole,
  PauseReason,
  ProcurementProcedure,
  ScaleType,
  Sector,
  SessionKind,
  SessionMode,
  Stage,
  Status,
} from "./vocabulary.js";

/** A stretch of time spent in a stage. */
export interface StageSpan {
  stage: Stage;
  enteredAt: string;
  leftAt: string | null;
}

/** A pause: why, in which stage, from when to when (open while paused). */
export interface Pause {
  reason: PauseReason;
  stage: Stage;
  from: string;
  to: string | null;
}

/** A recorded gate decision, in the stage it was taken. */
export interface GateDecision {
  eventId: string;
  gate: Gate;
  stage: Stage;
  /** Index into `stages` of the stay in which it was taken: a decision counts only for that stay. */
  span: number;
  outcome: GateOutcome;
  approvers: z.infer<typeof Approver>[];
  rationale: string | null;
  evidence: string[];
  conditions: string[];
  recycleTo: Stage | null;
  occurredAt: string;
  actorId: string;
}

/** An organisation's part in the project. */
export interface Membership {
  roles: EntityRole[];
  active: boolean;
  joinedAt: string;
}

/** A session and who attended it. */
export interface Session {
  kind: SessionKind;
  mode: SessionMode;
  scheduledFor: string;
  /** The stage the project was in when the session was scheduled. */
  stage: Stage;
  status: "scheduled" | "closed" | "cancelled";
  /** Participant reference → role held in this session. */
  attendees: Map<string, ParticipantRole>;
  /** When the latest attendance was recorded as happening: the session cannot close before it. */
  lastAttendanceAt: string | null;
  headcount: z.infer<typeof AnonymousHeadcount> | null;
  contributions: number;
}

/** A procurement and how it ended. */
export interface Procurement {
  procedure: ProcurementProcedure;
  estimatedValue: Money;
  status: "requested" | "contracted" | "cancelled";
  requestedAt: string;
  settledAt: string | null;
  supplierEntityId: string | null;
  value: Money | null;
}

/** One measurement of a KPI, with its latest correction. */
export interface Measurement {
  eventId: string;
  value: number;
  periodStart: string;
  periodEnd: string;
  correctedValue: number | null;
}

/** A KPI as currently defined, with its measurements. */
export interface Kpi {
  name: string;
  category: KpiCategory;
  unit: string;
  direction: KpiDirection;
  baseline: z.infer<typeof Baseline>;
  target: z.infer<typeof Target>;
  measurements: Measurement[];
  redefinitions: number;
}

/** The pilot. */
export interface Pilot {
  startedAt: string;
  plannedEnd: string;
  sites: number;
  entityIds: string[];
  endedAt: string | null;
}

/** A published evaluation. */
export interface Evaluation {
  outcome: EvaluationOutcome;
  evidenceLevel: number;
  reportRef: string;
  at: string;
}

/** An adoption of the solution. */
export interface Adoption {
  entityId: string;
  scaleType: ScaleType;
  sites: number;
  usersCovered: number;
  at: string;
}

/** Everything known about one project (stream `project:<id>`). */
export interface ProjectState {
  /** False until the challenge is submitted. */
  submitted: boolean;
  projectId: string;
  title: string;
  sector: Sector | null;
  ownerEntityId: string;
  leadId: string;
  facet: Facet | null;
  submittedAt: string;
  accepted: boolean;
  /** The one active stage (the last one, once the project has ended). */
  stage: Stage;
  status: Status;
  stageEnteredAt: string;
  stages: StageSpan[];
  pauses: Pause[];
  decisions: GateDecision[];
  entities: Map<string, Membership>;
  declined: Map<string, { reason: string; at: string }>;
  sessions: Map<string, Session>;
  procurements: Map<string, Procurement>;
  kpis: Map<string, Kpi>;
  /** The pilot of the current stay in pilot (a pivot back and a new entry into pilot start afresh). */
  pilot: Pilot | null;
  /** Pilots of earlier stays in pilot. */
  pastPilots: Pilot[];
  evaluations: Evaluation[];
  adoptions: Adoption[];
  discontinuation: { reasonCode: DiscontinuationReason; lessons: string; at: string } | null;
  mainstreamedAt: string | null;
}

/** The state of a project stream with no events. */
export const initialProjectState: ProjectState = {
  submitted: false,
  projectId: "",
  title: "",
  sector: null,
  ownerEntityId: "",
  leadId: "",
  facet: null,
  submittedAt: "",
  accepted: false,
  stage: "challenge",
  status: "active",
  stageEnteredAt: "",
  stages: [],
  pauses: [],
  decisions: [],
  entities: new Map(),
  declined: new Map(),
  sessions: new Map(),
  procurements: new Map(),
  kpis: new Map(),
  pilot: null,
  pastPilots: [],
  evaluations: [],
  adoptions: [],
  discontinuation: null,
  mainstreamedAt: null,
};

/** An organisation in the register (stream `entity:<id>`). */
export interface EntityState {
  registered: boolean;
  entityId: string;
  name: string;
  kind: EntityKind | null;
  level: EntityLevel | null;
  sector: Sector | null;
}

/** The state of an entity stream with no events. */
export const initialEntityState: EntityState = { registered: false, entityId: "", name: "", kind: null, level: null, sector: null };

/** A participant reference's erasure status (stream `participant:<ref>`). */
export interface ParticipantState {
  forgotten: boolean;
  forgottenAt: string | null;
}

/** The state of a participant stream with no events. */
export const initialParticipantState: ParticipantState = { forgotten: false, forgottenAt: null };

/** Is the project over for good? */
export const isTerminal = (s: Pick<ProjectState, "status">): boolean => s.status === "mainstreamed" || s.status === "discontinued";
