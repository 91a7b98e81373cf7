import type { Envelope, Projection } from "../kernel/index.js";
import type { DiscontinuationReason, EntityKind, Gate, LabEvent, PauseReason, Sector, Stage, Status } from "../lab/index.js";
import { labStreamName, Stage as Stages, transitions } from "../lab/index.js";
import { type Context, compareTime, emptyContext, inProject, mergeContext, trackContext, yearOf } from "./context.js";
import { calendarDays, median, percentile } from "./stats.js";

/** One project as the portfolio sees it. */
export interface PortfolioProject {
  title: string;
  sector: Sector;
  submittedAt: string;
  stage: Stage;
  status: Status;
  spans: { stage: Stage; enteredAt: string; leftAt: string | null }[];
  pauses: { stage: Stage; reason: PauseReason; from: string; to: string | null }[];
  /** When the project first entered pilot: from then on it counts as implemented. */
  implementedAt: string | null;
  pilotStartedAt: string | null;
  discontinued: { stage: Stage; reasonCode: DiscontinuationReason; at: string } | null;
  mainstreamedAt: string | null;
  procurements: Map<string, { requestedAt: string; contractedAt: string | null }>;
}

/** The raw material of the portfolio figures. */
export interface PortfolioState extends Context {
  portfolio: Map<string, PortfolioProject>;
  /** `inProject(projectId, entityId)` → entity id, for every organisation that declined to take part. */
  declined: Map<string, string>;
  /** The latest business time seen: where open stays end in timelines. */
  latestAt: string;
}

const close = (p: PortfolioProject, at: string): void => {
  const open = p.spans.at(-1);
  if (open && open.leftAt === null) open.leftAt = at;
};
const enter = (p: PortfolioProject, stage: Stage, at: string): void => {
  close(p, at);
  p.stage = stage;
  p.spans.push({ stage, enteredAt: at, leftAt: null });
  if (stage === "pilot" && p.implementedAt === null) p.implementedAt = at;
};
const endPause = (p: PortfolioProject, at: string): void => {
  const last = p.pauses.at(-1);
  if (last && last.to === null) last.to = at;
};

/** The portfolio: every project's path through the stages, pauses, endings, procurement and refusals. */
export const portfolio: Projection<PortfolioState, LabEvent> = {
  init: { ...emptyContext(), portfolio: new Map(), declined: new Map(), latestAt: "" },
  streamName: labStreamName,
  apply: (s, e: Envelope<LabEvent>) => {
    trackContext(s, e);
    if (s.latestAt === "" || compareTime(e.occurredAt, s.latestAt) > 0) s.latestAt = e.occurredAt;
    if (e.type === "EntityRegistered" || e.type === "ParticipantForgotten") return;
    if (e.type === "ChallengeSubmitted") {
      s.portfolio.set(e.data.projectId, {
        title: e.data.title, sector: e.data.sector, submittedAt: e.occurredAt, stage: "challenge", status: "active",
        spans: [{ stage: "challenge", enteredAt: e.occurredAt, leftAt: null }], pauses: [], implementedAt: null, pilotStartedAt: null,
        discontinued: null, mainstreamedAt: null, procurements: new Map(),
      });
      return;
    }
    const p = s.portfolio.get(e.data.projectId);
    if (!p) return;
    const at = e.occurredAt;
    switch (e.type) {
      case "StageEntered":
        enter(p, e.data.stage, at);
        return;
      case "ProjectPivoted":
        enter(p, e.data.to, at);
        return;
      case "ProjectPaused":
        p.status = "paused";
        p.pauses.push({ stage: p.stage, reason: e.data.reason, from: at, to: null });
        return;
      case "ProjectResumed":
        p.status = "active";
        endPause(p, at);
        return;
      case "ProjectDiscontinued":
        p.status = "discontinued";
        p.discontinued = { stage: p.stage, reasonCode: e.data.reasonCode, at };
        close(p, at);
        endPause(p, at);
        return;
      case "ProjectMainstreamed":
        p.status = "mainstreamed";
        p.mainstreamedAt = at;
        close(p, at);
        return;
      case "PilotStarted":
        p.pilotStartedAt ??= at;
        return;
      case "ProcurementRequested":
        p.procurements.set(e.data.procurementId, { requestedAt: at, contractedAt: null });
        return;
      case "ProcurementContracted": {
        const r = p.procurements.get(e.data.procurementId);
        if (r) r.contractedAt = at;
        return;
      }
      case "EntityDeclined":
        s.declined.set(inProject(e.data.projectId, e.data.entityId), e.data.entityId);
        return;
      default:
        return;
    }
  },
  merge: (a, b) => ({
    ...mergeContext(a, b),
    portfolio: new Map([...a.portfolio, ...b.portfolio]),
    declined: new Map([...a.declined, ...b.declined]),
    latestAt: a.latestAt === "" || (b.latestAt !== "" && compareTime(b.latestAt, a.latestAt) > 0) ? b.latestAt : a.latestAt,
  }),
};

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
  pauses: { total: number; byReason: Partial<Record<PauseReason, number>> };
  timeInStage: Record<Stage, StageTime>;
  procurementLeadTime: { contracted: number; medianDays: number | null; p90Days: number | null };
  challengeToPilot: { projects: number; medianDays: number | null };
  /** Distinct organisations that declined to take part, by kind ("unregistered" when not in the register). */
  declinedByKind: Partial<Record<EntityKind | "unregistered", number>>;
  /** Each project's stays in its stages; an open stay ends at the latest time seen. */
  timelines: { projectId: string; title: string; status: Status; spans: { stage: Stage; from: string; to: string }[] }[];
}

const overlapDays = (from: string, to: string, pauses: PortfolioProject["pauses"]): number =>
  pauses.reduce((n, p) => {
    if (p.to === null) return n;
    const start = compareTime(p.from, from) > 0 ? p.from : from;
    const end = compareTime(p.to, to) < 0 ? p.to : to;
    return compareTime(start, end) < 0 ? n + calendarDays(start, end) : n;
  }, 0);

const tally = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const add = <K extends string>(r: Partial<Record<K, number>>, k: K): void => {
  r[k] = (r[k] ?? 0) + 1;
};

/**
 * Turn the portfolio state into figures. Durations count completed stays only, in UTC calendar days.
 *
 * @example
 * portfolioFigures(project(portfolio, events).state).implemented // projects that reached pilot
 */
export const portfolioFigures = (s: PortfolioState): PortfolioFigures => {
  const projects = [...s.portfolio.values()];
  const stages = Stages.options;
  const byStage = tally(stages);
  const byStatus = tally<Status>(["active", "paused", "mainstreamed", "discontinued"]);
  const bySector: Partial<Record<Sector, number>> = {};
  const byYear: Record<string, number> = {};
  const discontinued: PortfolioFigures["discontinued"] = { total: 0, rate: null, byStage: {}, byReason: {} };
  const pauses: PortfolioFigures["pauses"] = { total: 0, byReason: {} };
  const gross = new Map<Stage, number[]>(stages.map((x) => [x, []]));
  const net = new Map<Stage, number[]>(stages.map((x) => [x, []]));
  const lead: number[] = [];
  const toPilot: number[] = [];
  const reached = new Map<Stage | "mainstreamed", number>();
  for (const p of projects) {
    byStage[p.stage]++;
    byStatus[p.status]++;
    add(bySector, p.sector);
    byYear[yearOf(p.submittedAt)] = (byYear[yearOf(p.submittedAt)] ?? 0) + 1;
    if (p.discontinued) {
      discontinued.total++;
      add(discontinued.byStage, p.discontinued.stage);
      add(discontinued.byReason, p.discontinued.reasonCode);
    }
    for (const x of p.pauses) {
      pauses.total++;
      add(pauses.byReason, x.reason);
    }
    for (const span of p.spans) {
      if (span.leftAt === null) continue;
      const days = calendarDays(span.enteredAt, span.leftAt);
      gross.get(span.stage)?.push(days);
      net.get(span.stage)?.push(days - overlapDays(span.enteredAt, span.leftAt, p.pauses));
    }
    for (const stage of new Set(p.spans.map((x) => x.stage))) reached.set(stage, (reached.get(stage) ?? 0) + 1);
    if (p.mainstreamedAt !== null) reached.set("mainstreamed", (reached.get("mainstreamed") ?? 0) + 1);
    for (const r of p.procurements.values()) if (r.contractedAt !== null) lead.push(calendarDays(r.requestedAt, r.contractedAt));
    if (p.pilotStartedAt !== null) toPilot.push(calendarDays(p.submittedAt, p.pilotStartedAt));
  }
  discontinued.rate = projects.length === 0 ? null : discontinued.total / projects.length;
  const conversion = (from: Stage, to: Stage | "mainstreamed") => {
    const r = reached.get(from) ?? 0;
    const passed = reached.get(to) ?? 0;
    return { reached: r, passed, rate: r === 0 ? null : passed / r };
  };
  const declinedByKind: PortfolioFigures["declinedByKind"] = {};
  for (const id of new Set(s.declined.values())) add(declinedByKind, s.entities.get(id)?.kind ?? "unregistered");
  return {
    projects: projects.length,
    implemented: projects.filter((p) => p.implementedAt !== null).length,
    byStage,
    byStatus,
    bySector,
    byYear,
    gateConversion: {
      G1: conversion("challenge", transitions.advance.challenge.to),
      G2: conversion("co_design", transitions.advance.co_design.to),
      G3: conversion("pilot", transitions.advance.pilot.to),
      G4: conversion("scale", "mainstreamed"),
    },
    discontinued,
    pauses,
    timeInStage: Object.fromEntries(
      stages.map((x) => [x, { stays: gross.get(x)?.length ?? 0, medianDaysGross: median(gross.get(x) ?? []), medianDaysNet: median(net.get(x) ?? []) }]),
    ) as Record<Stage, StageTime>,
    procurementLeadTime: { contracted: lead.length, medianDays: median(lead), p90Days: percentile(lead, 90) },
    challengeToPilot: { projects: toPilot.length, medianDays: median(toPilot) },
    declinedByKind,
    timelines: [...s.portfolio].map(([projectId, p]) => ({
      projectId,
      title: p.title,
      status: p.status,
      spans: p.spans.map((x) => ({ stage: x.stage, from: x.enteredAt, to: x.leftAt ?? s.latestAt })),
    })).sort((a, b) => compareTime(a.spans[0]?.from ?? "", b.spans[0]?.from ?? "") || (a.projectId < b.projectId ? -1 : 1)),
  };
};
