import * as z from "zod";
import { Instant } from "../kernel/index.js";
import * as E from "./events.js";
import { ParticipantRef, ProjectId, Text } from "./values.js";
import { DeclineReason, EvidenceMethod } from "./vocabulary.js";

// A command carries the event's data it asks for, plus when it happened in the world if that is
// not now (recording yesterday's workshop today). Schemas are built from the event schemas so the
// two never disagree.
const command = <N extends string, Shape extends z.ZodRawShape>(name: N, data: z.ZodObject<Shape>) =>
  z.strictObject({ type: z.literal(name), ...data.shape, occurredAt: Instant.optional() });
const onProject = <N extends string>(name: N) => command(name, z.strictObject({ projectId: ProjectId }));

/** Register an organisation. → `EntityRegistered` */
export const RegisterEntity = command("RegisterEntity", E.EntityRegisteredData);
/** Submit a challenge. → `ChallengeSubmitted` */
export const SubmitChallenge = command("SubmitChallenge", E.ChallengeSubmittedData);
/** Accept a submitted challenge. → `ChallengeAccepted` */
export const AcceptChallenge = onProject("AcceptChallenge");
/** Reject a challenge at intake. → `ChallengeRejected`, then `ProjectDiscontinued` (`rejected_at_intake`) */
export const RejectChallenge = command("RejectChallenge", E.ChallengeRejectedData.extend({ lessons: Text(4000).optional() }));
/** Record that an organisation joined. → `EntityJoined` */
export const RecordEntityJoined = command("RecordEntityJoined", E.EntityJoinedData);
/** Record that an organisation left. → `EntityLeft` */
export const RecordEntityLeft = command("RecordEntityLeft", E.EntityLeftData);
/** Record that an organisation declined to take part. → `EntityDeclined` */
export const RecordEntityDeclined = command(
  "RecordEntityDeclined",
  E.EntityDeclinedData.extend({
    reasonCode: DeclineReason.exclude(["unspecified"], { error: "must be a reason code; unspecified is kept for refusals recorded before codes existed" }),
  }),
);
/** Record a gate decision. → `GateDecisionRecorded` */
export const RecordGateDecision = command("RecordGateDecision", E.GateDecisionRecordedData);
/** Move through the gate of the current stage, after a `go` or `conditional_go`. → `StageEntered` */
export const AdvanceStage = onProject("AdvanceStage");
/** Pause work. → `ProjectPaused` */
export const PauseProject = command("PauseProject", E.ProjectPausedData);
/** Resume work in the same stage. → `ProjectResumed` */
export const ResumeProject = onProject("ResumeProject");
/** Go back one stage after a `recycle` decision. → `ProjectPivoted` */
export const PivotProject = command("PivotProject", z.strictObject({ projectId: ProjectId, rationale: Text(2000) }));
/** End the project. → `ProjectDiscontinued` */
export const DiscontinueProject = command("DiscontinueProject", E.ProjectDiscontinuedData);
/** Declare the solution mainstream, after a G4 `go`. → `ProjectMainstreamed` */
export const MainstreamProject = onProject("MainstreamProject");
/** Plan a session. → `SessionScheduled` */
export const ScheduleSession = command("ScheduleSession", E.SessionScheduledData);
/** Record who attended a session (live references only, never redacted ones). → `AttendanceRecorded` */
export const RecordAttendance = command("RecordAttendance", E.AttendanceRecordedData.extend({ attendees: z.array(E.AttendeeInput).min(1).max(1000) }));
/** Close a session that was held. → `SessionClosed` */
export const CloseSession = command("CloseSession", E.SessionClosedData);
/** Call a session off. → `SessionCancelled` */
export const CancelSession = command("CancelSession", E.SessionCancelledData);
/** Request goods or services. → `ProcurementRequested` */
export const RequestProcurement = command("RequestProcurement", E.ProcurementRequestedData);
/** Record the contract that ends a procurement. → `ProcurementContracted` */
export const ContractProcurement = command("ContractProcurement", E.ProcurementContractedData);
/** Call a procurement off. → `ProcurementCancelled` */
export const CancelProcurement = command("CancelProcurement", E.ProcurementCancelledData);
/** Set money aside for the project. → `BudgetAllocated` */
export const AllocateBudget = command("AllocateBudget", E.BudgetAllocatedData);
/** Record money spent, charged to a budget. → `CostRecorded` */
export const RecordCost = command("RecordCost", E.CostRecordedData);
/** Define a KPI with baseline and target. → `KpiDefined` */
export const DefineKpi = command("DefineKpi", E.KpiDefinedData);
/** Change a KPI's definition, with a reason. → `KpiRedefined` */
export const RedefineKpi = command("RedefineKpi", E.KpiRedefinedData);
/** Record a measurement. → `KpiMeasured` */
export const MeasureKpi = command("MeasureKpi", E.KpiMeasuredData);
/** Correct an earlier measurement. → `KpiMeasurementCorrected` */
export const CorrectKpiMeasurement = command("CorrectKpiMeasurement", E.KpiMeasurementCorrectedData);
/** Start the pilot. → `PilotStarted` */
export const StartPilot = command("StartPilot", E.PilotStartedData);
/** End a pilot: the one named, or the only one running. → `PilotEnded` */
export const EndPilot = command("EndPilot", E.PilotEndedData);
/** Publish the pilot's evaluation. → `EvaluationPublished` */
export const PublishEvaluation = command("PublishEvaluation", E.EvaluationPublishedData.extend({ method: EvidenceMethod }));
/** Record that an entity adopted the solution. → `AdoptionRecorded` */
export const RecordAdoption = command("RecordAdoption", E.AdoptionRecordedData);
/** Record that an adoption went live, was suspended or withdrawn. → `AdoptionStatusChanged` */
export const UpdateAdoption = command("UpdateAdoption", E.AdoptionStatusChangedData);
/** Erase a participant from every per-person view. → `ParticipantForgotten` */
export const ForgetParticipant = command("ForgetParticipant", z.strictObject({ participantRef: ParticipantRef }));

/** Commands on project streams. */
export const ProjectCommand = z.discriminatedUnion("type", [
  SubmitChallenge,
  AcceptChallenge,
  RejectChallenge,
  RecordEntityJoined,
  RecordEntityLeft,
  RecordEntityDeclined,
  RecordGateDecision,
  AdvanceStage,
  PauseProject,
  ResumeProject,
  PivotProject,
  DiscontinueProject,
  MainstreamProject,
  ScheduleSession,
  RecordAttendance,
  CloseSession,
  CancelSession,
  RequestProcurement,
  ContractProcurement,
  CancelProcurement,
  AllocateBudget,
  RecordCost,
  DefineKpi,
  RedefineKpi,
  MeasureKpi,
  CorrectKpiMeasurement,
  StartPilot,
  EndPilot,
  PublishEvaluation,
  RecordAdoption,
  UpdateAdoption,
]);
/** A command on a project stream. */
export type ProjectCommand = z.infer<typeof ProjectCommand>;

/** Commands on entity streams. */
export const EntityCommand = z.discriminatedUnion("type", [RegisterEntity]);
/** A command on an entity stream. */
export type EntityCommand = z.infer<typeof EntityCommand>;

/** Commands on participant streams. */
export const ParticipantCommand = z.discriminatedUnion("type", [ForgetParticipant]);
/** A command on a participant stream. */
export type ParticipantCommand = z.infer<typeof ParticipantCommand>;

/** Every command of the lab. */
export const LabCommand = z.discriminatedUnion("type", [ProjectCommand, EntityCommand, ParticipantCommand]);
/** Any command of the lab. */
export type LabCommand = z.infer<typeof LabCommand>;
/** The name of a command. */
export type CommandType = LabCommand["type"];
