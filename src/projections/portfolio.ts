import { deepFreeze, type Envelope, type Immutable, compareInstants } from "../kernel/index.js";
import {
  type DiscontinuationReason,
  type Budget,
  type Cost,
  type EntityKind,
  evolveMoney,
  evolveProcurements,
  evolveStays,
  type Gate,
  implementedAt,
  initialStays,
  type LabEvent,
  labStreamName,
  type Procurement,
  type Sector,
  Stage as Stages,
  type Stage,
  Status as Statuses,
  type Status,
  type Stays,
  stageEnteredBy,
  transitions,
} from "../lab/index.js";
import { type Background, emptyBackground, mergeBackground, yearOf } from "./background.js";
import { type PauseFigures, pauseFigures, type ProcurementFigures, procurementFigures } from "./delays.js";
import { type Asked, evolveAsked, type ReluctanceFigures, reluctanceFigures } from "./reluctance.js";
import { type WithBackground, withBackground } from "./shared-background.js";
import { calendarDays, median } from "./stats.js";
import type { Witness } from "./witness.js";

/** One project as the portfolio sees it: its stays and pauses (kept by the same recipe as the project's own state), and what the figures time. */
export type PortfolioProject = Immutable<
  Stays & {
    title: string;
    sector: Sector;
    submittedAt: string;
    /** The `ChallengeSubmitted` event: part of the lineage of every count of projects. */
    submittedEventId: string;
    pilotStartedAt: string | null;
    /** The project whose solution this one replicates, if it does. */
    replicationOf: string | null;
    procurements: Map<string, Procurement>;
    budgets: Map<string, Budget>;
    costs: Map<string, Cost>;
  }
>;

/** The raw material of the portfolio figures. */
export type PortfolioState = Immutable<
  Background & {
    portfolio: Map<string, PortfolioProject>;
    /** `inProject(projectId, entityId)` → an organisation a project asked to take part: when it first answered, and its first refusal if any. */
    asked: Map<string, Asked>;
    /** The latest business time seen: where open stays end in timelines. */
    latestAt: string;
  }
>;

/**
 * The portfolio: every project's path through the stages, pauses, endings, procurement and
 * refusals. A `witness`, when given, is told the events behind each project counted and each one
 * implemented.
 */
export const portfolioProjection = (witness?: Witness): WithBackground<PortfolioState> => ({
  initialState: deepFreeze({ ...emptyBackground(), portfolio: new Map(), asked: new Map(), latestAt: "" }),
  streamName: labStreamName,
  // The background is kept by `withBackground`, once for all the projections `labProjections` runs.
  ...withBackground<PortfolioState>((s, e: Envelope<LabEvent>) => {
    if (s.latestAt === "" || compareInstants(e.occurredAt, s.latestAt) > 0) s.latestAt = e.occurredAt;
    if (e.type === "EntityRegistered" || e.type === "ParticipantForgotten") return;
    if (e.type === "ChallengeSubmitted") {
      const { title, sector } = e.data;
      s.portfolio.set(e.data.projectId, {
        ...initialStays,
        stages: [],
        pauses: [],
        title,
        sector,
        submittedAt: e.occurredAt,
        submittedEventId: e.id,
        pilotStartedAt: null,
        replicationOf: e.data.replicationOf ?? null,
        procurements: new Map(),
        budgets: new Map(),
        costs: new Map(),
      });
      witness?.note("project", [e.id]);
    }
    const p = s.portfolio.get(e.data.projectId);
    if (!p) return;
    const firstPilot = stageEnteredBy(e) === "pilot" && implementedAt(p) === null;
    evolveStays(p, e);
    if (firstPilot) witness?.note("implemented", [p.submittedEventId, e.id]);
    const at = e.occurredAt;
    switch (e.type) {
      case "PilotStarted":
        p.pilotStartedAt ??= at;
        return;
      case "ProcurementRequested":
      case "ProcurementContracted":
      case "ProcurementCancelled":
        evolveProcurements(p, e);
        return;
      case "BudgetAllocated":
      case "CostRecorded":
        evolveMoney(p, e);
        return;
      case "EntityJoined":
      case "EntityDeclined":
        evolveAsked(s.asked, e);
        return;
      default:
        return;
    }
  }),
  merge: (a, b) => ({
    ...mergeBackground(a, b),
    portfolio: new Map([...a.portfolio, ...b.portfolio]),
    asked: new Map([...a.asked, ...b.asked]),
    latestAt: a.latestAt === "" || (b.latestAt !== "" && compareInstants(b.latestAt, a.latestAt) > 0) ? b.latestAt : a.latestAt,
  }),
});

/** The portfolio, as `labProjections` runs it. */
export const portfolio = portfolioProjection();

/** Days spent in one stage over completed stays. */
export interface StageTime {
  stays: number;
  medianDaysGross: number | null;
  /** Net of the days the project was paused during the stay. */
  medianDaysNet: number | null;
}

/** The portfolio figures. */
export interface PortfolioFigures {
  projects: number;
  /** Projects that entered pilot at some point (LabX's "implemented"). */
  implemented: number;
  byStage: Record<Stage, number>;
  byStatus: Record<Status, number>;
  bySector: Partial<Record<Sector, number>>;
  /** By year of submission. */
  byYear: Record<string, number>;
  /** Of the projects that reached a gate's stage, how many passed it. */
  gateConversion: Record<Gate, { reached: number; passed: number; rate: number | null }>;
  discontinued: { total: number; rate: number | null; byStage: Partial<Record<Stage, number>>; byReason: Partial<Record<DiscontinuationReason, number>> };
  /** Time paused by reason, open pauses counted up to the as-of date; overruns of the expected resume date. */
  pauses: PauseFigures;
  timeInStage: Record<Stage, StageTime>;
  /** Procurement lead times by procedure, open procurements counted as still running. */
  procurement: ProcurementFigures;
  challengeToPilot: { projects: number; medianDays: number | null };
  /** Distinct organisations that declined to take part, by kind ("unregistered" when not in the register). */
  declinedByKind: Partial<Record<EntityKind | "unregistered", number>>;
  /** Of the organisations asked, how many declined: by level, sector, region, year and reason. */
  reluctance: ReluctanceFigures;
  /** Projects that replicate another's solution, and replications per original project. */
  replications: { projects: number; byOrigin: Record<string, number> };
  /** Each project's stays in its stages; an open stay ends at the latest time seen. */
  timelines: {
    projectId: string;
    title: string;
    status: Status;
    /** Whether the project counts as implemented (it entered pilot: the lab's `isImplemented`). */
    implemented: boolean;
    spans: { stage: Stage; from: string; to: string }[];
  }[];
}

const overlapDays = (from: string, to: string, pauses: PortfolioProject["pauses"]): number =>
  pauses.reduce((n, p) => {
    if (p.to === null) return n;
    const start = compareInstants(p.from, from) > 0 ? p.from : from;
    const end = compareInstants(p.to, to) < 0 ? p.to : to;
    return compareInstants(start, end) < 0 ? n + calendarDays(start, end) : n;
  }, 0);

const tally = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const add = <K extends string>(r: Partial<Record<K, number>>, k: K): void => {
  r[k] = (r[k] ?? 0) + 1;
};

// Completed stays in each stage, gross and net of pauses, as median days.
const timeInStage = (projects: readonly PortfolioProject[]): Record<Stage, StageTime> => {
  const days = new Map(Stages.options.map((x) => [x, { gross: [] as number[], net: [] as number[] }]));
  for (const p of projects) {
    for (const span of p.stages) {
      if (span.leftAt === null) continue;
      const gross = calendarDays(span.enteredAt, span.leftAt);
      days.get(span.stage)?.gross.push(gross);
      days.get(span.stage)?.net.push(gross - overlapDays(span.enteredAt, span.leftAt, p.pauses));
    }
  }
  return Object.fromEntries(
    [...days].map(([stage, d]) => [stage, { stays: d.gross.length, medianDaysGross: median(d.gross), medianDaysNet: median(d.net) }]),
  ) as Record<Stage, StageTime>;
};

// Of the projects that reached a gate's stage, how many passed it: the transition table says where each gate leads.
const gateConversion = (projects: readonly PortfolioProject[]): PortfolioFigures["gateConversion"] => {
  const reached = new Map<Stage | "mainstreamed", number>();
  for (const p of projects) {
    for (const stage of new Set(p.stages.map((x) => x.stage))) reached.set(stage, (reached.get(stage) ?? 0) + 1);
    if (p.mainstreamedAt !== null) reached.set("mainstreamed", (reached.get("mainstreamed") ?? 0) + 1);
  }
  const conversion = (from: Stage, to: Stage | "mainstreamed") => {
    const r = reached.get(from) ?? 0;
    const passed = reached.get(to) ?? 0;
    return { reached: r, passed, rate: r === 0 ? null : passed / r };
  };
  const { advance, mainstream } = transitions;
  return {
    [advance.challenge.gate]: conversion("challenge", advance.challenge.to),
    [advance.co_design.gate]: conversion("co_design", advance.co_design.to),
    [advance.pilot.gate]: conversion("pilot", advance.pilot.to),
    [mainstream.scale.gate]: conversion("scale", "mainstreamed"),
  } satisfies Record<Gate, unknown>;
};

// How the projects stand and ended: by stage, status, sector, year; discontinuations and pauses.
const standing = (projects: readonly PortfolioProject[]) => {
  const byStage = tally(Stages.options);
  const byStatus = tally(Statuses.options);
  const bySector: Partial<Record<Sector, number>> = {};
  const byYear: Record<string, number> = {};
  const discontinued: PortfolioFigures["discontinued"] = { total: 0, rate: null, byStage: {}, byReason: {} };
  for (const p of projects) {
    byStage[p.stage]++;
    byStatus[p.status]++;
    add(bySector, p.sector);
    byYear[yearOf(p.submittedAt)] = (byYear[yearOf(p.submittedAt)] ?? 0) + 1;
    if (p.discontinuation) {
      discontinued.total++;
      add(discontinued.byStage, p.discontinuation.stage);
      add(discontinued.byReason, p.discontinuation.reasonCode);
    }
  }
  discontinued.rate = projects.length === 0 ? null : discontinued.total / projects.length;
  return { byStage, byStatus, bySector, byYear, discontinued };
};

const replicationsOf = (projects: readonly PortfolioProject[]): PortfolioFigures["replications"] => {
  const byOrigin: Record<string, number> = {};
  for (const p of projects) if (p.replicationOf !== null) byOrigin[p.replicationOf] = (byOrigin[p.replicationOf] ?? 0) + 1;
  return {
    projects: Object.values(byOrigin).reduce((n, x) => n + x, 0),
    byOrigin: Object.fromEntries(Object.entries(byOrigin).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
};

/**
 * Turn the portfolio state into figures as of `now` (by default the latest business time in the
 * log): time in stage counts completed stays only; pauses and procurements still open count as
 * running up to `now`. Durations are UTC calendar days.
 *
 * @example
 * portfolioFigures(must(project(portfolio, events)).state).implemented // projects that reached pilot
 */
export const portfolioFigures = (s: PortfolioState, now: string = s.latestAt): PortfolioFigures => {
  const projects = [...s.portfolio.values()];
  const toPilot: number[] = [];
  for (const p of projects) if (p.pilotStartedAt !== null) toPilot.push(calendarDays(p.submittedAt, p.pilotStartedAt));
  const declinedByKind: PortfolioFigures["declinedByKind"] = {};
  const declinedIds = new Set<string>();
  for (const a of s.asked.values()) if (a.declined) declinedIds.add(a.entityId);
  for (const id of declinedIds) add(declinedByKind, s.entities.get(id)?.kind ?? "unregistered");
  return {
    projects: projects.length,
    implemented: projects.filter((p) => implementedAt(p) !== null).length,
    ...standing(projects),
    gateConversion: gateConversion(projects),
    timeInStage: timeInStage(projects),
    pauses: pauseFigures(
      projects.flatMap((p) => p.pauses),
      now,
    ),
    procurement: procurementFigures(
      projects.flatMap((p) => [...p.procurements.values()]),
      now,
    ),
    challengeToPilot: { projects: toPilot.length, medianDays: median(toPilot) },
    declinedByKind,
    reluctance: reluctanceFigures(s.asked.values(), s.entities),
    replications: replicationsOf(projects),
    timelines: [...s.portfolio]
      .map(([projectId, p]) => ({
        projectId,
        title: p.title,
        status: p.status,
        implemented: implementedAt(p) !== null,
        spans: p.stages.map((x) => ({ stage: x.stage, from: x.enteredAt, to: x.leftAt ?? s.latestAt })),
      }))
      .sort((a, b) => compareInstants(a.spans[0]?.from ?? "", b.spans[0]?.from ?? "") || (a.projectId < b.projectId ? -1 : 1)),
  };
};
