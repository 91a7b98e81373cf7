import type { CommandType } from "./commands.js";
import type { ActorRole } from "./vocabulary.js";

/**
 * Which `actor.role` may issue which command, checked by `decide`. `system` (imports of records
 * kept elsewhere) may issue every command; `auditor` none. Gate approvers are named inside the
 * decision and must themselves be decision makers.
 */
export const permissions: Record<CommandType, readonly ActorRole[]> = {
  RegisterEntity: ["lab_team", "system"],
  SubmitChallenge: ["lab_team", "sponsor", "system"],
  AcceptChallenge: ["lab_team", "decision_maker", "system"],
  RejectChallenge: ["lab_team", "decision_maker", "system"],
  RecordEntityJoined: ["lab_team", "sponsor", "system"],
  RecordEntityLeft: ["lab_team", "sponsor", "system"],
  RecordEntityDeclined: ["lab_team", "sponsor", "system"],
  RecordGateDecision: ["decision_maker", "system"],
  AdvanceStage: ["lab_team", "decision_maker", "system"],
  PauseProject: ["lab_team", "decision_maker", "system"],
  ResumeProject: ["lab_team", "decision_maker", "system"],
  PivotProject: ["lab_team", "decision_maker", "system"],
  DiscontinueProject: ["lab_team", "decision_maker", "system"],
  MainstreamProject: ["lab_team", "decision_maker", "system"],
  ScheduleSession: ["facilitator", "lab_team", "system"],
  RecordAttendance: ["facilitator", "lab_team", "system"],
  CloseSession: ["facilitator", "lab_team", "system"],
  CancelSession: ["facilitator", "lab_team", "system"],
  RequestProcurement: ["lab_team", "system"],
  ContractProcurement: ["lab_team", "system"],
  CancelProcurement: ["lab_team", "system"],
  AllocateBudget: ["lab_team", "decision_maker", "system"],
  RecordCost: ["lab_team", "system"],
  DefineKpi: ["lab_team", "evaluator", "system"],
  RedefineKpi: ["lab_team", "evaluator", "system"],
  MeasureKpi: ["evaluator", "lab_team", "system"],
  CorrectKpiMeasurement: ["evaluator", "lab_team", "system"],
  StartPilot: ["lab_team", "system"],
  EndPilot: ["lab_team", "system"],
  PublishEvaluation: ["evaluator", "system"],
  RecordAdoption: ["lab_team", "sponsor", "system"],
  UpdateAdoption: ["lab_team", "sponsor", "system"],
  ForgetParticipant: ["lab_team", "system"],
};
