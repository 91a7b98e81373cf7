import * as z from "zod";
import { type ActorRole, command, onProject, ProjectId, Text } from "../shared/index.js";
import { ChallengeRejectedData, ChallengeSubmittedData, GateDecisionRecordedData, ProjectDiscontinuedData, ProjectPausedData } from "./events.js";

/** Submit a challenge. → `ChallengeSubmitted` */
export const SubmitChallenge = command("SubmitChallenge", ChallengeSubmittedData);
/** Accept a submitted challenge. → `ChallengeAccepted` */
export const AcceptChallenge = onProject("AcceptChallenge");
/** Reject a challenge at intake. → `ChallengeRejected`, then `ProjectDiscontinued` (`rejected_at_intake`) */
export const RejectChallenge = command("RejectChallenge", ChallengeRejectedData.extend({ lessons: Text(4000).optional() }));
/** Record a gate decision. → `GateDecisionRecorded` */
export const RecordGateDecision = command("RecordGateDecision", GateDecisionRecordedData);
/** Move through the gate of the current stage, after a `go` or `conditional_go`. → `StageEntered` */
export const AdvanceStage = onProject("AdvanceStage");
/** Pause work. → `ProjectPaused` */
export const PauseProject = command("PauseProject", ProjectPausedData);
/** Resume work in the same stage. → `ProjectResumed` */
export const ResumeProject = onProject("ResumeProject");
/** Go back one stage after a `recycle` decision. → `ProjectPivoted` */
export const PivotProject = command("PivotProject", z.strictObject({ projectId: ProjectId, rationale: Text(2000) }));
/** End the project. → `ProjectDiscontinued` */
export const DiscontinueProject = command("DiscontinueProject", ProjectDiscontinuedData);
/** Declare the solution mainstream, after a G4 `go`. → `ProjectMainstreamed` */
export const MainstreamProject = onProject("MainstreamProject");
/** The intake commands: a challenge submitted, then accepted or rejected. */
export const intakeCommands = [SubmitChallenge, AcceptChallenge, RejectChallenge] as const;
/** The commands that move a project on, hold it, or end it. */
export const governanceCommands = [RecordGateDecision, AdvanceStage, PauseProject, ResumeProject, PivotProject, DiscontinueProject, MainstreamProject] as const;
/** The lifecycle commands, for the catalogue's unions. */
export const lifecycleCommands = [...intakeCommands, ...governanceCommands] as const;

/** Which roles may issue the lifecycle commands (see the permission table). */
export const lifecyclePermissions = {
  SubmitChallenge: ["lab_team", "sponsor", "system"],
  AcceptChallenge: ["lab_team", "decision_maker", "system"],
  RejectChallenge: ["lab_team", "decision_maker", "system"],
  RecordGateDecision: ["decision_maker", "system"],
  AdvanceStage: ["lab_team", "decision_maker", "system"],
  PauseProject: ["lab_team", "decision_maker", "system"],
  ResumeProject: ["lab_team", "decision_maker", "system"],
  PivotProject: ["lab_team", "decision_maker", "system"],
  DiscontinueProject: ["lab_team", "decision_maker", "system"],
  MainstreamProject: ["lab_team", "decision_maker", "system"],
} as const satisfies Record<(typeof lifecycleCommands)[number]["shape"]["type"]["value"], readonly ActorRole[]>;
