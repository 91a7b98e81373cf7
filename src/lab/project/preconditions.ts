import { type Context, err, ok, type Result, type RuleViolation, isBefore } from "../../kernel/index.js";
import type { CommandType } from "../catalogue/index.js";
import { permissions } from "../catalogue/index.js";
import type { LabRuleCode } from "../catalogue/index.js";
import { labRule } from "../shared/index.js";
import type { ProjectState } from "../catalogue/index.js";
import { isTerminal } from "../lifecycle/index.js";
import { pivotTarget } from "../lifecycle/index.js";
import { currentDecision, gatePassed } from "../lifecycle/index.js";

/** The project commands that may still be issued while a project is paused. */
export const allowedWhilePaused: ReadonlySet<CommandType> = new Set<CommandType>([
  "ResumeProject",
  "DiscontinueProject",
  "ContractProcurement",
  "CancelProcurement",
  "AllocateBudget",
  "RecordCost",
  "RecordEntityJoined",
  "RecordEntityLeft",
  "RecordEntityDeclined",
  "MeasureKpi",
  "CorrectKpiMeasurement",
]);

/**
 * Checks every command shares: the actor's role may issue it, and it did not happen in the future.
 * Returns the business time of the command's events.
 */
export const checkActorAndTime = (type: CommandType, occurredAt: string | undefined, ctx: Context): Result<string, RuleViolation<LabRuleCode>> => {
  const allowed = permissions[type];
  if (!(allowed as readonly string[]).includes(ctx.actor.role)) {
    return err(
      labRule("not_permitted", `Acting as ${ctx.actor.role}, you may not ${type}; it is for: ${allowed.join(", ")}.`, {
        command: type,
        role: ctx.actor.role,
        allowed,
      }),
    );
  }
  const now = ctx.now().toISOString();
  const at = occurredAt ?? now;
  if (isBefore(now, at)) {
    return err(labRule("occurred_in_future", `The event is dated ${at}, after now (${now}); record things once they have happened.`, { occurredAt: at, now }));
  }
  return ok(at);
};

/**
 * Whether a project command may be issued in this state at all, before looking at its payload:
 * the project exists (or not, to submit), is not over, is not paused (for most commands), is in a
 * stage where the command makes sense. `decide` and `nextSteps` both ask this one function.
 */
export const precondition = (type: CommandType, s: ProjectState): RuleViolation<LabRuleCode> | undefined => {
  if (type === "SubmitChallenge") {
    return s.submitted ? labRule("project_exists", `Project ${s.projectId} has already been submitted.`, { projectId: s.projectId }) : undefined;
  }
  if (!s.submitted) return labRule("project_not_found", "No challenge has been submitted for this project; submit it first.");
  if (isTerminal(s)) {
    return labRule("project_closed", `Project ${s.projectId} is ${s.status}; nothing more can be recorded on it.`, { status: s.status });
  }
  if (s.status === "paused" && !allowedWhilePaused.has(type)) {
    const reason = s.pauses.at(-1)?.reason ?? "other";
    return labRule("project_paused", `Project ${s.projectId} is paused (${reason}); resume it before you ${type}.`, { reason });
  }
  const stageIs = (...stages: ProjectState["stage"][]): RuleViolation<LabRuleCode> | undefined =>
    stages.includes(s.stage)
      ? undefined
      : labRule("wrong_stage", `${type} is for a project in ${stages.join(" or ")}; this one is in ${s.stage}.`, { stage: s.stage, expected: stages });
  switch (type) {
    case "AcceptChallenge":
    case "RejectChallenge":
      return stageIs("challenge") ?? (s.accepted !== null ? labRule("challenge_already_accepted", "The challenge has already been accepted.") : undefined);
    case "AdvanceStage":
      return (
        (s.stage === "scale"
          ? labRule("wrong_stage", "A project in scale leaves through G4 into the mainstream: use MainstreamProject.", { stage: s.stage })
          : undefined) ?? gatePassed(s)
      );
    case "MainstreamProject":
      return stageIs("scale") ?? gatePassed(s);
    case "PivotProject": {
      if (pivotTarget(s.stage) === undefined) return labRule("wrong_stage", "A project in challenge has no earlier stage to pivot to.", { stage: s.stage });
      const d = currentDecision(s);
      return d?.outcome === "recycle"
        ? undefined
        : labRule("pivot_not_decided", `A pivot follows a gate decision with outcome recycle; the latest decision in this stage is ${d?.outcome ?? "none"}.`, {
            latest: d?.outcome ?? null,
          });
    }
    case "PauseProject":
      return s.status === "paused" ? labRule("already_paused", "The project is already paused.") : undefined;
    case "ResumeProject":
      return s.status === "paused" ? undefined : labRule("not_paused", "The project is not paused.");
    case "StartPilot":
      return stageIs("pilot");
    case "EndPilot":
      if (s.pilots.size === 0) return labRule("pilot_not_started", "The pilot has not started.");
      return [...s.pilots.values()].every((p) => p.endedAt !== null)
        ? labRule("pilot_already_ended", "Every pilot of this stay in pilot has ended.")
        : undefined;
    case "PublishEvaluation":
      return (
        stageIs("pilot", "scale") ?? (s.pilots.size > 0 ? undefined : labRule("pilot_not_started", "An evaluation assesses a pilot; start the pilot first."))
      );
    case "RecordAdoption":
    case "UpdateAdoption":
      return stageIs("scale");
    default:
      return undefined;
  }
};
