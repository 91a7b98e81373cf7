import type { Draft } from "immer";
import type { Envelope } from "../kernel/index.js";
import type { EntityEvent, ParticipantEvent, ProjectEvent } from "./events.js";
import type { EntityState, ParticipantState, ProjectState } from "./state.js";
import type { Stage } from "./vocabulary.js";

const enterStage = (s: Draft<ProjectState>, stage: Stage, at: string): void => {
  const open = s.stages.at(-1);
  if (open) open.leftAt = at;
  // A new stay in pilot runs a new pilot; the earlier one is kept for the record.
  if (stage === "pilot" && s.pilot !== null) {
    s.pastPilots.push(s.pilot);
    s.pilot = null;
  }
  s.stage = stage;
  s.stageEnteredAt = at;
  s.stages.push({ stage, enteredAt: at, leftAt: null });
};

const end = (s: Draft<ProjectState>, at: string): void => {
  const open = s.stages.at(-1);
  if (open) open.leftAt = at;
  const pause = s.pauses.at(-1);
  if (pause && pause.to === null) pause.to = at;
};

/**
 * Evolve a project's state by one event (a recipe). Facts are recorded as they are; whether they
 * were allowed is `decide`'s business.
 */
export const evolveProject = (s: Draft<ProjectState>, e: Envelope<ProjectEvent>): void => {
  const at = e.occurredAt;
  switch (e.type) {
    case "ChallengeSubmitted": {
      const d = e.data;
      Object.assign(s, { submitted: true, projectId: d.projectId, title: d.title, sector: d.sector, ownerEntityId: d.ownerEntityId, leadId: d.leadId });
      s.facet = d.facet ?? null;
      s.submittedAt = at;
      s.status = "active";
      enterStage(s, "challenge", at);
      return;
    }
    case "ChallengeAccepted":
      s.accepted = true;
      return;
    case "ChallengeRejected":
      return;
    case "EntityJoined": {
      const m = s.entities.get(e.data.entityId);
      if (m === undefined) s.entities.set(e.data.entityId, { roles: [e.data.role], active: true, joinedAt: at });
      else {
        if (!m.active) m.roles = [];
        if (!m.roles.includes(e.data.role)) m.roles.push(e.data.role);
        m.active = true;
      }
      s.declined.delete(e.data.entityId);
      return;
    }
    case "EntityLeft": {
      const m = s.entities.get(e.data.entityId);
      if (m) m.active = false;
      return;
    }
    case "EntityDeclined":
      s.declined.set(e.data.entityId, { reason: e.data.reason, at });
      return;
    case "GateDecisionRecorded": {
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
        occurredAt: at,
        actorId: e.actor.id,
      });
      return;
    }
    case "StageEntered":
      enterStage(s, e.data.stage, at);
      return;
    case "ProjectPaused":
      s.status = "paused";
      s.pauses.push({ reason: e.data.reason, stage: s.stage, from: at, to: null });
      return;
    case "ProjectResumed": {
      s.status = "active";
      const pause = s.pauses.at(-1);
      if (pause) pause.to = at;
      return;
    }
    case "ProjectPivoted":
      enterStage(s, e.data.to, at);
      return;
    case "ProjectDiscontinued":
      end(s, at);
      s.status = "discontinued";
      s.discontinuation = { reasonCode: e.data.reasonCode, lessons: e.data.lessons, at };
      return;
    case "ProjectMainstreamed":
      end(s, at);
      s.status = "mainstreamed";
      s.mainstreamedAt = at;
      return;
    case "SessionScheduled": {
      const d = e.data;
      s.sessions.set(d.sessionId, { kind: d.kind, mode: d.mode, scheduledFor: d.scheduledFor, stage: s.stage, status: "scheduled", attendees: new Map(), lastAttendanceAt: null, headcount: null, contributions: 0 });
      return;
    }
    case "AttendanceRecorded": {
      const session = s.sessions.get(e.data.sessionId);
      if (session) {
        for (const a of e.data.attendees) session.attendees.set(a.participantRef, a.role);
        if (session.lastAttendanceAt === null || Date.parse(at) > Date.parse(session.lastAttendanceAt)) session.lastAttendanceAt = at;
      }
      return;
    }
    case "SessionClosed": {
      const session = s.sessions.get(e.data.sessionId);
      if (session) {
        session.status = "closed";
        session.headcount = e.data.anonymousHeadcount;
        session.contributions = e.data.contributions;
      }
      return;
    }
    case "SessionCancelled": {
      const session = s.sessions.get(e.data.sessionId);
      if (session) session.status = "cancelled";
      return;
    }
    case "ProcurementRequested": {
      const d = e.data;
      s.procurements.set(d.procurementId, { procedure: d.procedure, estimatedValue: d.estimatedValue, status: "requested", requestedAt: at, settledAt: null, supplierEntityId: null, value: null });
      return;
    }
    case "ProcurementContracted": {
      const p = s.procurements.get(e.data.procurementId);
      if (p) Object.assign(p, { status: "contracted", settledAt: at, supplierEntityId: e.data.supplierEntityId, value: e.data.value });
      return;
    }
    case "ProcurementCancelled": {
      const p = s.procurements.get(e.data.procurementId);
      if (p) Object.assign(p, { status: "cancelled", settledAt: at });
      return;
    }
    case "KpiDefined": {
      const d = e.data;
      s.kpis.set(d.kpiId, { name: d.name, category: d.category, unit: d.unit, direction: d.direction, baseline: d.baseline, target: d.target, measurements: [], redefinitions: 0 });
      return;
    }
    case "KpiRedefined": {
      const k = s.kpis.get(e.data.kpiId);
      if (k === undefined) return;
      const { name, unit, direction, baseline, target } = e.data;
      if (name !== undefined) k.name = name;
      if (unit !== undefined) k.unit = unit;
      if (direction !== undefined) k.direction = direction;
      if (baseline !== undefined) k.baseline = baseline;
      if (target !== undefined) k.target = target;
      k.redefinitions++;
      return;
    }
    case "KpiMeasured": {
      const d = e.data;
      s.kpis.get(d.kpiId)?.measurements.push({ eventId: e.id, value: d.value, periodStart: d.periodStart, periodEnd: d.periodEnd, correctedValue: null });
      return;
    }
    case "KpiMeasurementCorrected": {
      const m = s.kpis.get(e.data.kpiId)?.measurements.find((x) => x.eventId === e.data.correctsEventId);
      if (m) m.correctedValue = e.data.value;
      return;
    }
    case "PilotStarted":
      s.pilot = { startedAt: at, plannedEnd: e.data.plannedEnd, sites: e.data.sites, entityIds: e.data.entityIds, endedAt: null };
      return;
    case "PilotEnded":
      if (s.pilot) s.pilot.endedAt = at;
      return;
    case "EvaluationPublished":
      s.evaluations.push({ outcome: e.data.outcome, evidenceLevel: e.data.evidenceLevel, reportRef: e.data.reportRef, at });
      return;
    case "AdoptionRecorded":
      s.adoptions.push({ entityId: e.data.entityId, scaleType: e.data.scaleType, sites: e.data.sites, usersCovered: e.data.usersCovered, at });
      return;
    default: {
      const never: never = e;
      return never;
    }
  }
};

/** Evolve an entity's state by one event. */
export const evolveEntity = (s: Draft<EntityState>, e: Envelope<EntityEvent>): void => {
  switch (e.type) {
    case "EntityRegistered":
      Object.assign(s, { registered: true, entityId: e.data.entityId, name: e.data.name, kind: e.data.kind, level: e.data.level ?? null, sector: e.data.sector });
      return;
    default: {
      const never: never = e.type;
      return never;
    }
  }
};

/** Evolve a participant's erasure state by one event. */
export const evolveParticipant = (s: Draft<ParticipantState>, e: Envelope<ParticipantEvent>): void => {
  switch (e.type) {
    case "ParticipantForgotten":
      s.forgotten = true;
      s.forgottenAt = e.occurredAt;
      return;
    default: {
      const never: never = e.type;
      return never;
    }
  }
};
