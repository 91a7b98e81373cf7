import * as z from "zod";
import { defineEvent, type EventOf, Id, Instant } from "../kernel/index.js";
import {
  canonicalRef,
  Count,
  EntityId,
  EvidenceRefs,
  Money,
  ParticipantRef,
  PersonId,
  ProjectId,
  StoredParticipantRef,
  TerritoryCode,
  Text,
} from "./values.js";
import {
  ActorRole,
  AdoptionStatus,
  AgeBand,
  CostCategory,
  DeclineReason,
  DiscontinuationReason,
  EntityKind,
  EntityLevel,
  EntityRole,
  EvaluationOutcome,
  EvidenceMethod,
  Facet,
  FundingSource,
  Gate,
  Gender,
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
} from "./vocabulary.js";

const project = { projectId: ProjectId };

/** An organisation enters the register (stream `entity:<id>`). */
export const EntityRegisteredData = z.strictObject({
  entityId: EntityId,
  name: Text(200).describe("the organisation's name, never a person's"),
  kind: EntityKind,
  level: EntityLevel.optional().describe("public entities only"),
  sector: Sector,
  territory: TerritoryCode.optional().describe("where the organisation sits (its seat)"),
});

/** A challenge is submitted: the project exists, in stage `challenge`. */
export const ChallengeSubmittedData = z.strictObject({
  ...project,
  title: Text(200),
  problemStatement: Text(4000),
  sector: Sector,
  ownerEntityId: EntityId,
  leadId: PersonId,
  facet: Facet.optional(),
  replicationOf: ProjectId.optional().describe("the project whose solution this one replicates, for another entity"),
});

/** The lab accepts the challenge (a G1 requirement). */
export const ChallengeAcceptedData = z.strictObject({ ...project });
/** The lab rejects the challenge at intake; the project is then discontinued. */
export const ChallengeRejectedData = z.strictObject({ ...project, reason: Text(1000) });

/** An organisation joins the project in a role. */
export const EntityJoinedData = z.strictObject({ ...project, entityId: EntityId, role: EntityRole });
/** An organisation leaves the project (every role it held). */
export const EntityLeftData = z.strictObject({ ...project, entityId: EntityId, reason: Text(1000).optional() });
/** An organisation that was asked declines to take part (schema version 1: the reason as free text only). */
export const EntityDeclinedDataV1 = z.strictObject({ ...project, entityId: EntityId, reason: Text(1000) });
/** An organisation that was asked declines to take part (schema version 2: with a reason code, so reluctance can be counted by reason). */
export const EntityDeclinedData = EntityDeclinedDataV1.extend({ reasonCode: DeclineReason });

/** One person who approved a gate decision. */
export const Approver = z.strictObject({ id: PersonId, role: ActorRole, entityId: EntityId.optional() });

/** A gate decision, with who decided, why, on what evidence and under which conditions. */
export const GateDecisionRecordedData = z.strictObject({
  ...project,
  gate: Gate,
  outcome: GateOutcome,
  approvers: z.array(Approver).max(20),
  rationale: Text(2000).optional(),
  evidence: EvidenceRefs,
  conditions: z.array(Text(500)).max(20).optional(),
  recycleTo: Stage.optional().describe("the earlier stage a recycle decision sends the project back to"),
});

/** The project passed a gate into the next stage. */
export const StageEnteredData = z.strictObject({ ...project, stage: Stage, from: Stage, gate: Gate });

/** Work stops for a reason; the project stays in its stage. */
export const ProjectPausedData = z.strictObject({ ...project, reason: PauseReason, note: Text(1000).optional(), expectedResumeAt: Instant.optional() });
/** Work resumes in the same stage. */
export const ProjectResumedData = z.strictObject({ ...project });
/** The project goes back one stage after a `recycle` decision. */
export const ProjectPivotedData = z.strictObject({ ...project, from: Stage, to: Stage, rationale: Text(2000) });
/** The project ends without reaching the mainstream. */
export const ProjectDiscontinuedData = z.strictObject({ ...project, reasonCode: DiscontinuationReason, lessons: Text(4000) });
/** The solution becomes the ordinary way of working. */
export const ProjectMainstreamedData = z.strictObject({ ...project });

/** A participatory session is planned (schema version 1: no trainings, no territory). */
export const SessionScheduledDataV1 = z.strictObject({
  ...project,
  sessionId: Id,
  kind: SessionKind.exclude(["training"]),
  mode: SessionMode,
  scheduledFor: Instant,
});
/** A session is planned (schema version 2: it may be a `training` for civil servants, and say where it is held). */
export const SessionScheduledData = SessionScheduledDataV1.extend({
  kind: SessionKind,
  territory: TerritoryCode.optional().describe("where the session is held"),
});

/** One attendee as a command names them: a live participant reference, the role held in this session, and optionally the entity they came from. */
export const AttendeeInput = z.strictObject({ participantRef: ParticipantRef, role: ParticipantRole, affiliationEntityId: EntityId.optional() });
/** One attendee as stored: the reference may have been redacted since. */
export const Attendee = AttendeeInput.extend({ participantRef: StoredParticipantRef });

/** Who attended a session (schema version 2: references of at least 128 bits; see `ParticipantRef`). */
export const AttendanceRecordedData = z.strictObject({ ...project, sessionId: Id, attendees: z.array(Attendee).min(1).max(1000) });

// Schema version 1 accepted shorter references (8–128 of letters, digits and _ - . :). They are read
// as they were; the upcaster brings each to the version-2 rule (`canonicalRef`).
const LegacyParticipantRef = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/u, "must be 8–128 letters, digits, _ - . or :");
/** Who attended a session (schema version 1). */
export const AttendanceRecordedDataV1 = z.strictObject({
  ...project,
  sessionId: Id,
  attendees: z
    .array(z.strictObject({ participantRef: LegacyParticipantRef, role: ParticipantRole, affiliationEntityId: EntityId.optional() }))
    .min(1)
    .max(1000),
});

/** People counted without being identified (schema version 1: businesses were counted in `other`). */
export const AnonymousHeadcountV1 = z.strictObject({ citizens: Count, civilServants: Count, other: Count });
/** People counted without being identified, with businesses counted apart. */
export const AnonymousHeadcount = z.strictObject({ citizens: Count, civilServants: Count, business: Count, other: Count });

/** A session was held and closed (schema version 1). */
export const SessionClosedDataV1 = z.strictObject({ ...project, sessionId: Id, anonymousHeadcount: AnonymousHeadcountV1, contributions: Count });
// An optional count for each member of a vocabulary, so a new member is a new key without a second list.
const countsBy = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, Count.optional()])) as { [P in K]: z.ZodOptional<typeof Count> });

/** An anonymous breakdown of the people at a session, by age band and declared gender: counts only, never who. */
export const Demographics = z.strictObject({ ageBands: countsBy(AgeBand.options).optional(), gender: countsBy(Gender.options).optional() });

/** A session was held and closed (schema version 2: the anonymous headcount counts businesses apart; optionally an anonymous breakdown of who came). */
export const SessionClosedData = z.strictObject({
  ...project,
  sessionId: Id,
  anonymousHeadcount: AnonymousHeadcount,
  contributions: Count,
  demographics: Demographics.optional(),
});
/** A session was called off. */
export const SessionCancelledData = z.strictObject({ ...project, sessionId: Id, reason: Text(1000) });

/** Goods or services are requested through a procurement procedure. */
export const ProcurementRequestedData = z.strictObject({
  ...project,
  procurementId: Id,
  procedure: ProcurementProcedure,
  description: Text(2000),
  estimatedValue: Money,
});
/** A procurement ends in a contract. */
export const ProcurementContractedData = z.strictObject({ ...project, procurementId: Id, supplierEntityId: EntityId, value: Money });
/** A procurement is called off. */
export const ProcurementCancelledData = z.strictObject({ ...project, procurementId: Id, reason: Text(1000) });

/** Money is set aside for the project from a funding source, for a fiscal year. */
export const BudgetAllocatedData = z.strictObject({
  ...project,
  budgetId: Id,
  source: FundingSource,
  amount: Money,
  fiscalYear: z.int().min(1990, "must be a year such as 2019").max(2100, "must be a year such as 2019"),
  note: Text(500).optional(),
});
/** Money is spent, charged to one of the project's budgets (and, for goods or services bought, the procurement it paid). */
export const CostRecordedData = z.strictObject({
  ...project,
  costId: Id,
  budgetId: Id,
  category: CostCategory,
  amount: Money,
  procurementId: Id.optional(),
  description: Text(1000),
});

// A measured value: any finite number (NaN and ±Infinity are not measurements and do not survive JSON).
const FiniteNumber = z.number().refine(Number.isFinite, "must be finite");

/** Where a KPI starts. */
export const Baseline = z.strictObject({ value: FiniteNumber, measuredAt: Instant, source: Text(300) });
/** Where a KPI should get, and by when. */
export const Target = z.strictObject({ value: FiniteNumber, by: Instant });

/** A key performance indicator is defined with its baseline and target (schema version 1). */
export const KpiDefinedDataV1 = z.strictObject({
  ...project,
  kpiId: Id,
  name: Text(200),
  unit: Text(50),
  direction: KpiDirection,
  baseline: Baseline,
  target: Target,
});
/** A key performance indicator is defined (schema version 2: with the kind of result it measures). */
export const KpiDefinedData = KpiDefinedDataV1.extend({ category: KpiCategory });
/** A KPI's definition changes, with the reason; only the changed fields are present. */
export const KpiRedefinedData = z.strictObject({
  ...project,
  kpiId: Id,
  name: Text(200).optional(),
  unit: Text(50).optional(),
  direction: KpiDirection.optional(),
  baseline: Baseline.optional(),
  target: Target.optional(),
  reason: Text(1000),
});
/**
 * A KPI is measured over a period; optionally with how (`method`), the value measured over the same
 * period in a comparison or control group that did not get the change, and the sample sizes.
 */
export const KpiMeasuredData = z.strictObject({
  ...project,
  kpiId: Id,
  value: FiniteNumber,
  periodStart: Instant,
  periodEnd: Instant,
  source: Text(300),
  method: EvidenceMethod.optional(),
  comparison: FiniteNumber.optional().describe("the comparison or control group's value over the same period"),
  sampleSize: Count.optional().describe("how many were measured"),
  comparisonSampleSize: Count.optional().describe("how many were measured in the comparison or control group"),
});
/** An earlier measurement is corrected; it names the `KpiMeasured` event it corrects. */
export const KpiMeasurementCorrectedData = z.strictObject({
  ...project,
  kpiId: Id,
  correctsEventId: Id,
  value: FiniteNumber,
  reason: Text(1000),
});

/** A pilot starts at some sites with some entities; several may run at once, each named by its `pilotId`. */
export const PilotStartedData = z.strictObject({
  ...project,
  pilotId: Id.optional().describe("names the pilot when a project runs several; absent for a project's only pilot"),
  sites: z.int().min(1).max(100_000),
  entityIds: z.array(EntityId).min(1).max(500),
  plannedEnd: Instant,
  territory: TerritoryCode.optional().describe("where the pilot runs"),
});
/** A pilot ends: the one it names, or the only one running. */
export const PilotEndedData = z.strictObject({ ...project, pilotId: Id.optional() });
/** An evaluation of the pilot is published. */
export const EvaluationPublishedData = z.strictObject({
  ...project,
  outcome: EvaluationOutcome,
  evidenceLevel: z.int().min(1, "evidence level is 1 to 5").max(5, "evidence level is 1 to 5"),
  reportRef: Text(300),
  method: EvidenceMethod.optional().describe("how the evidence was obtained; absent only in evaluations recorded before methods were"),
  independentReplications: Count.optional().describe("independent evaluations that replicated the result"),
});
/** An entity adopts the solution. */
export const AdoptionRecordedData = z.strictObject({
  ...project,
  entityId: EntityId,
  scaleType: ScaleType,
  sites: Count,
  usersCovered: Count,
  territory: TerritoryCode.optional().describe("where the solution was adopted"),
  status: AdoptionStatus.optional().describe("absent in adoptions recorded before statuses were"),
  goLiveAt: Instant.optional().describe("when the solution went live there; required once live"),
});
/** An adoption's status changes (it goes live, is suspended or withdrawn). */
export const AdoptionStatusChangedData = z.strictObject({ ...project, entityId: EntityId, status: AdoptionStatus, goLiveAt: Instant.optional() });

/** A participant asked to be forgotten (stream `participant:<ref>`; schema version 2: the version-2 reference rule). */
export const ParticipantForgottenData = z.strictObject({ participantRef: StoredParticipantRef });
/** A participant asked to be forgotten (schema version 1). */
export const ParticipantForgottenDataV1 = z.strictObject({ participantRef: LegacyParticipantRef });

/**
 * The event catalogue: every event type with its data schema and schema version. Pass it to
 * `createCodec` to decode stored events.
 *
 * @example
 * const codec = createCodec(labEvents);
 */
export const labEvents = {
  EntityRegistered: defineEvent(EntityRegisteredData),
  ChallengeSubmitted: defineEvent(ChallengeSubmittedData),
  ChallengeAccepted: defineEvent(ChallengeAcceptedData),
  ChallengeRejected: defineEvent(ChallengeRejectedData),
  EntityJoined: defineEvent(EntityJoinedData),
  EntityLeft: defineEvent(EntityLeftData),
  // v1 refusals had free text only; "unspecified" says so rather than guessing a code from the text.
  EntityDeclined: defineEvent(EntityDeclinedData, [
    { schema: EntityDeclinedDataV1, up: (d: z.infer<typeof EntityDeclinedDataV1>) => ({ ...d, reasonCode: "unspecified" as const }) },
  ]),
  GateDecisionRecorded: defineEvent(GateDecisionRecordedData),
  StageEntered: defineEvent(StageEnteredData),
  ProjectPaused: defineEvent(ProjectPausedData),
  ProjectResumed: defineEvent(ProjectResumedData),
  ProjectPivoted: defineEvent(ProjectPivotedData),
  ProjectDiscontinued: defineEvent(ProjectDiscontinuedData),
  ProjectMainstreamed: defineEvent(ProjectMainstreamedData),
  // v1 kinds are all v2 kinds: a v1 session reads as it was.
  SessionScheduled: defineEvent(SessionScheduledData, [{ schema: SessionScheduledDataV1, up: (d: z.infer<typeof SessionScheduledDataV1>) => d }]),
  AttendanceRecorded: defineEvent(AttendanceRecordedData, [
    {
      schema: AttendanceRecordedDataV1,
      up: (d: z.infer<typeof AttendanceRecordedDataV1>) => ({
        ...d,
        attendees: d.attendees.map((a) => ({ ...a, participantRef: canonicalRef(a.participantRef) })),
      }),
    },
  ]),
  // v1 counted anonymous businesses in `other`; they cannot be told apart afterwards, so they stay there.
  SessionClosed: defineEvent(SessionClosedData, [
    { schema: SessionClosedDataV1, up: (d: z.infer<typeof SessionClosedDataV1>) => ({ ...d, anonymousHeadcount: { ...d.anonymousHeadcount, business: 0 } }) },
  ]),
  SessionCancelled: defineEvent(SessionCancelledData),
  ProcurementRequested: defineEvent(ProcurementRequestedData),
  ProcurementContracted: defineEvent(ProcurementContractedData),
  ProcurementCancelled: defineEvent(ProcurementCancelledData),
  // v1 KPIs had no category; "unspecified" says so rather than guessing.
  BudgetAllocated: defineEvent(BudgetAllocatedData),
  CostRecorded: defineEvent(CostRecordedData),
  KpiDefined: defineEvent(KpiDefinedData, [{ schema: KpiDefinedDataV1, up: (d: z.infer<typeof KpiDefinedDataV1>) => ({ ...d, category: "unspecified" }) }]),
  KpiRedefined: defineEvent(KpiRedefinedData),
  KpiMeasured: defineEvent(KpiMeasuredData),
  KpiMeasurementCorrected: defineEvent(KpiMeasurementCorrectedData),
  PilotStarted: defineEvent(PilotStartedData),
  PilotEnded: defineEvent(PilotEndedData),
  EvaluationPublished: defineEvent(EvaluationPublishedData),
  AdoptionRecorded: defineEvent(AdoptionRecordedData),
  AdoptionStatusChanged: defineEvent(AdoptionStatusChangedData),
  ParticipantForgotten: defineEvent(ParticipantForgottenData, [
    { schema: ParticipantForgottenDataV1, up: (d: z.infer<typeof ParticipantForgottenDataV1>) => ({ participantRef: canonicalRef(d.participantRef) }) },
  ]),
};

/** Any event of the catalogue, `{ type, data }`. */
export type LabEvent = EventOf<typeof labEvents>;
/** The data of one event type. */
export type EventData<T extends LabEvent["type"]> = Extract<LabEvent, { type: T }>["data"];

/** Events of entity streams. */
export type EntityEvent = Extract<LabEvent, { type: "EntityRegistered" }>;
/** Events of participant streams. */
export type ParticipantEvent = Extract<LabEvent, { type: "ParticipantForgotten" }>;
const entityTypes = ["EntityRegistered"] as const satisfies readonly EntityEvent["type"][];
const participantTypes = ["ParticipantForgotten"] as const satisfies readonly ParticipantEvent["type"][];
/** Events of project streams. */
export type ProjectEvent = Exclude<LabEvent, EntityEvent | ParticipantEvent>;

/** The registry subsets each decider emits. */
const pick = <K extends keyof typeof labEvents>(keys: readonly K[]): Pick<typeof labEvents, K> =>
  Object.fromEntries(keys.map((k) => [k, labEvents[k]])) as Pick<typeof labEvents, K>;
/** Entity-stream events. */
export const entityEvents = pick(entityTypes);
/** Participant-stream events. */
export const participantEvents = pick(participantTypes);
/** Project-stream events. */
export const projectEvents = pick(
  (Object.keys(labEvents) as (keyof typeof labEvents)[]).filter(
    (k): k is Exclude<keyof typeof labEvents, (typeof entityTypes)[number] | (typeof participantTypes)[number]> =>
      !(entityTypes as readonly string[]).includes(k) && !(participantTypes as readonly string[]).includes(k),
  ),
);
