import { type Context, err, instantOf, isBefore, ok, type Result, type RuleViolation } from "../../kernel/index.js";
import { type CommandType, type LabRuleCode, permissions, ProjectCommand, type ProjectState } from "../catalogue/index.js";
import { labRule, type Whens } from "../shared/index.js";
import { isTerminal, lifecycleWhen } from "../lifecycle/index.js";
import { adoptionWhen } from "../adoption/index.js";
import { kpiWhen } from "../evidence/index.js";
import { moneyWhen } from "../money/index.js";
import { organisationsWhen } from "../organisations/index.js";
import { pilotsWhen } from "../pilots/index.js";
import { procurementWhen } from "../procurement/index.js";

// When each project command may be issued: each slice's table.
const when: Whens<ProjectCommand["type"]> = {
  ...lifecycleWhen,
  ...organisationsWhen,
  ...procurementWhen,
  ...moneyWhen,
  ...kpiWhen,
  ...pilotsWhen,
  ...adoptionWhen,
};

/** The project commands that may still be issued while a project is paused (from each slice's `When`). */
export const allowedWhilePaused: ReadonlySet<CommandType> = new Set(
  (Object.keys(when) as ProjectCommand["type"][]).filter((type) => when[type]?.whilePaused === true),
);

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
  const now = instantOf(ctx);
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
  const w = when[type as ProjectCommand["type"]];
  if (w?.stages !== undefined && !w.stages.includes(s.stage)) {
    return labRule("wrong_stage", `${type} is for a project in ${w.stages.join(" or ")}; this one is in ${s.stage}.`, { stage: s.stage, expected: w.stages });
  }
  return w?.check?.(s);
};
