import type { Draft } from "immer";
import type { Envelope } from "../../kernel/index.js";
import type { ProjectEvent } from "../catalogue/index.js";
import type { Stays } from "./state.js";
import type { Stage } from "./vocabulary.js";

/**
 * The stage an event puts a project in, if it moves it: the challenge when submitted, the next
 * stage through a gate, the earlier one after a pivot. Every reader that follows a project's stage
 * asks this one function.
 *
 * @example
 * history.map(stageEnteredBy) // [ "challenge", undefined, …, "co_design", … ]
 */
export const stageEnteredBy = (e: Envelope<ProjectEvent>): Stage | undefined => {
  switch (e.type) {
    case "ChallengeSubmitted":
      return "challenge";
    case "StageEntered":
      return e.data.stage;
    case "ProjectPivoted":
      return e.data.to;
    default:
      return undefined;
  }
};

const leave = (s: Draft<Stays>, at: string): void => {
  const open = s.stages.at(-1);
  if (open && open.leftAt === null) open.leftAt = at;
};

const endPause = (s: Draft<Stays>, at: string, by: "resumption" | "closure"): void => {
  const pause = s.pauses.at(-1);
  if (pause && pause.to === null) Object.assign(pause, { to: at, endedBy: by });
};

/**
 * Keep a project's stays in its stages and its pauses (a recipe): entering a stage closes the stay
 * before it, a pause stays open until resumed or the project ends, and an ending closes both. The
 * project's own state and the portfolio projection both run it, so they cannot disagree.
 *
 * @example
 * const draft = structuredClone(initialStays) as Draft<Stays>;
 * for (const e of history) evolveStays(draft, e);
 */
export const evolveStays = (s: Draft<Stays>, e: Envelope<ProjectEvent>): void => {
  const at = e.occurredAt;
  const stage = stageEnteredBy(e);
  if (stage !== undefined) {
    leave(s, at);
    if (e.type === "ChallengeSubmitted") s.status = "active";
    s.stage = stage;
    s.stageEnteredAt = at;
    s.stages.push({ stage, enteredAt: at, leftAt: null });
    return;
  }
  switch (e.type) {
    case "ProjectPaused":
      s.status = "paused";
      s.pauses.push({ reason: e.data.reason, stage: s.stage, from: at, to: null, endedBy: null, expectedResumeAt: e.data.expectedResumeAt ?? null });
      return;
    case "ProjectResumed":
      s.status = "active";
      endPause(s, at, "resumption");
      return;
    case "ProjectDiscontinued":
      leave(s, at);
      endPause(s, at, "closure");
      s.status = "discontinued";
      s.discontinuation = { reasonCode: e.data.reasonCode, lessons: e.data.lessons, stage: s.stage, at };
      return;
    case "ProjectMainstreamed":
      leave(s, at);
      endPause(s, at, "closure");
      s.status = "mainstreamed";
      s.mainstreamedAt = at;
      return;
    default:
      return;
  }
};
