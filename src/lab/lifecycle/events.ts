import * as z from "zod";
import { defineEvent, Instant } from "../../kernel/index.js";
import { ActorRole, EntityId, EvidenceRefs, PersonId, ProjectId, Sector, Text, ofProject } from "../shared/index.js";
import { DiscontinuationReason, Facet, Gate, GateOutcome, PauseReason, Stage } from "./vocabulary.js";

/** A challenge is submitted: the project exists, in stage `challenge`. */
export const ChallengeSubmittedData = z.strictObject({
  ...ofProject,
  title: Text(200),
  problemStatement: Text(4000),
  sector: Sector,
  ownerEntityId: EntityId,
  leadId: PersonId,
  facet: Facet.optional(),
  replicationOf: ProjectId.optional().describe("the project whose solution this one replicates, for another entity"),
});

/** The lab accepts the challenge (a G1 requirement). */
export const ChallengeAcceptedData = z.strictObject({ ...ofProject });
/** The lab rejects the challenge at intake; the project is then discontinued. */
export const ChallengeRejectedData = z.strictObject({ ...ofProject, reason: Text(1000) });

/** One person who approved a gate decision. */
export const Approver = z.strictObject({ id: PersonId, role: ActorRole, entityId: EntityId.optional() });

/** A gate decision, with who decided, why, on what evidence and under which conditions. */
export const GateDecisionRecordedData = z.strictObject({
  ...ofProject,
  gate: Gate,
  outcome: GateOutcome,
  approvers: z.array(Approver).max(20),
  rationale: Text(2000).optional(),
  evidence: EvidenceRefs,
  conditions: z.array(Text(500)).max(20).optional(),
  recycleTo: Stage.optional().describe("the earlier stage a recycle decision sends the project back to"),
});

/** The project passed a gate into the next stage. */
export const StageEnteredData = z.strictObject({ ...ofProject, stage: Stage, from: Stage, gate: Gate });

/** Work stops for a reason; the project stays in its stage. */
export const ProjectPausedData = z.strictObject({ ...ofProject, reason: PauseReason, note: Text(1000).optional(), expectedResumeAt: Instant.optional() });
/** Work resumes in the same stage. */
export const ProjectResumedData = z.strictObject({ ...ofProject });
/** The project goes back one stage after a `recycle` decision. */
export const ProjectPivotedData = z.strictObject({ ...ofProject, from: Stage, to: Stage, rationale: Text(2000) });
/** The project ends without reaching the mainstream. */
export const ProjectDiscontinuedData = z.strictObject({ ...ofProject, reasonCode: DiscontinuationReason, lessons: Text(4000) });
/** The solution becomes the ordinary way of working. */
export const ProjectMainstreamedData = z.strictObject({ ...ofProject });
/** The lifecycle events with their schemas and versions: its part of the catalogue (`labEvents`). */
export const lifecycleEvents = {
  ChallengeSubmitted: defineEvent(ChallengeSubmittedData),
  ChallengeAccepted: defineEvent(ChallengeAcceptedData),
  ChallengeRejected: defineEvent(ChallengeRejectedData),
  GateDecisionRecorded: defineEvent(GateDecisionRecordedData),
  StageEntered: defineEvent(StageEnteredData),
  ProjectPaused: defineEvent(ProjectPausedData),
  ProjectResumed: defineEvent(ProjectResumedData),
  ProjectPivoted: defineEvent(ProjectPivotedData),
  ProjectDiscontinued: defineEvent(ProjectDiscontinuedData),
  ProjectMainstreamed: defineEvent(ProjectMainstreamedData),
};
