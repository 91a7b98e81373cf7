import type * as z from "zod";
import { deepFreeze, type Immutable } from "../../kernel/index.js";
import type { Stamp } from "../shared/index.js";
import type { ChallengeSubmittedData, GateDecisionRecordedData } from "./events.js";
import type { DiscontinuationReason, PauseReason, Stage, Status } from "./vocabulary.js";

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
  Pick<z.infer<typeof GateDecisionRecordedData>, "gate" | "outcome" | "approvers" | "evidence"> & {
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

/** The lifecycle's part of a project's state: the challenge, its stays and pauses, and its gate decisions. */
export type LifecycleState = Immutable<
  Stays &
    Pick<z.infer<typeof ChallengeSubmittedData>, "projectId" | "title" | "ownerEntityId" | "leadId"> & {
      /** False until the challenge is submitted. */
      submitted: boolean;
      sector: z.infer<typeof ChallengeSubmittedData>["sector"] | null;
      facet: NonNullable<z.infer<typeof ChallengeSubmittedData>["facet"]> | null;
      submittedAt: string;
      /** The event that submitted the challenge ("" before). */
      submittedEventId: string;
      /** When the challenge was accepted, or null. */
      accepted: Stamp | null;
      decisions: GateDecision[];
    }
>;

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

/** The lifecycle's part of a project with no events. */
export const initialLifecycle: LifecycleState = deepFreeze({
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
});
