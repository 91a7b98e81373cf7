import { utc } from "@date-fns/utc";
import { differenceInCalendarDays } from "date-fns";

/**
 * Whole calendar days from one UTC timestamp to another (UTC calendar, whatever the host's time zone).
 *
 * @example
 * calendarDays("2019-01-01T23:30:00Z", "2019-01-02T00:30:00Z") // 1
 */
export const calendarDays = (from: string, to: string): number => differenceInCalendarDays(to, from, { in: utc });

/**
 * The median of some numbers (the mean of the two middle ones for an even count); null when empty.
 *
 * @example
 * median([3, 1, 10, 4]) // 3.5
 */
export const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/**
 * A percentile by the nearest-rank method (the smallest value with at least p% of values at or below it); null when empty.
 *
 * @example
 * percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) // 9
 */
export const percentile = (xs: readonly number[], p: number): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1] as number;
};
