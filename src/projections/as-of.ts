import type { AnyEvent, Envelope } from "../kernel/index.js";

/** A point in time and which clock it is read on: business time (`occurredAt`) or record time (`recordedAt`). */
export interface AsOf {
  /** ISO-8601 timestamp; events at or before it count. */
  readonly at: string;
  /** `occurredAt` (what had happened by then) or `recordedAt` (what had been recorded by then). */
  readonly by?: "occurredAt" | "recordedAt";
}

/**
 * The events that count as of a date: those that had happened (business time, the default) or had
 * been recorded (record time) by then. Feed the result to any projection to get its state as of then.
 *
 * @example
 * project(portfolio, eventsAsOf(events, { at: "2019-12-31T23:59:59Z" }))          // what had happened by the end of 2019
 * project(portfolio, eventsAsOf(events, { at: "2019-12-31T23:59:59Z", by: "recordedAt" })) // what the lab knew then
 */
export const eventsAsOf = <E extends AnyEvent>(events: Iterable<Envelope<E>>, asOf: AsOf): Envelope<E>[] => {
  const limit = Date.parse(asOf.at);
  const field = asOf.by ?? "occurredAt";
  const out: Envelope<E>[] = [];
  for (const e of events) if (Date.parse(e[field]) <= limit) out.push(e);
  return out;
};
