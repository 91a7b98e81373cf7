import type { Draft } from "immer";
import { deepFreeze, type Envelope, type Immutable, compareInstants } from "../kernel/index.js";
import {
  type Adoption,
  AdoptionStatus,
  type EventData,
  EvaluationOutcome,
  EvidenceMethod,
  kpiChange,
  type KpiChange,
  kpiDefinitionOf,
  type KpiDefinition,
  type LabEvent,
  labStreamName,
  pilotEnding,
  pilotKey,
  redefineKpi,
  regionOf,
  ScaleType,
  stageEnteredBy,
} from "../lab/index.js";
import { type Background, emptyBackground, inProject, mergeBackground } from "./background.js";
import { type Overruns, overruns } from "./delays.js";
import { type WithBackground, withBackground } from "./shared-background.js";
import { calendarDays, median } from "./stats.js";

/** One measurement as the impact figures read it: value, period end, log order, and the comparison group's value and method when measured with one. */
export type KpiMeasurement = Immutable<{ value: number; periodEnd: string; order: number; method: EvidenceMethod | null; comparison: number | null }>;

/** A KPI as defined now (the same definition the project keeps), with every measurement and correction, keyed by event id. */
export type KpiFacts = Immutable<
  KpiDefinition & {
    projectId: string;
    kpiId: string;
    /** KpiMeasured event id → value, period end, and the comparison group's value and method when measured with one. */
    measurements: Map<string, KpiMeasurement>;
    /** Corrected KpiMeasured event id → corrected value (the latest correction wins). */
    corrections: Map<string, number>;
  }
>;

/** One pilot: where it ran, with whom, from when to when. */
export type PilotRun = Immutable<
  Pick<EventData<"PilotStarted">, "projectId" | "sites" | "entityIds" | "plannedEnd"> & {
    /** The host's name for the pilot when the project runs several; null for an unnamed one. */
    pilotId: string | null;
    territory: string | null;
    startedAt: string;
    endedAt: string | null;
    /** How it ended: by its own end (`PilotEnded`), or cut short by the project's end ("closure"); null while running. */
    endedBy: "end" | "closure" | null;
  }
>;

/** The raw material of the impact figures. */
export type ImpactState = Immutable<
  Background & {
    /** `inProject(projectId, kpiId)` → the KPI. */
    kpis: Map<string, KpiFacts>;
    /** Every pilot, by the id of the `PilotStarted` event that began it: a project that re-enters pilot runs a new one. */
    pilots: Map<string, PilotRun>;
    /** Each project's pilots of its current stay in pilot (project id → `pilotKey` → the `PilotStarted` event id). */
    running: Map<string, Map<string, string>>;
    evaluations: Map<string, { outcome: EvaluationOutcome; evidenceLevel: number; method: EvidenceMethod | null; at: string }[]>;
    /** Each project's adoptions, in order, with when they were recorded; a status change updates the organisation's latest. */
    adoptions: Map<string, AdoptionRun[]>;
  }
>;

const push = <T>(m: Map<string, T[]>, key: string, value: T): void => {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
};

const measurementOf = (e: Envelope<Extract<LabEvent, { type: "KpiMeasured" }>>): KpiMeasurement => ({
  value: e.data.value,
  periodEnd: e.data.periodEnd,
  order: e.version,
  method: e.data.method ?? null,
  comparison: e.data.comparison ?? null,
});

const pilotRunOf = (e: Envelope<Extract<LabEvent, { type: "PilotStarted" }>>) => {
  const { projectId, sites, entityIds, plannedEnd } = e.data;
  return {
    projectId,
    pilotId: e.data.pilotId ?? null,
    sites,
    entityIds: [...entityIds],
    plannedEnd,
    territory: e.data.territory ?? null,
    startedAt: e.occurredAt,
    endedAt: null,
    endedBy: null,
  };
};

/**
 * An adoption as the impact projection keeps it: with the day it went live (`wentLiveAt`) once the
 * log records it live, and null while it never has — a committed go-live date is a plan, not a fact.
 */
export type AdoptionRun = Adoption & { readonly wentLiveAt: string | null };

// Recorded live (or before statuses existed, with the go-live date the field then meant): it went live then.
const adoptionOf = (e: Envelope<Extract<LabEvent, { type: "AdoptionRecorded" }>>): AdoptionRun => {
  const { projectId: _project, ...adoption } = e.data;
  const live = adoption.status === "live" || adoption.status === undefined;
  return { ...adoption, at: e.occurredAt, eventId: e.id, wentLiveAt: live ? (adoption.goLiveAt ?? null) : null };
};

// Pilots: each by the event that started it; a PilotEnded ends the one it names or the only one running.
const evolvePilots = (
  s: Draft<ImpactState>,
  e: Envelope<Extract<LabEvent, { type: "PilotStarted" | "PilotEnded" | "StageEntered" | "ProjectPivoted" | "ProjectDiscontinued" | "ProjectMainstreamed" }>>,
): void => {
  switch (e.type) {
    case "PilotStarted": {
      s.pilots.set(e.id, pilotRunOf(e));
      const stay = s.running.get(e.data.projectId) ?? new Map<string, string>();
      s.running.set(e.data.projectId, stay.set(pilotKey(e.data.pilotId), e.id));
      return;
    }
    case "PilotEnded": {
      // The same choice as the project's own state: the pilot named, or the only one running.
      const stay = new Map([...(s.running.get(e.data.projectId) ?? [])].map(([k, id]) => [k, s.pilots.get(id) ?? { endedAt: null }] as const));
      const ending = pilotEnding(stay, e.data.pilotId);
      const id = ending.ok ? s.running.get(e.data.projectId)?.get(ending.value) : undefined;
      const p = id === undefined ? undefined : s.pilots.get(id);
      if (p) Object.assign(p, { endedAt: e.occurredAt, endedBy: "end" });
      return;
    }
    case "ProjectDiscontinued":
    case "ProjectMainstreamed":
      // Pilots still running when the project ends are cut short: ended by closure, never late.
      for (const id of s.running.get(e.data.projectId)?.values() ?? []) {
        const p = s.pilots.get(id);
        if (p && p.endedAt === null) Object.assign(p, { endedAt: e.occurredAt, endedBy: "closure" });
      }
      return;
    case "StageEntered":
    case "ProjectPivoted":
      // A new stay in pilot runs new pilots.
      if (stageEnteredBy(e) === "pilot") s.running.delete(e.data.projectId);
      return;
    default: {
      const never: never = e;
      return never;
    }
  }
};

/** Impact: KPIs and their measurements, pilots, evaluations and adoptions. */
export const impact: WithBackground<ImpactState> = {
  initialState: deepFreeze({ ...emptyBackground(), kpis: new Map(), pilots: new Map(), running: new Map(), evaluations: new Map(), adoptions: new Map() }),
  streamName: labStreamName,
  // The background is kept by `withBackground`, once for all the projections `labProjections` runs.
  ...withBackground<ImpactState>((s, e: Envelope<LabEvent>) => {
    switch (e.type) {
      case "KpiDefined":
        s.kpis.set(inProject(e.data.projectId, e.data.kpiId), {
          ...kpiDefinitionOf(e.data),
          projectId: e.data.projectId,
          kpiId: e.data.kpiId,
          measurements: new Map(),
          corrections: new Map(),
        });
        return;
      case "KpiRedefined": {
        const k = s.kpis.get(inProject(e.data.projectId, e.data.kpiId));
        if (k) redefineKpi(k, e.data);
        return;
      }
      case "KpiMeasured":
        s.kpis.get(inProject(e.data.projectId, e.data.kpiId))?.measurements.set(e.id, measurementOf(e));
        return;
      case "KpiMeasurementCorrected":
        s.kpis.get(inProject(e.data.projectId, e.data.kpiId))?.corrections.set(e.data.correctsEventId, e.data.value);
        return;
      case "PilotStarted":
      case "PilotEnded":
      case "StageEntered":
      case "ProjectPivoted":
      case "ProjectDiscontinued":
      case "ProjectMainstreamed":
        evolvePilots(s, e);
        return;
      case "EvaluationPublished":
        push(s.evaluations, e.data.projectId, {
          outcome: e.data.outcome,
          evidenceLevel: e.data.evidenceLevel,
          method: e.data.method ?? null,
          at: e.occurredAt,
        });
        return;
      case "AdoptionRecorded":
        push(s.adoptions, e.data.projectId, adoptionOf(e));
        return;
      case "AdoptionStatusChanged": {
        const latest = s.adoptions.get(e.data.projectId)?.findLast((a) => a.entityId === e.data.entityId);
        if (!latest) return;
        latest.status = e.data.status;
        if (e.data.goLiveAt !== undefined) latest.goLiveAt = e.data.goLiveAt;
        // The first time it is recorded live; suspended or withdrawn later, it still went live.
        if (e.data.status === "live" && latest.wentLiveAt === null) latest.wentLiveAt = latest.goLiveAt ?? null;
        return;
      }
      default:
        return;
    }
  }),
  merge: (a, b) => ({
    ...mergeBackground(a, b),
    kpis: new Map([...a.kpis, ...b.kpis]),
    pilots: new Map([...a.pilots, ...b.pilots]),
    running: new Map([...a.running, ...b.running]),
    evaluations: new Map([...a.evaluations, ...b.evaluations]),
    adoptions: new Map([...a.adoptions, ...b.adoptions]),
  }),
};

/** Where a KPI stands: its definition as it is now, and the latest actual against it. */
export interface KpiFigure extends Pick<KpiFacts, "projectId" | "kpiId" | "name" | "category" | "unit" | "direction"> {
  /** The baseline's value. */
  baseline: number;
  /** The target's value. */
  target: number;
  /** The latest measurement (by period end, then log order), as corrected; null before any. */
  actual: number | null;
  /**
   * (actual − baseline) / (target − baseline): 0 at the baseline, 1 at the target; not capped, so
   * `progressNote` says when it is outside 0–1.
   */
  progress: number | null;
  /** Why progress is outside 0–1: beyond the target (above 1), or worse than the baseline (below 0); null within. */
  progressNote: "beyond_target" | "worse_than_baseline" | null;
  /** Whether the target is reached, respecting the direction (≥ target to increase, ≤ to decrease). */
  met: boolean | null;
  /** The `KpiMeasured` event behind `actual`. */
  actualEventId: string | null;
  /** How the latest measurement was obtained; null when it does not say. */
  method: EvidenceMethod | null;
  /**
   * The effect the latest measurement shows: actual − the comparison group's value over the same
   * period when it was measured with one, otherwise actual − baseline; relative = difference / that
   * reference (null when the reference is 0); and whether the difference is an improvement given the
   * KPI's direction (a negative difference on a time that should fall is one). Null before any
   * measurement.
   */
  effect: { against: "comparison" | "baseline"; difference: number; relative: number | null; change: KpiChange } | null;
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
  pilots: {
    started: number;
    /** Ended by their own end (`PilotEnded`). */
    ended: number;
    /** Cut short by the project's end while running. */
    endedByClosure: number;
    sites: number;
    /** Against the planned end: pilots that ended late, and pilots still running past it as of the as-of date. */
    overruns: Overruns;
    /** Pilots by region (`regionOf` their territory; `unknown` when not given). */
    byRegion: Record<string, number>;
    /** Each pilot with the id of the `PilotStarted` event that began it. */
    list: (PilotRun & { startedEventId: string })[];
  };
  /** The latest evaluation of each project, by outcome, by evidence level (1–5) and by method (`unspecified` for evaluations recorded before methods were). */
  evaluations: {
    byOutcome: Record<EvaluationOutcome, number>;
    byEvidenceLevel: Record<"1" | "2" | "3" | "4" | "5", number>;
    byMethod: Record<EvidenceMethod | "unspecified", number>;
  };
  adoption: {
    /** Each adoption by its status now (`unspecified` for adoptions recorded before statuses were). */
    byStatus: Record<AdoptionStatus | "unspecified", number>;
    /**
     * Days from recording an adoption to its going live, median over the adoptions the log records as
     * live by the date (`wentLiveAt`; one already live when recorded counts 0). One withdrawn before it
     * went live, or still committed past its planned date, is not in it.
     */
    medianDaysToGoLive: number | null;
    byScaleType: Record<ScaleType, AdoptionFigure>;
    /** By region (`regionOf` the adoption's territory; `unknown` when not given). */
    byRegion: Record<string, AdoptionFigure>;
    total: AdoptionFigure;
  };
}

/**
 * Where a KPI stands: latest actual (corrections replace the value they correct), progress, met.
 *
 * @example
 * const r = project(impact, events);
 * // for baseline 30, target 5, decrease and a latest actual of 11: { actual: 11, progress: 0.76, met: false, … }
 * if (r.ok) for (const k of r.value.state.kpis.values()) console.log(kpiFigure(k));
 */
export const kpiFigure = (k: KpiFacts): KpiFigure => {
  let latest: readonly [string, KpiMeasurement] | undefined;
  for (const entry of k.measurements) {
    const [, m] = entry;
    const later = latest === undefined ? 1 : compareInstants(m.periodEnd, latest[1].periodEnd) || m.order - latest[1].order;
    if (later > 0) latest = entry;
  }
  const actual = latest === undefined ? null : (k.corrections.get(latest[0]) ?? latest[1].value);
  const baseline = k.baseline.value;
  const target = k.target.value;
  // `+ 0` turns −0 (no change towards a lower target) into 0, which every formatter prints as 0.
  const progress = actual === null ? null : (actual - baseline) / (target - baseline) + 0;
  const met = actual === null ? null : k.direction === "increase" ? actual >= target : actual <= target;
  const { projectId, kpiId, name, category, unit, direction } = k;
  const comparison = latest?.[1].comparison ?? null;
  const reference = comparison ?? baseline;
  const effect =
    actual === null
      ? null
      : {
          against: comparison === null ? ("baseline" as const) : ("comparison" as const),
          difference: actual - reference,
          relative: reference === 0 ? null : (actual - reference) / reference,
          change: kpiChange(k.direction, actual - reference),
        };
  const progressNote = progress === null || (progress >= 0 && progress <= 1) ? null : progress > 1 ? "beyond_target" : "worse_than_baseline";
  return {
    projectId,
    kpiId,
    name,
    category,
    unit,
    direction,
    baseline,
    target,
    actual,
    progress,
    progressNote,
    met,
    actualEventId: latest?.[0] ?? null,
    method: latest?.[1].method ?? null,
    effect,
  };
};

// Code-unit order: the same on every host, whatever its locale.
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const zero = (): AdoptionFigure => ({ adoptions: 0, entities: 0, sites: 0, usersCovered: 0 });
// Evidence levels as the evaluation schema bounds them.
const EVIDENCE_LEVELS = ["1", "2", "3", "4", "5"] as const;
const tally = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

// Status now, and how long going live took where it has happened by `now`.
const adoptionStatus = (lists: Iterable<readonly AdoptionRun[]>, now: string) => {
  const byStatus = tally([...AdoptionStatus.options, "unspecified"] as const);
  const days: number[] = [];
  for (const list of lists) {
    for (const a of list) {
      byStatus[a.status ?? "unspecified"]++;
      if (a.wentLiveAt !== null && compareInstants(a.wentLiveAt, now) <= 0) days.push(Math.max(0, calendarDays(a.at, a.wentLiveAt)));
    }
  }
  return { byStatus, medianDaysToGoLive: median(days) };
};

const regionKey = (territory: string | null | undefined): string => (territory == null ? "unknown" : regionOf(territory));
const sortedKeys = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).sort(([a], [b]) => byText(a, b)));

/**
 * Turn the impact state into figures as of `now` (an ISO timestamp: the as-of date, or the latest
 * time in the log), which says which running pilots are past their planned end.
 *
 * @example
 * const r = project(impact, events);
 * // on the demonstration log: { planned: 33, endedOnTime: 5, endedLate: 25, medianDaysLate: 208, openWithinPlan: 3, … }
 * if (r.ok) console.log(impactFigures(r.value.state, "2020-12-31T23:59:59Z").pilots.overruns);
 */
export const impactFigures = (s: ImpactState, now: string): ImpactFigures => {
  const kpis = [...s.kpis.values()].map(kpiFigure).sort((a, b) => byText(a.projectId, b.projectId) || byText(a.kpiId, b.kpiId));
  const byOutcome = tally(EvaluationOutcome.options);
  const byEvidenceLevel = tally(EVIDENCE_LEVELS);
  const byMethod = tally([...EvidenceMethod.options, "unspecified"] as const);
  for (const list of s.evaluations.values()) {
    const latest = list.at(-1);
    if (!latest) continue;
    byOutcome[latest.outcome]++;
    byMethod[latest.method ?? "unspecified"]++;
    const level = String(latest.evidenceLevel) as (typeof EVIDENCE_LEVELS)[number];
    byEvidenceLevel[level] = (byEvidenceLevel[level] ?? 0) + 1;
  }
  const byScaleType = Object.fromEntries(ScaleType.options.map((t) => [t, zero()])) as Record<ScaleType, AdoptionFigure>;
  const total = zero();
  const byRegion: Record<string, AdoptionFigure> = {};
  const entities = new Map<AdoptionFigure, Set<string>>();
  for (const list of s.adoptions.values()) {
    for (const a of list) {
      for (const f of [byScaleType[a.scaleType], total, (byRegion[regionKey(a.territory)] ??= zero())]) {
        if (!entities.has(f)) entities.set(f, new Set());
        f.adoptions++;
        f.sites += a.sites;
        f.usersCovered += a.usersCovered;
        entities.get(f)?.add(a.entityId);
      }
    }
  }
  for (const [f, set] of entities) f.entities = set.size;
  const pilots = [...s.pilots]
    .map(([startedEventId, p]) => ({ startedEventId, ...p }))
    .sort((a, b) => compareInstants(a.startedAt, b.startedAt) || byText(a.startedEventId, b.startedEventId));
  const pilotsByRegion: Record<string, number> = {};
  for (const p of pilots) pilotsByRegion[regionKey(p.territory)] = (pilotsByRegion[regionKey(p.territory)] ?? 0) + 1;
  return {
    kpis,
    kpisMet: kpis.filter((k) => k.met === true).length,
    pilots: {
      started: pilots.length,
      ended: pilots.filter((p) => p.endedBy === "end").length,
      endedByClosure: pilots.filter((p) => p.endedBy === "closure").length,
      sites: pilots.reduce((n, p) => n + p.sites, 0),
      overruns: overruns(
        pilots.map((p) => ({ planned: p.plannedEnd, end: p.endedAt, closed: p.endedBy === "closure" })),
        now,
      ),
      byRegion: sortedKeys(pilotsByRegion),
      list: pilots,
    },
    evaluations: { byOutcome, byEvidenceLevel, byMethod },
    adoption: { ...adoptionStatus(s.adoptions.values(), now), byScaleType, byRegion: sortedKeys(byRegion), total },
  };
};
