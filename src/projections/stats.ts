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

/**
 * The median duration when some durations are still running: the Kaplan–Meier estimate (the
 * smallest duration at which the estimated share still waiting falls to one half or below; where
 * it sits at exactly one half, the midpoint to the next finish, as R's `survfit` reports it). A
 * running item counts as waiting up to its time so far, then leaves the count without finishing,
 * so open procurements lengthen the median instead of being dropped. Null when fewer than half are
 * known to have finished ("not reached"). With nothing running it is the ordinary median.
 *
 * @example
 * survivalMedian([10, 20], [])      // 15, as median([10, 20])
 * survivalMedian([10], [30, 40])    // null: only one of three finished, by day 10
 * survivalMedian([10, 50], [30])    // 50: at day 50 the estimate falls from 2/3 to 0
 */
export const survivalMedian = (finished: readonly number[], running: readonly number[]): number | null => {
  const at = new Map<number, { done: number; leaving: number }>();
  const note = (t: number, done: number): void => {
    const x = at.get(t) ?? { done: 0, leaving: 0 };
    at.set(t, { done: x.done + done, leaving: x.leaving + 1 });
  };
  for (const t of finished) note(t, 1);
  for (const t of running) note(t, 0);
  const times = [...at].sort((a, b) => a[0] - b[0]);
  // Those still running at t were waiting at t: they leave the count after t's finishers are counted.
  let atRisk = finished.length + running.length;
  let waiting = 1;
  for (const [i, [t, { done, leaving }]] of times.entries()) {
    waiting *= 1 - done / atRisk;
    atRisk -= leaving;
    // Exactly one half (up to rounding of the products): flat until the next finish.
    if (Math.abs(waiting - 0.5) < 1e-9) return (t + (times.slice(i + 1).find(([, x]) => x.done > 0)?.[0] ?? t)) / 2;
    if (waiting < 0.5) return t;
  }
  return null;
};
