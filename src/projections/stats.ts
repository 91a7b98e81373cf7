import { utc } from "@date-fns/utc";
import { differenceInCalendarDays } from "date-fns";

/**
 * Whole calendar days from one UTC timestamp to another (UTC calendar, whatever the host's time
 * zone): from 2019-01-01T23:30Z to 2019-01-02T00:30Z is 1.
 */
export const calendarDays = (from: string, to: string): number => differenceInCalendarDays(to, from, { in: utc });

/** The median of some numbers (the mean of the two middle ones for an even count: 3.5 for 3, 1, 10, 4); null when empty. */
export const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/**
 * A percentile by the nearest-rank method (the smallest value with at least p% of values at or
 * below it: the 90th of 1…10 is 9); null when empty.
 */
export const percentile = (xs: readonly number[], p: number): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1] as number;
};

/** How an item's time ended: the outcome counted, a competing outcome that rules it out, or still running (censored). */
export type Ending = "outcome" | "competing" | "censored";

/** One step of a cumulative incidence curve: from `days` on, the estimated shares that reached each outcome. */
export interface IncidenceStep {
  days: number;
  /** The estimated share that had reached the outcome counted by `days`. */
  outcome: number;
  /** The estimated share that had reached the competing outcome by `days`. */
  competing: number;
}

/**
 * The cumulative incidence of an outcome when a competing outcome can rule it out (Aalen–Johansen):
 * at each time an outcome or a competing outcome happened, of the `n` still at risk, `d` reached the
 * outcome and `c` the competing one; the share reaching the outcome grows by S × d / n, where S is
 * the share that had reached neither just before (Kaplan–Meier over both outcomes together). A
 * censored item counts as at risk at its own time, then leaves. With no competing outcome it is
 * 1 − Kaplan–Meier; with one, 1 − Kaplan–Meier (treating it as censored) overstates the chance of
 * the outcome. One step per time with an outcome of either kind, in order of time.
 *
 * @example
 * // Contracted on days 10 and 30, cancelled on day 20, still open at day 40.
 * cumulativeIncidence([
 *   { days: 10, ending: "outcome" }, { days: 20, ending: "competing" }, { days: 30, ending: "outcome" }, { days: 40, ending: "censored" },
 * ]) // [{ days: 10, outcome: 0.25, … }, { days: 20, outcome: 0.25, competing: 0.25 }, { days: 30, outcome: 0.5, competing: 0.25 }]
 */
export const cumulativeIncidence = (items: readonly { days: number; ending: Ending }[]): IncidenceStep[] => {
  const at = new Map<number, Record<Ending, number>>();
  for (const { days, ending } of items) {
    const x = at.get(days) ?? { outcome: 0, competing: 0, censored: 0 };
    x[ending]++;
    at.set(days, x);
  }
  const steps: IncidenceStep[] = [];
  let atRisk = items.length;
  let neither = 1;
  let outcome = 0;
  let competing = 0;
  for (const [days, x] of [...at].sort((a, b) => a[0] - b[0])) {
    if (x.outcome + x.competing > 0) {
      outcome += (neither * x.outcome) / atRisk;
      competing += (neither * x.competing) / atRisk;
      neither *= 1 - (x.outcome + x.competing) / atRisk;
      steps.push({ days, outcome, competing });
    }
    // Those censored at `days` were at risk then: they leave after the outcomes of that time are counted.
    atRisk -= x.outcome + x.competing + x.censored;
  }
  return steps;
};

/**
 * The median time to an outcome from its cumulative incidence: the first time the share that reached
 * it is one half or more; where it is exactly one half (up to rounding), the midpoint to the next
 * time the outcome happened, as R's `survfit` reports a median. Null when the curve never reaches
 * one half — when too many are still running or reached the competing outcome first — which can
 * happen while more than half have reached the outcome (as with `[10]`, `[30, 40]` below) and fail
 * to happen while fewer than half have (`survivalMedian([10, 20], [5, 5, 5])` is 15: two of five).
 *
 * @example
 * incidenceMedian(cumulativeIncidence([{ days: 10, ending: "outcome" }, { days: 20, ending: "outcome" }])) // 15
 */
export const incidenceMedian = (steps: readonly IncidenceStep[]): number | null => {
  for (const [i, step] of steps.entries()) {
    if (Math.abs(step.outcome - 0.5) < 1e-9) {
      const next = steps.slice(i + 1).find((s) => s.outcome > step.outcome);
      return (step.days + (next?.days ?? step.days)) / 2;
    }
    if (step.outcome > 0.5) return step.days;
  }
  return null;
};

/**
 * The estimated share that had reached the outcome (or the competing one) by `days`. Null beyond
 * the longest time followed (`followed`) while some were still running then, where the curve says
 * nothing; once every item has reached one outcome or the other, the shares are final.
 *
 * @example
 * const curve = cumulativeIncidence([{ days: 10, ending: "outcome" }, { days: 40, ending: "censored" }]);
 * incidenceBy(curve, 30, 40) // 0.5; incidenceBy(curve, 90, 40) // null: one was still running at day 40
 */
export const incidenceBy = (steps: readonly IncidenceStep[], days: number, followed: number, of: "outcome" | "competing" = "outcome"): number | null => {
  const last = steps.at(-1);
  const final = last !== undefined && last.outcome + last.competing > 1 - 1e-9;
  if (days > followed && !final) return null;
  return steps.findLast((s) => s.days <= days)?.[of] ?? 0;
};

/**
 * The median duration when some durations are still running: the Kaplan–Meier estimate (the
 * smallest duration at which the estimated share still waiting falls to one half or below; where
 * it sits at exactly one half, the midpoint to the next finish, as R's `survfit` reports it). A
 * running item counts as waiting up to its time so far, then leaves the count without finishing,
 * so open procurements lengthen the median instead of being dropped. Null when the estimated share
 * still waiting never falls to one half ("not reached") — which is not the same as fewer than half
 * having finished: `[10, 20]` finished and `[5, 5, 5]` running gives 15. With nothing running it is
 * the ordinary median. It is the cumulative incidence's median with no competing outcome.
 *
 * @example
 * survivalMedian([10, 20], [])      // 15, as median([10, 20])
 * survivalMedian([10], [30, 40])    // null: the share still waiting falls to 2/3 at day 10, then never again
 * survivalMedian([10, 50], [30])    // 50: at day 50 the estimate falls from 2/3 to 0
 */
export const survivalMedian = (finished: readonly number[], running: readonly number[]): number | null =>
  incidenceMedian(
    cumulativeIncidence([...finished.map((days) => ({ days, ending: "outcome" as const })), ...running.map((days) => ({ days, ending: "censored" as const }))]),
  );
