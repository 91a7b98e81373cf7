// A synthetic lab log for the projection benchmarks: `projects` project streams of 100 events in
// the lifecycle's order (sessions with attendance, KPIs, procurement, a pause, a pilot, adoptions),
// plus the organisation register and the erasure of 1% of the people, interleaved in a seeded
// order. Assembled directly, not through the deciders (it measures projections, not rules), but
// every line decodes: schema versions are the catalogue's, references are 128-bit tokens.
import { type Envelope, type LabEvent, labEvents } from "../src/index.js";
import { dice, prng } from "../examples/shared/prng.js";

// A 128-bit token for person `n` (32 hex digits), deterministic and cheap: a 32-bit mix of n, four times.
const refOf = (n: number): string => {
  let out = "";
  for (let k = 0; k < 4; k++) {
    let x = Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca77);
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
    x = Math.imul(x ^ (x >>> 12), 0x297a2d39);
    out += ((x ^ (x >>> 15)) >>> 0).toString(16).padStart(8, "a");
  }
  return out;
};

type E = LabEvent;
const SECTORS = ["health", "justice", "finance", "social_security", "education", "environment", "employment", "local_government", "digital_services"] as const;

// A KPI defined with a baseline and a target, the rest fixed.
const kpi = (projectId: string, kpiId: string, category: "service_time" | "digital_uptake", direction: "increase" | "decrease", from: number, to: number) => ({
  type: "KpiDefined" as const,
  data: {
    projectId,
    kpiId,
    name: "k",
    category,
    unit: category === "service_time" ? "d" : "%",
    direction,
    baseline: { value: from, measuredAt: "2017-01-01T00:00:00.000Z", source: "s" },
    target: { value: to, by: "2020-01-01T00:00:00.000Z" },
  },
});

// One project's events, in the lifecycle's order: challenge, organisations, KPIs, procurement with a
// pause, `sessions` sessions with attendance, a pilot with measurements, evaluation, adoptions.
// Lazy, so that a stream of millions holds one cursor per project rather than every event.
function* projectScript(p: number, sessions: number, d: ReturnType<typeof dice>, entities: number, people: number): Generator<E> {
  const projectId = `p${p}`;
  const en = () => `en${d.int(0, entities - 1)}`;
  const ref = () => refOf(d.int(0, people));
  // The opening's organisations are drawn first, in the order labSyntheticLog has always drawn them.
  const opening: E[] = [
    {
      type: "ChallengeSubmitted",
      data: { projectId, title: `Project ${p}`, problemStatement: "x", sector: d.pick(SECTORS), ownerEntityId: en(), leadId: "lead-1" },
    },
    { type: "ChallengeAccepted", data: { projectId } },
    { type: "EntityJoined", data: { projectId, entityId: en(), role: "sponsor" } },
    { type: "EntityJoined", data: { projectId, entityId: en(), role: "partner" } },
    { type: "EntityJoined", data: { projectId, entityId: en(), role: "partner" } },
    { type: "EntityDeclined", data: { projectId, entityId: en(), reasonCode: "no_capacity", reason: "no" } },
    { type: "GateDecisionRecorded", data: { projectId, gate: "G1", outcome: "go", approvers: [{ id: "dm-1", role: "decision_maker" }], evidence: [] } },
    { type: "StageEntered", data: { projectId, stage: "co_design", from: "challenge", gate: "G1" } },
    kpi(projectId, "k1", "service_time", "decrease", 30, 5),
    kpi(projectId, "k2", "digital_uptake", "increase", 10, 50),
    {
      type: "ProcurementRequested",
      data: { projectId, procurementId: "r1", procedure: "open", description: "x", estimatedValue: { amount: 1000, currency: "EUR" } },
    },
    { type: "ProjectPaused", data: { projectId, reason: "procurement" } },
    { type: "ProcurementContracted", data: { projectId, procurementId: "r1", supplierEntityId: en(), value: { amount: 900, currency: "EUR" } } },
    { type: "ProjectResumed", data: { projectId } },
  ];
  yield* opening;
  for (let k = 0; k < sessions; k++) {
    const sessionId = `s${k}`;
    yield { type: "SessionScheduled", data: { projectId, sessionId, kind: "workshop", mode: "online", scheduledFor: "2018-01-01T00:00:00.000Z" } };
    yield {
      type: "AttendanceRecorded",
      data: {
        projectId,
        sessionId,
        attendees: [
          { participantRef: ref(), role: "citizen" },
          { participantRef: ref(), role: "citizen" },
          { participantRef: ref(), role: "citizen" },
          { participantRef: ref(), role: "civil_servant", affiliationEntityId: en() },
        ],
      },
    };
    yield {
      type: "SessionClosed",
      data: { projectId, sessionId, anonymousHeadcount: { citizens: k % 3, civilServants: 0, business: 0, other: 0 }, contributions: 2 },
    };
  }
  yield { type: "GateDecisionRecorded", data: { projectId, gate: "G2", outcome: "go", approvers: [{ id: "dm-1", role: "decision_maker" }], evidence: [] } };
  yield { type: "StageEntered", data: { projectId, stage: "pilot", from: "co_design", gate: "G2" } };
  yield { type: "PilotStarted", data: { projectId, sites: 2, entityIds: [en()], plannedEnd: "2020-01-01T00:00:00.000Z" } };
  for (let m = 0; m < 8; m++)
    yield {
      type: "KpiMeasured",
      data: {
        projectId,
        kpiId: m % 2 ? "k1" : "k2",
        value: m * 3,
        periodStart: "2018-01-01T00:00:00.000Z",
        periodEnd: `2018-0${m + 1}-01T00:00:00.000Z`,
        source: "s",
      },
    };
  yield { type: "PilotEnded", data: { projectId } };
  yield { type: "EvaluationPublished", data: { projectId, outcome: "success", evidenceLevel: 3, reportRef: "r" } };
  yield { type: "GateDecisionRecorded", data: { projectId, gate: "G3", outcome: "go", approvers: [{ id: "dm-1", role: "decision_maker" }], evidence: [] } };
  yield { type: "StageEntered", data: { projectId, stage: "scale", from: "pilot", gate: "G3" } };
  yield { type: "AdoptionRecorded", data: { projectId, entityId: en(), scaleType: "out", sites: 2, usersCovered: 100 } };
  yield { type: "AdoptionRecorded", data: { projectId, entityId: en(), scaleType: "up", sites: 1, usersCovered: 50 } };
  yield { type: "AdoptionRecorded", data: { projectId, entityId: en(), scaleType: "deep", sites: 0, usersCovered: 10 } };
  yield { type: "GateDecisionRecorded", data: { projectId, gate: "G4", outcome: "go", approvers: [{ id: "dm-1", role: "decision_maker" }], evidence: [] } };
}

// The events of a project script: 14 to open, three per session, 19 to close.
const scriptLength = (sessions: number): number => 33 + 3 * sessions;

// The log's events in order, in batches: the organisations registered first, then the projects'
// scripts interleaved in a seeded order (each script advanced lazily, or drawn whole beforehand),
// and 1% of the people erased at random points (some before they attend).
function* interleaved(projects: number, sessions: number, seed: number, lazy: boolean): Generator<Envelope<E>[]> {
  const random = prng(seed);
  const d = dice(random);
  const entities = Math.max(50, Math.round(projects / 5));
  const people = projects * 30;
  const t0 = Date.UTC(2017, 0, 1);
  const actor = { id: "bench", role: "system" };
  let id = 0;
  const envelope = (streamId: string, version: number, at: number, event: E): Envelope<E> => {
    const iso = new Date(at).toISOString();
    const schemaVersion = labEvents[event.type].schemaVersion;
    return { id: `e${++id}`, streamId, version, type: event.type, schemaVersion, occurredAt: iso, recordedAt: iso, actor, data: event.data } as Envelope<E>;
  };
  let out: Envelope<E>[] = [];
  for (let i = 0; i < entities; i++) {
    const kind = i % 3 === 0 ? "business" : "public";
    out.push(
      envelope(`entity:en${i}`, 1, t0 - 86_400_000 + i, {
        type: "EntityRegistered",
        data: { entityId: `en${i}`, name: `Org ${i}`, kind, sector: "health", ...(kind === "public" ? { level: "national" as const } : {}) },
      }),
    );
  }
  const scripts = Array.from({ length: projects }, (_, p) => {
    const script = projectScript(p, sessions, d, entities, people);
    return lazy ? script : [...script][Symbol.iterator]();
  });
  const cursors = new Array<number>(projects).fill(0);
  const live = scripts.map((_, i) => i);
  const length = scriptLength(sessions);
  let tick = 0;
  const erasures = Math.round(people / 100);
  const total = projects * length;
  const erased = new Set<number>();
  while (live.length > 0) {
    if (erased.size < erasures && random() < erasures / total) {
      const who = d.int(0, people);
      if (!erased.has(who)) {
        erased.add(who);
        const participantRef = refOf(who);
        out.push(envelope(`participant:${participantRef}`, 1, t0 + 1000 * 86_400_000 + tick, { type: "ParticipantForgotten", data: { participantRef } }));
      }
    }
    const slot = Math.floor(random() * live.length);
    const p = live[slot] as number;
    const c = cursors[p] as number;
    cursors[p] = c + 1;
    // Each project's events happen a day apart from its start; the start is spread over 2017–2020.
    const event = (scripts[p] as Iterator<E>).next().value as E;
    out.push(envelope(`project:p${p}`, c + 1, t0 + (p % 1000) * 86_400_000 + c * 86_400_000 + (tick++ % 1000), event));
    if (c + 1 === length) {
      live[slot] = live[live.length - 1] as number;
      live.pop();
    }
    if (out.length >= 10_000) {
      yield out;
      out = [];
    }
  }
  yield out;
}

export const labSyntheticLog = (projects: number, seed = 7): Envelope<E>[] => {
  const out: Envelope<E>[] = [];
  for (const batch of interleaved(projects, 22, seed, false)) for (const e of batch) out.push(e);
  return out;
};

/**
 * The same kind of log, for logs too large to hold: produced in batches of about 10,000 events,
 * each project's script advanced only as it is drawn. With more sessions per project the log grows
 * while what it describes — projects, people, organisations — stays the same: what a national log
 * does over the years, and what tells memory that follows the state from memory that follows the log.
 */
export const labSyntheticStream = (projects: number, sessionsPerProject: number, seed = 7): Generator<Envelope<E>[]> =>
  interleaved(projects, sessionsPerProject, seed, true);
