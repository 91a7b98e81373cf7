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
