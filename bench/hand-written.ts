// The baseline of the projection benchmarks: the four lab projections written by hand as one
// mutable single-pass fold, building the very same state (so the figures can be compared), with the
// same at-most-once guarantee per stream. No recipes, no combinator, no freezing.
import type { Draft } from "immer";
import type { Envelope, LabEvent, LabProjectionsState, ParticipantRole } from "../src/index.js";
import { sha256Hex } from "../src/index.js";

type State = Draft<LabProjectionsState>;
type Ctx = State["participation"];

const yearOf = (iso: string) => iso.slice(0, 4);
const addTo = (m: Map<string, Set<string>>, k: string, v: string) => {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
};
const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

export const handWritten = (events: readonly Envelope<LabEvent>[]): State => {
  const ctx = () => ({ projects: new Map(), entities: new Map(), forgotten: new Set<string>() });
  const P = {
    ...ctx(),
    pending: new Map(),
    people: new Map(),
    participations: new Map(),
    headcount: new Map(),
    sessionsHeld: new Map(),
    engaged: new Map(),
    partners: new Map(),
  } as Ctx;
  const I = { ...ctx(), kpis: new Map(), pilots: new Map(), running: new Map(), evaluations: new Map(), adoptions: new Map() } as State["impact"];
  const F = { ...ctx(), portfolio: new Map(), declined: new Map(), latestAt: "" } as State["portfolio"];
  const A = { entries: new Map() } as State["auditTrail"];
  const seen = new Map<string, number>();
  const track = (c: { projects: Map<string, { sector: string; stage: string }>; entities: Map<string, unknown> }, e: Envelope<LabEvent>) => {
    if (e.type === "ChallengeSubmitted") c.projects.set(e.data.projectId, { sector: e.data.sector, stage: "challenge" });
    else if (e.type === "StageEntered") {
      const p = c.projects.get(e.data.projectId);
      if (p) p.stage = e.data.stage;
    } else if (e.type === "ProjectPivoted") {
      const p = c.projects.get(e.data.projectId);
      if (p) p.stage = e.data.to;
    } else if (e.type === "EntityRegistered") c.entities.set(e.data.entityId, { kind: e.data.kind, level: e.data.level ?? null, sector: e.data.sector });
  };
  // The same memoisation of slice and key strings as the projections, written by hand.
  const sliceMemo = new Map<string, string[]>();
  const keyMemo = new Map<string, string[]>();
  const slices = (at: string, projectId: string) => {
    const p = P.projects.get(projectId);
    const year = yearOf(at);
    const id = p === undefined ? year : `${year}|${p.sector}|${p.stage}`;
    let out = sliceMemo.get(id);
    if (!out) sliceMemo.set(id, (out = p === undefined ? ["all", `year:${year}`] : ["all", `year:${year}`, `sector:${p.sector}`, `stage:${p.stage}`]));
    return out;
  };
  const keys = (prefix: string, ss: string[]) => {
    const id = `${prefix}|${ss.join("|")}`;
    let out = keyMemo.get(id);
    if (!out) keyMemo.set(id, (out = ss.map((x) => `${prefix}@${x}`)));
    return out;
  };
  for (const e of events) {
    if (e.version <= (seen.get(e.streamId) ?? 0)) continue;
    seen.set(e.streamId, e.version);
    track(P as never, e);
    track(I as never, e);
    track(F as never, e);
    if (F.latestAt === "" || Date.parse(e.occurredAt) > Date.parse(F.latestAt)) F.latestAt = e.occurredAt;
    const at = e.occurredAt;
    switch (e.type) {
      case "ChallengeSubmitted": {
        for (const s of slices(at, e.data.projectId)) addTo(P.engaged, e.data.ownerEntityId, s);
        F.portfolio.set(e.data.projectId, {
          stage: "challenge",
          status: "active",
          stageEnteredAt: at,
          stages: [{ stage: "challenge", enteredAt: at, leftAt: null }],
          pauses: [],
          discontinuation: null,
          mainstreamedAt: null,
          title: e.data.title,
          sector: e.data.sector,
          submittedAt: at,
          submittedEventId: e.id,
          pilotStartedAt: null,
          procurements: new Map(),
        });
        A.entries.set(e.id, {
          eventId: e.id,
          projectId: e.data.projectId,
          type: e.type,
          occurredAt: at,
          recordedAt: e.recordedAt,
          actor: e.actor,
          summary: `Challenge submitted: "${e.data.title}" (${e.data.sector}), owner ${e.data.ownerEntityId}, lead ${e.data.leadId}`,
        });
        break;
      }
      case "ChallengeAccepted":
        A.entries.set(e.id, {
          eventId: e.id,
          projectId: e.data.projectId,
          type: e.type,
          occurredAt: at,
          recordedAt: e.recordedAt,
          actor: e.actor,
          summary: "Challenge accepted",
        });
        break;
      case "EntityJoined": {
        for (const s of slices(at, e.data.projectId)) {
          addTo(P.engaged, e.data.entityId, s);
          if (e.data.role === "partner") addTo(P.partners, e.data.entityId, s);
        }
        break;
      }
      case "EntityDeclined":
        F.declined.set(`${e.data.projectId}|${e.data.entityId}`, e.data.entityId);
        break;
      case "AdoptionRecorded": {
        for (const s of slices(at, e.data.projectId)) addTo(P.engaged, e.data.entityId, s);
        const list = I.adoptions.get(e.data.projectId) ?? [];
        list.push({ entityId: e.data.entityId, scaleType: e.data.scaleType, sites: e.data.sites, usersCovered: e.data.usersCovered });
        I.adoptions.set(e.data.projectId, list);
        break;
      }
      case "AttendanceRecorded": {
        const k = `${e.data.projectId}|${e.data.sessionId}`;
        const list = P.pending.get(k) ?? [];
        for (const a of e.data.attendees) list.push({ ref: a.participantRef, role: a.role, affiliation: a.affiliationEntityId ?? null, eventId: e.id });
        P.pending.set(k, list);
        break;
      }
      case "SessionClosed": {
        const ss = slices(at, e.data.projectId);
        const k = `${e.data.projectId}|${e.data.sessionId}`;
        const anyone = keys("*", ss);
        const perRole = new Map<string, number>();
        for (const a of P.pending.get(k) ?? []) {
          const ref = P.forgotten.size > 0 && P.forgotten.has(`sha256:${sha256Hex(a.ref)}`) ? `sha256:${sha256Hex(a.ref)}` : a.ref;
          let set = P.people.get(ref);
          if (!set) P.people.set(ref, (set = new Set()));
          for (const key of keys(a.role as ParticipantRole, ss)) set.add(key);
          for (const key of anyone) set.add(key);
          perRole.set(a.role, (perRole.get(a.role) ?? 0) + 1);
          if (a.role === "civil_servant" && a.affiliation !== null) for (const s of ss) addTo(P.engaged, a.affiliation, s);
        }
        let attended = 0;
        for (const [role, n] of perRole) {
          attended += n;
          for (const key of keys(role, ss)) bump(P.participations, key, n);
        }
        if (attended > 0) for (const key of anyone) bump(P.participations, key, attended);
        P.pending.delete(k);
        for (const s of ss) bump(P.sessionsHeld, s);
        const h = e.data.anonymousHeadcount;
        for (const [what, n] of [
          ["citizens", h.citizens],
          ["civilServants", h.civilServants],
          ["business", h.business],
          ["other", h.other],
        ] as const)
          for (const key of keys(what, ss)) bump(P.headcount, key, n);
        break;
      }
      case "SessionCancelled":
        P.pending.delete(`${e.data.projectId}|${e.data.sessionId}`);
        break;
      case "GateDecisionRecorded":
        A.entries.set(e.id, {
          eventId: e.id,
          projectId: e.data.projectId,
          type: e.type,
          occurredAt: at,
          recordedAt: e.recordedAt,
          actor: e.actor,
          summary: `${e.data.gate} decision: ${e.data.outcome}${e.data.recycleTo ? ` (back to ${e.data.recycleTo})` : ""} by ${e.data.approvers.map((x) => x.id).join(", ")}`,
          decision: e.data,
        });
        break;
      case "StageEntered": {
        const p = F.portfolio.get(e.data.projectId);
        if (p) {
          const open = p.stages.at(-1);
          if (open && open.leftAt === null) open.leftAt = at;
          p.stage = e.data.stage;
          p.stageEnteredAt = at;
          p.stages.push({ stage: e.data.stage, enteredAt: at, leftAt: null });
        }
        A.entries.set(e.id, {
          eventId: e.id,
          projectId: e.data.projectId,
          type: e.type,
          occurredAt: at,
          recordedAt: e.recordedAt,
          actor: e.actor,
          summary: `Entered ${e.data.stage} from ${e.data.from} through ${e.data.gate}`,
        });
        break;
      }
      case "ProjectPaused": {
        const p = F.portfolio.get(e.data.projectId);
        if (p) {
          p.status = "paused";
          p.pauses.push({ stage: p.stage, reason: e.data.reason, from: at, to: null });
        }
        A.entries.set(e.id, {
          eventId: e.id,
          projectId: e.data.projectId,
          type: e.type,
          occurredAt: at,
          recordedAt: e.recordedAt,
          actor: e.actor,
          summary: `Paused (${e.data.reason})${e.data.note ? `: ${e.data.note}` : ""}`,
        });
        break;
      }
      case "ProjectResumed": {
        const p = F.portfolio.get(e.data.projectId);
        if (p) {
          p.status = "active";
          const last = p.pauses.at(-1);
          if (last && last.to === null) last.to = at;
        }
        A.entries.set(e.id, {
          eventId: e.id,
          projectId: e.data.projectId,
          type: e.type,
          occurredAt: at,
          recordedAt: e.recordedAt,
          actor: e.actor,
          summary: "Resumed",
        });
        break;
      }
      case "ProcurementRequested":
        F.portfolio.get(e.data.projectId)?.procurements.set(e.data.procurementId, { requestedAt: at, contractedAt: null });
        break;
      case "ProcurementContracted": {
        const r = F.portfolio.get(e.data.projectId)?.procurements.get(e.data.procurementId);
        if (r) r.contractedAt = at;
        break;
      }
      case "KpiDefined": {
        const d = e.data;
        I.kpis.set(`${d.projectId}|${d.kpiId}`, {
          name: d.name,
          category: d.category,
          unit: d.unit,
          direction: d.direction,
          baseline: d.baseline,
          target: d.target,
          projectId: d.projectId,
          kpiId: d.kpiId,
          measurements: new Map(),
          corrections: new Map(),
        });
        break;
      }
      case "KpiMeasured":
        I.kpis.get(`${e.data.projectId}|${e.data.kpiId}`)?.measurements.set(e.id, { value: e.data.value, periodEnd: e.data.periodEnd, order: e.version });
        A.entries.set(e.id, {
          eventId: e.id,
          projectId: e.data.projectId,
          type: e.type,
          occurredAt: at,
          recordedAt: e.recordedAt,
          actor: e.actor,
          summary: `KPI ${e.data.kpiId} measured: ${e.data.value} for ${e.data.periodStart.slice(0, 10)} – ${e.data.periodEnd.slice(0, 10)} (${e.data.source})`,
        });
        break;
      case "PilotStarted":
        I.pilots.set(e.id, { projectId: e.data.projectId, sites: e.data.sites, entityIds: e.data.entityIds, startedAt: at, endedAt: null });
        I.running.set(e.data.projectId, e.id);
        {
          const p = F.portfolio.get(e.data.projectId);
          if (p) p.pilotStartedAt ??= at;
        }
        break;
      case "PilotEnded": {
        const id = I.running.get(e.data.projectId);
        const p = id === undefined ? undefined : I.pilots.get(id);
        if (p) p.endedAt = at;
        I.running.delete(e.data.projectId);
        break;
      }
      case "EvaluationPublished": {
        const list = I.evaluations.get(e.data.projectId) ?? [];
        list.push({ outcome: e.data.outcome, evidenceLevel: e.data.evidenceLevel, at });
        I.evaluations.set(e.data.projectId, list);
        break;
      }
      default:
        // The synthetic log holds no other event types; the kernel projections handle them all.
        break;
    }
  }
  return { participation: P, impact: I, portfolio: F, auditTrail: A };
};
