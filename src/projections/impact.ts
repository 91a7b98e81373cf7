import type { Envelope, Projection } from "../kernel/index.js";
import { type EvaluationOutcome, type KpiCategory, type KpiDirection, type LabEvent, labStreamName, type ScaleType } from "../lab/index.js";
import { type Context, compareTime, emptyContext, inProject, mergeContext, trackContext } from "./context.js";

/** A KPI with every measurement and correction, keyed by event id. */
export interface KpiFacts {
  projectId: string;
  kpiId: string;
  name: string;
  category: KpiCategory;
  unit: string;
  direction: KpiDirection;
  baseline: number;
  target: number;
  targetBy: string;
  /** KpiMeasured event id → value and period end. */
  measurements: Map<string, { value: number; periodEnd: string; order: number }>;
  /** Corrected KpiMeasured event id → corrected value (the latest correction wins). */
  corrections: Map<string, number>;
}

/** The raw material of the impact figures. */
export interface ImpactState extends Context {
  /** `inProject(projectId, kpiId)` → the KPI. */
  kpis: Map<string, KpiFacts>;
  /** Every pilot, by the id of the `PilotStarted` event that began it: a project that re-enters pilot runs a new one. */
  pilots: Map<string, PilotRun>;
  /** Each project's pilot under way (project id → pilot id). */
  running: Map<string, string>;
  evaluations: Map<string, { outcome: EvaluationOutcome; evidenceLevel: number; at: string }[]>;
  adoptions: Map<string, { entityId: string; scaleType: ScaleType; sites: number; usersCovered: number }[]>;
}

/** One pilot: where it ran, with whom, from when to when. */
export interface PilotRun {
  projectId: string;
  sites: number;
  entityIds: string[];
  startedAt: string;
  endedAt: string | null;
}

const push = <T>(m: Map<string, T[]>, key: string, value: T): void => {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
};

/** Impact: KPIs and their measurements, pilots, evaluations and adoptions. */
export const impact: Projection<ImpactState, LabEvent> = {
  init: { ...emptyContext(), kpis: new Map(), pilots: new Map(), running: new Map(), evaluations: new Map(), adoptions: new Map() },
  streamName: labStreamName,
  apply: (s, e: Envelope<LabEvent>) => {
    trackContext(s, e);
    switch (e.type) {
      case "KpiDefined": {
        const d = e.data;
        s.kpis.set(inProject(d.projectId, d.kpiId), { projectId: d.projectId, kpiId: d.kpiId, name: d.name, category: d.category, unit: d.unit, direction: d.direction, baseline: d.baseline.value, target: d.target.value, targetBy: d.target.by, measurements: new Map(), corrections: new Map() });
        return;
      }
      case "KpiRedefined": {
        const k = s.kpis.get(inProject(e.data.projectId, e.data.kpiId));
        if (!k) return;
        const d = e.data;
        if (d.name !== undefined) k.name = d.name;
        if (d.unit !== undefined) k.unit = d.unit;
        if (d.direction !== undefined) k.direction = d.direction;
        if (d.baseline !== undefined) k.baseline = d.baseline.value;
        if (d.target !== undefined) {
          k.target = d.target.value;
          k.targetBy = d.target.by;
        }
        return;
      }
      case "KpiMeasured": {
        const k = s.kpis.get(inProject(e.data.projectId, e.data.kpiId));
        k?.measurements.set(e.id, { value: e.data.value, periodEnd: e.data.periodEnd, order: e.version });
        return;
      }
      case "KpiMeasurementCorrected":
        s.kpis.get(inProject(e.data.projectId, e.data.kpiId))?.corrections.set(e.data.correctsEventId, e.data.value);
        return;
      case "PilotStarted":
        s.pilots.set(e.id, { projectId: e.data.projectId, sites: e.data.sites, entityIds: e.data.entityIds, startedAt: e.occurredAt, endedAt: null });
        s.running.set(e.data.projectId, e.id);
        return;
      case "PilotEnded": {
        const id = s.running.get(e.data.projectId);
        const p = id === undefined ? undefined : s.pilots.get(id);
        if (p) p.endedAt = e.occurredAt;
        s.running.delete(e.data.projectId);
        return;
      }
      case "EvaluationPublished":
        push(s.evaluations, e.data.projectId, { outcome: e.data.outcome, evidenceLevel: e.data.evidenceLevel, at: e.occurredAt });
        return;
      case "AdoptionRecorded":
        push(s.adoptions, e.data.projectId, { entityId: e.data.entityId, scaleType: e.data.scaleType, sites: e.data.sites, usersCovered: e.data.usersCovered });
        return;
      default:
        return;
    }
  },
  merge: (a, b) => ({
    ...mergeContext(a, b),
    kpis: new Map([...a.kpis, ...b.kpis]),
    pilots: new Map([...a.pilots, ...b.pilots]),
    running: new Map([...a.running, ...b.running]),
    evaluations: new Map([...a.evaluations, ...b.evaluations]),
    adoptions: new Map([...a.adoptions, ...b.adoptions]),
  }),
};

/** Where a KPI stands: its definition as it is now, and the latest actual against it. */
export interface KpiFigure extends Omit<KpiFacts, "targetBy" | "measurements" | "corrections"> {
  /** The latest measurement (by period end, then log order), as corrected; null before any. */
  actual: number | null;
  /** (actual − baseline) / (target − baseline): 0 at the baseline, 1 at the target, negative if worse. */
  progress: number | null;
  /** Whether the target is reached, respecting the direction (≥ target to increase, ≤ to decrease). */
  met: boolean | null;
  /** The `KpiMeasured` event behind `actual`. */
  actualEventId: string | null;
}

/** Adoption totals for one scale type (or all). */
export interface AdoptionFigure {
  adoptions: number;
  entities: number;
  sites: number;
  usersCovered: number;
}

/** The impact figures. */
export interface ImpactFigures {
  kpis: KpiFigure[];
  kpisMet: number;
  /** Every pilot counted (a project that re-entered pilot ran several), with its sites and entities. */
  pilots: { started: number; ended: number; sites: number; list: (PilotRun & { pilotId: string })[] };
  /** The latest evaluation of each project, by outcome and by evidence level (1–5). */
  evaluations: { byOutcome: Record<EvaluationOutcome, number>; byEvidenceLevel: Record<string, number> };
  adoption: { byScaleType: Record<ScaleType, AdoptionFigure>; total: AdoptionFigure };
}

/**
 * Where a KPI stands: latest actual (corrections replace the value they correct), progress, met.
 *
 * @example
 * kpiFigure(k) // { actual: 11, progress: 0.76, met: false, … } for baseline 30, target 5, decrease
 */
export const kpiFigure = (k: KpiFacts): KpiFigure => {
  let latest: [string, { value: number; periodEnd: string; order: number }] | undefined;
  for (const entry of k.measurements) {
    const [, m] = entry;
    const later = latest === undefined ? 1 : compareTime(m.periodEnd, latest[1].periodEnd) || m.order - latest[1].order;
    if (later > 0) latest = entry;
  }
  const actual = latest === undefined ? null : (k.corrections.get(latest[0]) ?? latest[1].value);
  const progress = actual === null ? null : (actual - k.baseline) / (k.target - k.baseline);
  const met = actual === null ? null : k.direction === "increase" ? actual >= k.target : actual <= k.target;
  const { targetBy: _by, measurements: _m, corrections: _c, ...definition } = k;
  return { ...definition, actual, progress, met, actualEventId: latest?.[0] ?? null };
};

// Code-unit order: the same on every host, whatever its locale.
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const zero = (): AdoptionFigure => ({ adoptions: 0, entities: 0, sites: 0, usersCovered: 0 });

/** Turn the impact state into figures. */
export const impactFigures = (s: ImpactState): ImpactFigures => {
  const kpis = [...s.kpis.values()].map(kpiFigure).sort((a, b) => byText(a.projectId, b.projectId) || byText(a.kpiId, b.kpiId));
  const byOutcome: Record<EvaluationOutcome, number> = { success: 0, partial: 0, failed: 0, inconclusive: 0 };
  const byEvidenceLevel: Record<string, number> = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };
  for (const list of s.evaluations.values()) {
    const latest = list.at(-1);
    if (!latest) continue;
    byOutcome[latest.outcome]++;
    byEvidenceLevel[String(latest.evidenceLevel)] = (byEvidenceLevel[String(latest.evidenceLevel)] ?? 0) + 1;
  }
  const byScaleType: Record<ScaleType, AdoptionFigure> = { out: zero(), up: zero(), deep: zero() };
  const total = zero();
  const entities = { out: new Set<string>(), up: new Set<string>(), deep: new Set<string>(), all: new Set<string>() };
  for (const list of s.adoptions.values()) {
    for (const a of list) {
      for (const [f, set] of [[byScaleType[a.scaleType], entities[a.scaleType]], [total, entities.all]] as const) {
        f.adoptions++;
        f.sites += a.sites;
        f.usersCovered += a.usersCovered;
        set.add(a.entityId);
      }
    }
  }
  for (const t of ["out", "up", "deep"] as const) byScaleType[t].entities = entities[t].size;
  total.entities = entities.all.size;
  const pilots = [...s.pilots].map(([pilotId, p]) => ({ pilotId, ...p })).sort((a, b) => compareTime(a.startedAt, b.startedAt) || byText(a.pilotId, b.pilotId));
  return {
    kpis,
    kpisMet: kpis.filter((k) => k.met === true).length,
    pilots: { started: pilots.length, ended: pilots.filter((p) => p.endedAt !== null).length, sites: pilots.reduce((n, p) => n + p.sites, 0), list: pilots },
    evaluations: { byOutcome, byEvidenceLevel },
    adoption: { byScaleType, total },
  };
};
