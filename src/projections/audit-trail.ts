import { castDraft } from "immer";
import { type Actor, compareInstants, deepFreeze, type Envelope, type Immutable, type Projection } from "../kernel/index.js";
import { type EventData, type LabEvent, labStreamName } from "../lab/index.js";

/** One line of the audit trail: a decision or a change of stage or status, with who did it and when. */
export type TrailEntry = Immutable<{
  eventId: string;
  projectId: string;
  type: LabEvent["type"];
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  /** What happened, in words. */
  summary: string;
  /** For gate decisions: approvers, rationale, evidence, conditions. */
  decision?: EventData<"GateDecisionRecorded">;
}>;

/** The audit trail's state: its entries by event id (read them in order with `auditTrail`). */
export type AuditTrailState = Immutable<{ entries: Map<string, TrailEntry> }>;

const summary = (e: Envelope<LabEvent>): string | undefined => {
  switch (e.type) {
    case "ChallengeSubmitted":
      return `Challenge submitted: "${e.data.title}" (${e.data.sector}), owner ${e.data.ownerEntityId}, lead ${e.data.leadId}`;
    case "ChallengeAccepted":
      return "Challenge accepted";
    case "ChallengeRejected":
      return `Challenge rejected: ${e.data.reason}`;
    case "GateDecisionRecorded": {
      const back = e.data.recycleTo ? ` (back to ${e.data.recycleTo})` : "";
      return `${e.data.gate} decision: ${e.data.outcome}${back} by ${e.data.approvers.map((a) => a.id).join(", ")}`;
    }
    case "StageEntered":
      return `Entered ${e.data.stage} from ${e.data.from} through ${e.data.gate}`;
    case "ProjectPivoted":
      return `Pivoted from ${e.data.from} back to ${e.data.to}: ${e.data.rationale}`;
    case "ProjectPaused":
      return `Paused (${e.data.reason})${e.data.note ? `: ${e.data.note}` : ""}`;
    case "ProjectResumed":
      return "Resumed";
    case "ProjectDiscontinued":
      return `Discontinued (${e.data.reasonCode}): ${e.data.lessons}`;
    case "ProjectMainstreamed":
      return "Mainstreamed";
    case "KpiRedefined":
      return `KPI ${e.data.kpiId} redefined: ${e.data.reason}`;
    case "KpiMeasured":
      return `KPI ${e.data.kpiId} measured: ${e.data.value} for ${e.data.periodStart.slice(0, 10)} – ${e.data.periodEnd.slice(0, 10)} (${e.data.source})`;
    case "KpiMeasurementCorrected":
      return `KPI ${e.data.kpiId} measurement ${e.data.correctsEventId} corrected to ${e.data.value}: ${e.data.reason}`;
    default:
      return undefined;
  }
};

/**
 * The audit trail: every gate decision with its approvers, rationale, evidence and conditions, every
 * change of stage or status, every measurement and every correction — the correction beside what it
 * corrects, since nothing is ever rewritten — each with its actor and both times.
 */
export const auditTrailProjection: Projection<AuditTrailState, LabEvent> = {
  initialState: deepFreeze({ entries: new Map() }),
  streamName: labStreamName,
  evolve: (s, e: Envelope<LabEvent>) => {
    const text = summary(e);
    if (text === undefined || !("projectId" in e.data)) return;
    const entry: TrailEntry = {
      eventId: e.id,
      projectId: e.data.projectId,
      type: e.type,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      actor: e.actor,
      summary: text,
      ...(e.type === "GateDecisionRecorded" ? { decision: e.data } : {}),
    };
    // Keyed by event id, so parts built apart merge into exactly the same state; ordered when read.
    s.entries.set(e.id, castDraft(entry));
  },
  merge: (a, b) => ({ entries: new Map([...a.entries, ...b.entries]) }),
};

/**
 * The trail, ordered by business time (`occurredAt`), then record time, then event id, optionally for one project.
 *
 * @example
 * const r = project(auditTrailProjection, events);
 * if (r.ok) console.log(auditTrail(r.value.state, "p-7").filter((x) => x.decision));
 */
export const auditTrail = (s: AuditTrailState, projectId?: string): TrailEntry[] =>
  [...s.entries.values()]
    .filter((x) => projectId === undefined || x.projectId === projectId)
    .sort(
      (a, b) =>
        compareInstants(a.occurredAt, b.occurredAt) ||
        compareInstants(a.recordedAt, b.recordedAt) ||
        (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0),
    );
