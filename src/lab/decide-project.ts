import { type DomainError, type Emitted, err, ok, type Result, ruleViolation } from "../kernel/index.js";
import type { ProjectCommand } from "./commands.js";
import type { ProjectEvent } from "./events.js";
import { requirementMet } from "./gates.js";
import type { LabContext } from "./register.js";
import { checkActorAndTime, currentDecision, missingRequirements, precondition } from "./rules.js";
import type { Kpi, ProjectState } from "./state.js";
import { exitGate, pivotTarget, transitions } from "./transitions.js";

type Decided = Result<readonly Emitted<ProjectEvent>[], DomainError>;
const time = (iso: string): number => Date.parse(iso);
const refuse = (code: string, message: string, details: Record<string, unknown> = {}): Decided => err(ruleViolation(code, message, details));

const kpiShape = (k: Pick<Kpi, "direction" | "baseline" | "target">): Decided | undefined => {
  if (k.target.value === k.baseline.value) {
    return refuse("target_equals_baseline", "A KPI's target must differ from its baseline, or progress cannot be measured.", { value: k.target.value });
  }
  const up = k.target.value > k.baseline.value;
  if (up !== (k.direction === "increase")) {
    return refuse(
      "target_against_direction",
      `The KPI should ${k.direction}, but its target (${k.target.value}) is ${up ? "above" : "below"} its baseline (${k.baseline.value}).`,
      { direction: k.direction, baseline: k.baseline.value, target: k.target.value },
    );
  }
  return undefined;
};

// Organisations a project names must be in the register, so every figure that counts them, and
// every auditor who reads their names, finds them there.
const unregistered = (ids: readonly (string | undefined)[], ctx: LabContext): Decided | undefined => {
  const missing = [...new Set(ids.filter((id): id is string => id !== undefined && ctx.register.entity(id) === undefined))];
  if (missing.length === 0) return undefined;
  return refuse(
    "entity_not_registered",
    `${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not in the organisation register; register ${missing.length > 1 ? "them" : "it"} (RegisterEntity) first.`,
    { entityIds: missing },
  );
};

// What a decision authorises cannot happen, in business time, before the decision itself.
const afterDecision = (s: ProjectState, at: string, what: string): Decided | undefined => {
  const d = currentDecision(s);
  if (d === undefined || time(at) >= time(d.occurredAt)) return undefined;
  return refuse("occurred_before_decision", `${what} is dated ${at}, before the ${d.gate} decision that authorises it (${d.occurredAt}).`, { occurredAt: at, decidedAt: d.occurredAt, gate: d.gate });
};

/**
 * Decide what a command on a project stream does, enforcing the lifecycle, the gates, the
 * permission table, referential and time rules. Pure: time, actor and ids come from `ctx`.
 */
export const decideProject = (c: ProjectCommand, s: ProjectState, ctx: LabContext): Decided => {
  const when = checkActorAndTime(c.type, c.occurredAt, ctx);
  if (!when.ok) return when;
  const at = when.value;
  const pre = precondition(c.type, s);
  if (pre) return err(pre);
  if (s.submitted && time(at) < time(s.stageEnteredAt)) {
    return refuse("occurred_before_stage", `The event is dated ${at}, before the project entered ${s.stage} on ${s.stageEnteredAt}.`, {
      occurredAt: at,
      stageEnteredAt: s.stageEnteredAt,
    });
  }
  const emit = (...events: ProjectEvent[]): Decided => ok(events.map((e) => ({ ...e, occurredAt: at })));
  const projectId = c.projectId;

  switch (c.type) {
    case "SubmitChallenge": {
      const { type: _t, occurredAt: _o, ...data } = c;
      return unregistered([c.ownerEntityId], ctx) ?? emit({ type: "ChallengeSubmitted", data });
    }
    case "AcceptChallenge":
      return emit({ type: "ChallengeAccepted", data: { projectId } });
    case "RejectChallenge":
      return emit(
        { type: "ChallengeRejected", data: { projectId, reason: c.reason } },
        { type: "ProjectDiscontinued", data: { projectId, reasonCode: "rejected_at_intake", lessons: c.lessons ?? c.reason } },
      );

    case "RecordEntityJoined": {
      const known = unregistered([c.entityId], ctx);
      if (known) return known;
      if (c.role === "sponsor" && ctx.register.entity(c.entityId)?.kind !== "public") {
        return refuse("sponsor_not_public", `A sponsor must be a public entity; the register lists ${c.entityId} as ${ctx.register.entity(c.entityId)?.kind ?? "unknown"}.`, { entityId: c.entityId });
      }
      const m = s.entities.get(c.entityId);
      if (m?.active && m.roles.includes(c.role)) return refuse("entity_already_joined", `Entity ${c.entityId} is already a ${c.role} of this project.`, { entityId: c.entityId, role: c.role });
      return emit({ type: "EntityJoined", data: { projectId, entityId: c.entityId, role: c.role } });
    }
    case "RecordEntityLeft": {
      if (!s.entities.get(c.entityId)?.active) return refuse("entity_not_joined", `Entity ${c.entityId} is not part of this project.`, { entityId: c.entityId });
      return emit({ type: "EntityLeft", data: { projectId, entityId: c.entityId, ...(c.reason === undefined ? {} : { reason: c.reason }) } });
    }
    case "RecordEntityDeclined": {
      const known = unregistered([c.entityId], ctx);
      if (known) return known;
      if (s.entities.get(c.entityId)?.active) return refuse("entity_already_joined", `Entity ${c.entityId} is part of this project; record that it left instead.`, { entityId: c.entityId });
      if (s.declined.has(c.entityId)) return refuse("entity_already_declined", `Entity ${c.entityId} has already declined.`, { entityId: c.entityId });
      return emit({ type: "EntityDeclined", data: { projectId, entityId: c.entityId, reason: c.reason } });
    }

    case "RecordGateDecision": {
      const gate = exitGate(s.stage);
      if (c.gate !== gate) return refuse("wrong_gate", `The project is in ${s.stage}, whose gate is ${gate}, not ${c.gate}.`, { gate: c.gate, expected: gate });
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
      // Accountability: the decision is recorded by one who took it (an import records it for them).
      if (ctx.actor.id === s.leadId) {
        return refuse("recorder_is_lead", `${s.leadId} leads this project and cannot record its gate decisions.`, { leadId: s.leadId });
      }
      if (ctx.actor.role !== "system" && !c.approvers.some((a) => a.id === ctx.actor.id)) {
        return refuse("recorder_not_approver", `${ctx.actor.id} records this decision but is not among its approvers (${c.approvers.map((a) => a.id).join(", ")}); the decision is recorded by one who took it.`, {
          actorId: ctx.actor.id,
        });
      }
      const approverEntities = unregistered(c.approvers.map((a) => a.entityId), ctx);
      if (approverEntities) return approverEntities;
      if (c.outcome === "conditional_go" && (c.conditions ?? []).length === 0) {
        return refuse("conditions_required", "A conditional go must state its conditions.");
      }
      if ((c.outcome === "no_go" || c.outcome === "hold" || c.outcome === "recycle") && c.rationale === undefined) {
        return refuse("rationale_required", `A ${c.outcome} decision must give its rationale.`, { outcome: c.outcome });
      }
      if (c.outcome === "recycle") {
        const back = pivotTarget(s.stage);
        if (back === undefined || c.recycleTo !== back) {
          return refuse(
            "recycle_target_invalid",
            back === undefined ? "A project in challenge has no earlier stage to recycle to." : `From ${s.stage} a project can only be recycled to ${back}.`,
            { stage: s.stage, recycleTo: c.recycleTo ?? null, allowed: back ?? null },
          );
        }
      } else if (c.recycleTo !== undefined) {
        return refuse("recycle_target_unexpected", `Only a recycle decision names a stage to go back to; this one is ${c.outcome}.`);
      }
      if (c.outcome === "go" || c.outcome === "conditional_go") {
        const missing = missingRequirements(s);
        if (missing) return err(missing);
      }
      const { type: _t, occurredAt: _o, ...data } = c;
      return emit({ type: "GateDecisionRecorded", data });
    }
    case "AdvanceStage": {
      const step = transitions.advance[s.stage as keyof typeof transitions.advance];
      return afterDecision(s, at, `Entering ${step.to}`) ?? emit({ type: "StageEntered", data: { projectId, stage: step.to, from: s.stage, gate: step.gate } });
    }
    case "MainstreamProject":
      return afterDecision(s, at, "Mainstreaming") ?? emit({ type: "ProjectMainstreamed", data: { projectId } });
    case "PivotProject": {
      const to = currentDecision(s)?.recycleTo ?? s.stage;
      return afterDecision(s, at, "The pivot") ?? emit({ type: "ProjectPivoted", data: { projectId, from: s.stage, to, rationale: c.rationale } });
    }
    case "PauseProject": {
      if (c.expectedResumeAt !== undefined && time(c.expectedResumeAt) <= time(at)) {
        return refuse("resume_before_pause", `The expected resumption (${c.expectedResumeAt}) must come after the pause (${at}).`);
      }
      const { type: _t, occurredAt: _o, ...data } = c;
      return emit({ type: "ProjectPaused", data });
    }
    case "ResumeProject": {
      const since = s.pauses.at(-1)?.from ?? at;
      if (time(at) < time(since)) return refuse("occurred_before_pause", `The resumption is dated ${at}, before the pause began on ${since}.`);
      return emit({ type: "ProjectResumed", data: { projectId } });
    }
    case "DiscontinueProject":
      if (c.reasonCode === "rejected_at_intake") {
        return refuse("reason_reserved", "rejected_at_intake is what RejectChallenge records when a challenge is turned down at intake; give the reason this project stopped.", { reasonCode: c.reasonCode });
      }
      return emit({ type: "ProjectDiscontinued", data: { projectId, reasonCode: c.reasonCode, lessons: c.lessons } });

    case "ScheduleSession": {
      if (s.sessions.has(c.sessionId)) return refuse("session_exists", `Session ${c.sessionId} is already scheduled.`, { sessionId: c.sessionId });
      const { type: _t, occurredAt: _o, ...data } = c;
      return emit({ type: "SessionScheduled", data });
    }
    case "RecordAttendance":
    case "CloseSession":
    case "CancelSession": {
      const session = s.sessions.get(c.sessionId);
      if (!session) return refuse("session_not_found", `No session ${c.sessionId} is scheduled in this project.`, { sessionId: c.sessionId });
      if (session.status === "cancelled") return refuse("session_cancelled", `Session ${c.sessionId} was cancelled.`, { sessionId: c.sessionId });
      if (session.status === "closed") return refuse("session_closed", `Session ${c.sessionId} is already closed.`, { sessionId: c.sessionId });
      if (c.type === "CancelSession") return emit({ type: "SessionCancelled", data: { projectId, sessionId: c.sessionId, reason: c.reason } });
      if (time(at) < time(session.scheduledFor)) {
        const what = c.type === "CloseSession" ? "closed" : "attended";
        return refuse("session_not_held_yet", `Session ${c.sessionId} is scheduled for ${session.scheduledFor}; it cannot be ${what} on ${at}.`, { sessionId: c.sessionId });
      }
      if (c.type === "CloseSession") {
        if (session.lastAttendanceAt !== null && time(at) < time(session.lastAttendanceAt)) {
          return refuse("closed_before_attendance", `Session ${c.sessionId} cannot close on ${at}: attendance was recorded as happening on ${session.lastAttendanceAt}.`, {
            sessionId: c.sessionId,
            lastAttendanceAt: session.lastAttendanceAt,
          });
        }
        return emit({ type: "SessionClosed", data: { projectId, sessionId: c.sessionId, anonymousHeadcount: c.anonymousHeadcount, contributions: c.contributions } });
      }
      // Positions only, never the references: these people asked to be forgotten.
      const forgotten = c.attendees.flatMap((a, i) => (ctx.register.isForgotten(a.participantRef) ? [i + 1] : []));
      if (forgotten.length > 0) {
        return refuse(
          "participant_forgotten",
          `Attendee${forgotten.length > 1 ? "s" : ""} #${forgotten.join(", #")} asked to be forgotten and cannot be recorded again; record the others without them.`,
          { sessionId: c.sessionId, attendees: forgotten },
        );
      }
      const affiliations = unregistered(c.attendees.map((a) => a.affiliationEntityId), ctx);
      if (affiliations) return affiliations;
      const repeated: string[] = [];
      const seen = new Set<string>();
      for (const { participantRef: ref } of c.attendees) {
        if (session.attendees.has(ref) || seen.has(ref)) repeated.push(ref);
        seen.add(ref);
      }
      if (repeated.length > 0) {
        return refuse("attendee_already_recorded", `Already recorded in session ${c.sessionId}, so not counted twice: ${repeated.join(", ")}. Record the others without them.`, {
          sessionId: c.sessionId,
          participantRefs: repeated,
        });
      }
      return emit({ type: "AttendanceRecorded", data: { projectId, sessionId: c.sessionId, attendees: c.attendees } });
    }

    case "RequestProcurement": {
      if (s.procurements.has(c.procurementId)) return refuse("procurement_exists", `Procurement ${c.procurementId} has already been requested.`);
      const { type: _t, occurredAt: _o, ...data } = c;
      return emit({ type: "ProcurementRequested", data });
    }
    case "ContractProcurement":
    case "CancelProcurement": {
      const p = s.procurements.get(c.procurementId);
      if (!p) return refuse("procurement_not_found", `No procurement ${c.procurementId} has been requested in this project.`, { procurementId: c.procurementId });
      if (p.status === "cancelled") return refuse("procurement_cancelled", `Procurement ${c.procurementId} was cancelled.`, { procurementId: c.procurementId });
      if (p.status === "contracted") return refuse("procurement_already_contracted", `Procurement ${c.procurementId} is already contracted.`, { procurementId: c.procurementId });
      return c.type === "ContractProcurement"
        ? (unregistered([c.supplierEntityId], ctx) ?? emit({ type: "ProcurementContracted", data: { projectId, procurementId: c.procurementId, supplierEntityId: c.supplierEntityId, value: c.value } }))
        : emit({ type: "ProcurementCancelled", data: { projectId, procurementId: c.procurementId, reason: c.reason } });
    }

    case "DefineKpi": {
      if (s.kpis.has(c.kpiId)) {
        return refuse("kpi_exists", `KPI ${c.kpiId} is already defined; change its baseline or target with RedefineKpi and a reason.`, { kpiId: c.kpiId });
      }
      const shape = kpiShape(c);
      if (shape) return shape;
      const { type: _t, occurredAt: _o, ...data } = c;
      return emit({ type: "KpiDefined", data });
    }
    case "RedefineKpi":
    case "MeasureKpi":
    case "CorrectKpiMeasurement": {
      const k = s.kpis.get(c.kpiId);
      if (!k) return refuse("kpi_not_found", `No KPI ${c.kpiId} is defined in this project; define it first.`, { kpiId: c.kpiId });
      if (c.type === "RedefineKpi") {
        const { type: _t, occurredAt: _o, ...data } = c;
        if (data.name === undefined && data.unit === undefined && data.direction === undefined && data.baseline === undefined && data.target === undefined) {
          return refuse("nothing_to_redefine", `Say what changes in KPI ${c.kpiId}: name, unit, direction, baseline or target.`);
        }
        const shape = kpiShape({ direction: data.direction ?? k.direction, baseline: data.baseline ?? k.baseline, target: data.target ?? k.target });
        return shape ?? emit({ type: "KpiRedefined", data });
      }
      if (c.type === "MeasureKpi") {
        const { type: _t, occurredAt: _o, ...data } = c;
        if (time(data.periodEnd) < time(data.periodStart)) return refuse("period_invalid", `The period ends (${data.periodEnd}) before it starts (${data.periodStart}).`);
        if (time(data.periodEnd) > time(at)) {
          return refuse("period_in_future", `The period ends on ${data.periodEnd}, after the measurement is dated (${at}): measure a period once it is over.`, { periodEnd: data.periodEnd, occurredAt: at });
        }
        return emit({ type: "KpiMeasured", data });
      }
      const { type: _t, occurredAt: _o, ...data } = c;
      if (!k.measurements.some((m) => m.eventId === data.correctsEventId)) {
        return refuse("correction_target_not_found", `Event ${data.correctsEventId} is not a measurement of KPI ${c.kpiId}; a correction must name the KpiMeasured event it corrects.`, {
          correctsEventId: data.correctsEventId,
        });
      }
      return emit({ type: "KpiMeasurementCorrected", data });
    }

    case "StartPilot": {
      if (!requirementMet(s, "sponsor_committed")) return refuse("sponsor_not_committed", "A pilot needs a committed sponsor: no registered public entity is sponsoring this project now.");
      if (time(c.plannedEnd) <= time(at)) return refuse("pilot_end_before_start", `The pilot's planned end (${c.plannedEnd}) must come after its start (${at}).`);
      const outside = c.entityIds.filter((id) => id !== s.ownerEntityId && !s.entities.get(id)?.active);
      if (outside.length > 0) {
        return refuse("entity_not_in_project", `Pilot entities must be the owner or have joined the project: ${outside.join(", ")} ha${outside.length > 1 ? "ve" : "s"} not.`, { entityIds: outside });
      }
      return emit({ type: "PilotStarted", data: { projectId, sites: c.sites, entityIds: c.entityIds, plannedEnd: c.plannedEnd } });
    }
    case "EndPilot":
      return emit({ type: "PilotEnded", data: { projectId } });
    case "PublishEvaluation":
      return emit({ type: "EvaluationPublished", data: { projectId, outcome: c.outcome, evidenceLevel: c.evidenceLevel, reportRef: c.reportRef } });
    case "RecordAdoption":
      return unregistered([c.entityId], ctx) ?? emit({ type: "AdoptionRecorded", data: { projectId, entityId: c.entityId, scaleType: c.scaleType, sites: c.sites, usersCovered: c.usersCovered } });
    default: {
      const never: never = c;
      return never;
    }
  }
};
