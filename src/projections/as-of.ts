import * as z from "zod";
import { type AnyEvent, type DomainError, type Envelope, compareInstants, err, Instant, ok, type Result, validationError } from "../kernel/index.js";

/**
 * A point in time and which clock it is read on: business time (`occurredAt`, the default) or record
 * time (`recordedAt`). Invalid as-of options are refused, never read as "no events".
 */
export const AsOfSchema = z.strictObject({
  /** ISO-8601 UTC timestamp; events at or before it count. */
  at: Instant,
  /** `occurredAt` (what had happened by then) or `recordedAt` (what had been recorded by then). */
  by: z.enum(["occurredAt", "recordedAt"]).optional(),
});
/** A point in time and the clock it is read on. */
export type AsOf = z.infer<typeof AsOfSchema>;

/**
 * Check as-of options: a timestamp the codec would accept, and one of the two clocks.
 *
 * @example
 * parseAsOf({ at: "31/12/2019" }) // error: at must be an ISO-8601 UTC timestamp
 */
export const parseAsOf = (asOf: unknown): Result<AsOf, DomainError> => {
  const parsed = AsOfSchema.safeParse(asOf);
  return parsed.success ? ok(parsed.data) : err(validationError("as-of options", parsed.error.issues));
};

/**
 * Whether an event counts as of a date: it had happened (business time, the default) or had been
 * recorded (record time) by then. Pass it as `project`'s `where`, so that the log's order is
 * checked on every event and only those that count are applied.
 *
 * @example
 * const counts = selectAsOf({ at: "2019-12-31T23:59:59Z" });
 * if (counts.ok) project(labProjections, events, { where: counts.value });
 */
export const selectAsOf = (asOf: unknown): Result<(e: Envelope) => boolean, DomainError> => {
  const checked = parseAsOf(asOf);
  if (!checked.ok) return checked;
  const limit = checked.value.at;
  const field = checked.value.by ?? "occurredAt";
  return ok((e) => compareInstants(e[field], limit) <= 0);
};

/**
 * The events that count as of a date, in log order: those that had happened (business time, the
 * default) or had been recorded (record time) by then. To read a whole log as of a date, pass
 * `selectAsOf` to `project` instead: a stream cut by business time can have gaps where a fact was
 * recorded before an earlier-dated one, and a projection refuses gaps.
 *
 * @example
 * const r = eventsAsOf(events, { at: "2019-12-31T23:59:59Z" });                     // what had happened by the end of 2019
 * const s = eventsAsOf(events, { at: "2019-12-31T23:59:59Z", by: "recordedAt" });  // what the lab knew then
 */
export const eventsAsOf = <E extends AnyEvent>(events: Iterable<Envelope<E>>, asOf: AsOf): Result<Envelope<E>[], DomainError> => {
  const counts = selectAsOf(asOf);
  if (!counts.ok) return counts;
  const out: Envelope<E>[] = [];
  for (const e of events) if (counts.value(e)) out.push(e);
  return ok(out);
};
