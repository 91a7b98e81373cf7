import type { Pause, PauseReason, Procurement, ProcurementProcedure } from "../lab/index.js";
import { calendarDays, cumulativeIncidence, type Ending, incidenceBy, incidenceMedian, median, percentile, survivalMedian } from "./stats.js";

// LabX names slow procurement and slow pilots as its two delays (with reluctance). Everything still
// running counts as running up to `now` (the as-of date, or the latest time in the log), never dropped.

/**
 * Contract against estimate in one currency (the contract's). The ratio is over pairs only: a
 * contract whose estimate was in another currency cannot be compared, so it is counted in
 * `contracts` and `contracted` but left out of the ratio (`unpaired`), never converted.
 */
export interface ContractValue {
  /** Contracts in this currency. */
  contracts: number;
  /** What they were contracted for, all of them. */
  contracted: number;
  /** Contracts whose estimate was in this currency too: what the ratio is over. */
  pairs: number;
  /** The estimates of those pairs. */
  pairedEstimated: number;
  /** What those pairs were contracted for. */
  pairedContracted: number;
  /** Contracts whose estimate was in another currency: out of the ratio. */
  unpaired: number;
  /**
   * pairedContracted / pairedEstimated, a ratio (1.2: contracts cost 1.2 times their estimates,
   * 20% more; 0.9: 10% less); null when no pair has an estimate above zero.
   */
  ratio: number | null;
}

/** The days at which the share of procurements contracted (or cancelled) is given. */
export const WITHIN_DAYS = ["30", "90", "180", "365"] as const;
/** One of `WITHIN_DAYS`. */
export type WithinDays = (typeof WITHIN_DAYS)[number];

/** How long procurements take, for one procedure or all. */
export interface LeadTimes {
  requested: number;
  contracted: number;
  cancelled: number;
  /** Neither contracted nor cancelled by `now`. */
  open: number;
  /**
   * Median days from request to contract, with cancellation as a competing outcome: the first day
   * the cumulative incidence of a contract (Aalen–Johansen) reaches one half; open procurements
   * count as waiting up to `now`. Null when it never does — when too many were cancelled or are
   * still open — however many were contracted.
   */
  medianDaysToContract: number | null;
  /**
   * The estimated share contracted within 30, 90, 180 and 365 days of the request (cumulative
   * incidence, cancellations competing); null beyond the longest time followed.
   */
  contractedWithin: Record<WithinDays, number | null>;
  /** The estimated share cancelled within the same days: with `contractedWithin`, never more than 1. */
  cancelledWithin: Record<WithinDays, number | null>;
  /**
   * The Kaplan–Meier median, cancellations counted as censored (as if a cancelled procurement would
   * still have been contracted, later): shorter than or equal to `medianDaysToContract`, which it
   * stands beside, labelled, never in place of.
   */
  kaplanMeierMedianDays: number | null;
  /** The plain median over contracted procurements only (what the figure was before open ones counted). */
  contractedMedianDays: number | null;
  /** The 90th percentile over contracted procurements only. */
  contractedP90Days: number | null;
  /** Contract against estimate, by the contract's currency. */
  value: Record<string, ContractValue>;
}

/** Procurement lead times, overall and by procedure. */
export interface ProcurementFigures {
  all: LeadTimes;
  byProcedure: Partial<Record<ProcurementProcedure, LeadTimes>>;
}

const emptyValue = (): ContractValue => ({ contracts: 0, contracted: 0, pairs: 0, pairedEstimated: 0, pairedContracted: 0, unpaired: 0, ratio: null });

// Contracted, cancelled or still open at `now`, with the days each waited.
const endingOf = (p: Procurement, now: string): { days: number; ending: Ending } =>
  p.status === "contracted" && p.settledAt !== null
    ? { days: calendarDays(p.requestedAt, p.settledAt), ending: "outcome" }
    : p.status === "cancelled" && p.settledAt !== null
      ? { days: calendarDays(p.requestedAt, p.settledAt), ending: "competing" }
      : { days: Math.max(0, calendarDays(p.requestedAt, now)), ending: "censored" };

const contractValues = (list: readonly Procurement[]): Record<string, ContractValue> => {
  const value: Record<string, ContractValue> = {};
  for (const p of list) {
    if (p.status !== "contracted" || p.value === null) continue;
    const v = (value[p.value.currency] ??= emptyValue());
    v.contracts++;
    v.contracted += p.value.amount;
    // An estimate in another currency cannot be compared: the pair is left out of the ratio, not converted.
    if (p.estimatedValue.currency !== p.value.currency) v.unpaired++;
    else {
      v.pairs++;
      v.pairedEstimated += p.estimatedValue.amount;
      v.pairedContracted += p.value.amount;
    }
  }
  for (const v of Object.values(value)) v.ratio = v.pairedEstimated > 0 ? v.pairedContracted / v.pairedEstimated : null;
  return value;
};

const leadTimes = (list: readonly Procurement[], now: string): LeadTimes => {
  const items = list.map((p) => endingOf(p, now));
  const days = (ending: Ending) => items.filter((x) => x.ending === ending).map((x) => x.days);
  const done = days("outcome");
  const curve = cumulativeIncidence(items);
  // Nothing requested: nothing followed, every share unknown.
  const followed = Math.max(-1, ...items.map((x) => x.days));
  const within = (of: "outcome" | "competing") =>
    Object.fromEntries(WITHIN_DAYS.map((d) => [d, incidenceBy(curve, Number(d), followed, of)])) as Record<WithinDays, number | null>;
  return {
    requested: list.length,
    contracted: done.length,
    cancelled: days("competing").length,
    open: days("censored").length,
    medianDaysToContract: incidenceMedian(curve),
    contractedWithin: within("outcome"),
    cancelledWithin: within("competing"),
    // Cancellations counted as censored: the figure the competing-risks one corrects.
    kaplanMeierMedianDays: survivalMedian(done, [...days("competing"), ...days("censored")]),
    contractedMedianDays: median(done),
    contractedP90Days: percentile(done, 90),
    value: contractValues(list),
  };
};

/**
 * Procurement lead times overall and by procedure, as of `now`.
 *
 * @example
 * const open = { procedure: "open", estimatedValue: { amount: 1000, currency: "EUR" }, requestedAt: "2020-03-01T00:00:00Z" } as const;
 * const value = { amount: 900, currency: "EUR" };
 * const list: Procurement[] = [
 *   { ...open, status: "contracted", settledAt: "2020-04-05T00:00:00Z", settledEventId: "e9", supplierEntityId: "biz-1", value },
 *   { ...open, status: "requested", settledAt: null, settledEventId: null, supplierEntityId: null, value: null },
 * ];
 * // one contracted after 35 days, one still open after 90: the share contracted reaches one half on day 35
 * procurementFigures(list, "2020-05-30T00:00:00Z").all // { requested: 2, contracted: 1, open: 1, medianDaysToContract: 35, contractedMedianDays: 35, … }
 */
export const procurementFigures = (procurements: readonly Procurement[], now: string): ProcurementFigures => {
  const by = new Map<ProcurementProcedure, Procurement[]>();
  for (const p of procurements) by.set(p.procedure, [...(by.get(p.procedure) ?? []), p]);
  return {
    all: leadTimes(procurements, now),
    byProcedure: Object.fromEntries([...by].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, list]) => [k, leadTimes(list, now)])),
  };
};

/** Time paused for one reason. */
export interface PauseTimes {
  pauses: number;
  /** Still paused at `now`. */
  open: number;
  /** Ended because the project ended while paused: work never resumed. */
  endedByClosure: number;
  /** Calendar days paused, open pauses counted up to `now`, those ended by closure up to the project's end. */
  days: number;
  /**
   * Kaplan–Meier median length of a pause until work resumed: open ones count as still running, and
   * those ended by closure as never resumed (censored at the project's end).
   */
  medianDays: number | null;
}

/**
 * Pauses that said when work would resume, and pilots that said when they would end, against when
 * they did. Every item with a planned date is in exactly one of the five counts: planned =
 * endedOnTime + endedLate + openWithinPlan + openPastPlanned + endedByClosure.
 */
export interface Overruns {
  /** Items with a planned date. */
  planned: number;
  /** Ended no later than the planned date's UTC calendar day. */
  endedOnTime: number;
  /** Ended on a later UTC calendar day than planned: at least one whole day late (`daysLate`). */
  endedLate: number;
  /** Median whole days late of those that ended late. */
  medianDaysLate: number | null;
  /** Still running at `now`, the planned day not yet past. */
  openWithinPlan: number;
  /** Still running at `now`, on a later calendar day than planned. */
  openPastPlanned: number;
  /** Ended by the project's end instead (a pause never resumed, a pilot cut short): neither late nor open. */
  endedByClosure: number;
}

/** Pause figures: how long projects were paused, by reason, and overruns of the expected resume date. */
export interface PauseFigures {
  total: number;
  open: number;
  /** Ended because the project ended while paused. */
  endedByClosure: number;
  byReason: Partial<Record<PauseReason, PauseTimes>>;
  /** Of pauses that gave an expected resume date. */
  overruns: Overruns;
}

/**
 * Whole days late: UTC calendar days from the planned date's day to the day it ended (or to `now`),
 * never below 0. Late means at least one: an item that ends on its planned day, at any hour, is on
 * time, and one planned for 23:00 that ends at 01:00 the next day is one day late.
 *
 * @example
 * daysLate("2020-02-01T10:00:00Z", "2020-02-01T18:00:00Z") // 0: the planned day, on time
 * daysLate("2020-02-01T23:00:00Z", "2020-02-02T01:00:00Z") // 1
 */
export const daysLate = (planned: string, actual: string): number => Math.max(0, calendarDays(planned, actual));

/**
 * Overruns of planned dates, in whole days (`daysLate`): an item ended late when it ended on a
 * later day than planned, is open past its plan when still running at `now` on a later day than
 * planned, and was ended by closure when the project's end cut it short (then it is neither).
 *
 * @example
 * overruns([{ planned: "2020-02-01T00:00:00Z", end: "2020-02-11T00:00:00Z", closed: false }], "2020-06-01T00:00:00Z")
 * // { planned: 1, endedOnTime: 0, endedLate: 1, medianDaysLate: 10, openWithinPlan: 0, openPastPlanned: 0, endedByClosure: 0 }
 */
export const overruns = (items: Iterable<{ planned: string | null; end: string | null; closed: boolean }>, now: string): Overruns => {
  const late: number[] = [];
  const o = { planned: 0, endedOnTime: 0, openWithinPlan: 0, openPastPlanned: 0, endedByClosure: 0 };
  for (const { planned: plan, end, closed } of items) {
    if (plan === null) continue;
    o.planned++;
    if (closed) o.endedByClosure++;
    else if (end === null) o[daysLate(plan, now) > 0 ? "openPastPlanned" : "openWithinPlan"]++;
    else if (daysLate(plan, end) > 0) late.push(daysLate(plan, end));
    else o.endedOnTime++;
  }
  return { ...o, endedLate: late.length, medianDaysLate: median(late) };
};

/**
 * Pause figures as of `now`: days paused and median pause length by reason, and overruns of the
 * expected resume date. A pause ends when work resumes or the project ends.
 *
 * @example
 * pauseFigures(state.pauses, "2021-01-01T00:00:00Z").byReason.procurement // { pauses: 3, open: 1, days: 212, medianDays: 60 }
 */
export const pauseFigures = (pauses: readonly Pause[], now: string): PauseFigures => {
  const by = new Map<PauseReason, { done: number[]; running: number[]; closed: number }>();
  for (const p of pauses) {
    const x = by.get(p.reason) ?? { done: [], running: [], closed: 0 };
    if (p.to === null) x.running.push(Math.max(0, calendarDays(p.from, now)));
    else if (p.endedBy === "closure") {
      // Work never resumed: censored at the project's end, not a finished pause.
      x.closed++;
      x.running.push(calendarDays(p.from, p.to));
    } else x.done.push(calendarDays(p.from, p.to));
    by.set(p.reason, x);
  }
  const sum = (xs: readonly number[]): number => xs.reduce((n, x) => n + x, 0);
  return {
    total: pauses.length,
    open: pauses.filter((p) => p.to === null).length,
    endedByClosure: pauses.filter((p) => p.endedBy === "closure").length,
    byReason: Object.fromEntries(
      [...by]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([reason, { done, running, closed }]) => [
          reason,
          {
            pauses: done.length + running.length,
            open: running.length - closed,
            endedByClosure: closed,
            days: sum(done) + sum(running),
            medianDays: survivalMedian(done, running),
          },
        ]),
    ),
    overruns: overruns(
      pauses.map((p) => ({ planned: p.expectedResumeAt, end: p.to, closed: p.endedBy === "closure" })),
      now,
    ),
  };
};
