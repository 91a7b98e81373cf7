import { isBefore } from "../../kernel/index.js";
import { evolveStays, stageEnteredBy } from "./stays.js";
import { pivotTarget, transitions } from "./transitions.js";
import { dataOf, emit, type Evolver, type Evolvers, type Handlers, labRule, refuse, unregistered, type Whens } from "../shared/index.js";
import { currentDecision, gatePassed } from "./gates.js";

/** The project's lifecycle: intake, stage changes through gates, pivots, pauses and endings. */
export const lifecycleHandlers: Handlers<
  | "SubmitChallenge"
  | "AcceptChallenge"
  | "RejectChallenge"
  | "AdvanceStage"
  | "MainstreamProject"
  | "PivotProject"
  | "PauseProject"
  | "ResumeProject"
  | "DiscontinueProject"
> = {
  SubmitChallenge: (c, _s, ctx, at) => {
    const origin = c.replicationOf;
    if (origin === c.projectId) return refuse("origin_unknown", `Project ${c.projectId} cannot replicate itself.`, { replicationOf: origin });
    if (origin !== undefined) {
      const challenge = ctx.register.challenge(origin);
      if (challenge === undefined)
        return refuse("origin_unknown", `Project ${origin}, which this one replicates, has no submitted challenge in the register.`, { replicationOf: origin });
      if (challenge.accepted === null)
        return refuse(
          "origin_not_accepted",
          `Project ${origin}, which this one replicates, has not had its challenge accepted; replicate an accepted project.`,
          {
            replicationOf: origin,
          },
        );
    }
    return unregistered([c.ownerEntityId], ctx) ?? emit(at, { type: "ChallengeSubmitted", data: dataOf(c) });
  },
  AcceptChallenge: (c, _s, _ctx, at) => emit(at, { type: "ChallengeAccepted", data: { projectId: c.projectId } }),
  RejectChallenge: (c, _s, _ctx, at) =>
    emit(
      at,
      { type: "ChallengeRejected", data: { projectId: c.projectId, reason: c.reason } },
      { type: "ProjectDiscontinued", data: { projectId: c.projectId, reasonCode: "rejected_at_intake", lessons: c.lessons ?? c.reason } },
    ),
  AdvanceStage: (c, s, _ctx, at) => {
    const step = transitions.advance[s.stage as keyof typeof transitions.advance];
    return emit(at, { type: "StageEntered", data: { projectId: c.projectId, stage: step.to, from: s.stage, gate: step.gate } });
  },
  MainstreamProject: (c, _s, _ctx, at) => emit(at, { type: "ProjectMainstreamed", data: { projectId: c.projectId } }),
  PivotProject: (c, s, _ctx, at) => {
    const to = currentDecision(s)?.recycleTo ?? s.stage;
    return emit(at, { type: "ProjectPivoted", data: { projectId: c.projectId, from: s.stage, to, rationale: c.rationale } });
  },
  PauseProject: (c, _s, _ctx, at) => {
    if (c.expectedResumeAt !== undefined && !isBefore(at, c.expectedResumeAt)) {
      return refuse("resume_before_pause", `The expected resumption (${c.expectedResumeAt}) must come after the pause (${at}).`);
    }
    return emit(at, { type: "ProjectPaused", data: dataOf(c) });
  },
  ResumeProject: (c, _s, _ctx, at) => emit(at, { type: "ProjectResumed", data: { projectId: c.projectId } }),
  DiscontinueProject: (c, _s, _ctx, at) => {
    if (c.reasonCode === "rejected_at_intake") {
      return refuse(
        "reason_reserved",
        "rejected_at_intake is what RejectChallenge records when a challenge is turned down at intake; give the reason this project stopped.",
        {
          reasonCode: c.reasonCode,
        },
      );
    }
    return emit(at, { type: "ProjectDiscontinued", data: { projectId: c.projectId, reasonCode: c.reasonCode, lessons: c.lessons } });
  },
};

// Entering a stage; a new stay in pilot runs new pilots, and the earlier ones are kept for the record.
const enter: Evolver<"StageEntered" | "ProjectPivoted"> = (s, e) => {
  if (stageEnteredBy(e) === "pilot" && s.pilots.size > 0) {
    s.pastPilots.push(...s.pilots.values());
    s.pilots.clear();
  }
  evolveStays(s, e);
};

/** How the lifecycle's events change the project: the stays recipe, and what only a project records. */
export const lifecycleEvolvers: Evolvers<
  | "ChallengeSubmitted"
  | "ChallengeAccepted"
  | "ChallengeRejected"
  | "StageEntered"
  | "ProjectPivoted"
  | "ProjectPaused"
  | "ProjectResumed"
  | "ProjectDiscontinued"
  | "ProjectMainstreamed"
> = {
  ChallengeSubmitted: (s, e) => {
    const d = e.data;
    Object.assign(s, {
      submitted: true,
      projectId: d.projectId,
      title: d.title,
      sector: d.sector,
      ownerEntityId: d.ownerEntityId,
      leadId: d.leadId,
      facet: d.facet ?? null,
      submittedAt: e.occurredAt,
      submittedEventId: e.id,
    });
    evolveStays(s, e);
  },
  ChallengeAccepted: (s, e) => {
    s.accepted = { at: e.occurredAt, eventId: e.id };
  },
  ChallengeRejected: () => undefined,
  StageEntered: enter,
  ProjectPivoted: enter,
  ProjectPaused: evolveStays,
  ProjectResumed: evolveStays,
  ProjectDiscontinued: evolveStays,
  ProjectMainstreamed: evolveStays,
};

/** When the lifecycle's commands may be issued. */
export const lifecycleWhen: Whens<
  "AcceptChallenge" | "RejectChallenge" | "AdvanceStage" | "MainstreamProject" | "PivotProject" | "PauseProject" | "ResumeProject" | "DiscontinueProject"
> = {
  AcceptChallenge: {
    stages: ["challenge"],
    check: (s) => (s.accepted !== null ? labRule("challenge_already_accepted", "The challenge has already been accepted.") : undefined),
  },
  RejectChallenge: {
    stages: ["challenge"],
    check: (s) => (s.accepted !== null ? labRule("challenge_already_accepted", "The challenge has already been accepted.") : undefined),
  },
  AdvanceStage: {
    check: (s) =>
      (s.stage === "scale"
        ? labRule("wrong_stage", "A project in scale leaves through G4 into the mainstream: use MainstreamProject.", { stage: s.stage })
        : undefined) ?? gatePassed(s),
  },
  MainstreamProject: { stages: ["scale"], check: gatePassed },
  PivotProject: {
    check: (s) => {
      if (pivotTarget(s.stage) === undefined) return labRule("wrong_stage", "A project in challenge has no earlier stage to pivot to.", { stage: s.stage });
      const d = currentDecision(s);
      return d?.outcome === "recycle"
        ? undefined
        : labRule("pivot_not_decided", `A pivot follows a gate decision with outcome recycle; the latest decision in this stage is ${d?.outcome ?? "none"}.`, {
            latest: d?.outcome ?? null,
          });
    },
  },
  PauseProject: { check: (s) => (s.status === "paused" ? labRule("already_paused", "The project is already paused.") : undefined) },
  ResumeProject: { whilePaused: true, check: (s) => (s.status === "paused" ? undefined : labRule("not_paused", "The project is not paused.")) },
  DiscontinueProject: { whilePaused: true },
};
