import { exitGate, pivotTarget } from "./transitions.js";
import type { ProjectCommand, ProjectState } from "../catalogue/index.js";
import type { LabContext } from "../register.js";
import { dataOf, type Decided, emit, type Evolvers, type Handlers, refuse, refused, unregistered } from "../shared/index.js";
import { missingRequirements } from "./gates.js";

type Decision = Extract<ProjectCommand, { type: "RecordGateDecision" }>;

// Who decides: decision makers who do not lead the project, recorded by one of them.
const accountable = (c: Decision, s: ProjectState, ctx: LabContext): Decided | undefined => {
  if (c.approvers.length === 0) return refuse("no_approvers", "A gate decision needs at least one approver with the decision_maker role.");
  const notDm = c.approvers.filter((a) => a.role !== "decision_maker");
  if (notDm.length > 0) {
    return refuse("approver_not_decision_maker", `Approvers must hold the decision_maker role: ${notDm.map((a) => `${a.id} is ${a.role}`).join(", ")}.`, {
      approvers: notDm.map((a) => a.id),
    });
  }
  if (c.approvers.some((a) => a.id === s.leadId)) {
    return refuse("approver_is_lead", `${s.leadId} leads this project and cannot approve its gate; ask another decision maker.`, { leadId: s.leadId });
  }
  if (ctx.actor.id === s.leadId)
    return refuse("recorder_is_lead", `${s.leadId} leads this project and cannot record its gate decisions.`, { leadId: s.leadId });
  // The decision is recorded by one who took it; an import (system) records decisions others took.
  if (ctx.actor.role !== "system" && !c.approvers.some((a) => a.id === ctx.actor.id)) {
    const names = c.approvers.map((a) => a.id).join(", ");
    return refuse(
      "recorder_not_approver",
      `${ctx.actor.id} records this decision but is not among its approvers (${names}); the decision is recorded by one who took it.`,
      {
        actorId: ctx.actor.id,
      },
    );
  }
  return unregistered(
    c.approvers.map((a) => a.entityId),
    ctx,
  );
};

// What the decision says must be complete: conditions, rationale, where a recycle goes.
const complete = (c: Decision, s: ProjectState): Decided | undefined => {
  if (c.outcome === "conditional_go" && (c.conditions ?? []).length === 0) return refuse("conditions_required", "A conditional go must state its conditions.");
  if ((c.outcome === "no_go" || c.outcome === "hold" || c.outcome === "recycle") && c.rationale === undefined) {
    return refuse("rationale_required", `A ${c.outcome} decision must give its rationale.`, { outcome: c.outcome });
  }
  if (c.outcome !== "recycle") {
    return c.recycleTo === undefined
      ? undefined
      : refuse("recycle_target_unexpected", `Only a recycle decision names a stage to go back to; this one is ${c.outcome}.`);
  }
  const back = pivotTarget(s.stage);
  if (back !== undefined && c.recycleTo === back) return undefined;
  return refuse(
    "recycle_target_invalid",
    back === undefined ? "A project in challenge has no earlier stage to recycle to." : `From ${s.stage} a project can only be recycled to ${back}.`,
    { stage: s.stage, recycleTo: c.recycleTo ?? null, allowed: back ?? null },
  );
};

/** Gate decisions: by whom, saying what, and whether a go is earned. */
export const decisionHandlers: Handlers<"RecordGateDecision"> = {
  RecordGateDecision: (c, s, ctx, at) => {
    const gate = exitGate(s.stage);
    if (c.gate !== gate) return refuse("wrong_gate", `The project is in ${s.stage}, whose gate is ${gate}, not ${c.gate}.`, { gate: c.gate, expected: gate });
    const problem = accountable(c, s, ctx) ?? complete(c, s);
    if (problem) return problem;
    const missing = c.outcome === "go" || c.outcome === "conditional_go" ? missingRequirements(s) : undefined;
    return missing ? refused(missing) : emit(at, { type: "GateDecisionRecorded", data: dataOf(c) });
  },
};

/** A decision is kept with the stay in which it was taken: it counts only for that stay. */
export const decisionEvolvers: Evolvers<"GateDecisionRecorded"> = {
  GateDecisionRecorded: (s, e) => {
    const d = e.data;
    s.decisions.push({
      eventId: e.id,
      gate: d.gate,
      stage: s.stage,
      span: s.stages.length - 1,
      outcome: d.outcome,
      approvers: d.approvers,
      rationale: d.rationale ?? null,
      evidence: d.evidence,
      conditions: d.conditions ?? [],
      recycleTo: d.recycleTo ?? null,
      occurredAt: e.occurredAt,
      actorId: e.actor.id,
    });
  },
};
