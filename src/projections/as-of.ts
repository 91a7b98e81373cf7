import * as z from "zod";
import { type AnyEvent, type DomainError, type Envelope, err, IsoUtc, ok, type Result, validationError } from "../kernel/index.js";

/**
 * A point in time and which clock it is read on: business time (`occurredAt`, the default) or record
 * time (`recordedAt`). Invalid as-of options are refused, never read as "no events".
 */
export const AsOfSchema = z.strictObject({
  /** ISO-8601 UTC timestamp; events at or before it count. */
  at: IsoUtc,
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
 * The events that count as of a date: those that had happened (business time, the default) or had
 * been recorded (record time) by then. Feed the result to any projection to get its state as of then.
 *
 * @example
 * const r = eventsAsOf(events, { at: "2019-12-31T23:59:59Z" });                     // what had happened by the end of 2019
 * const s = eventsAsOf(events, { at: "2019-12-31T23:59:59Z", by: "recordedAt" });  // what the lab knew then
 */
export const eventsAsOf = <E extends AnyEvent>(events: Iterable<Envelope<E>>, asOf: AsOf): Result<Envelope<E>[], DomainError> => {
  const checked = parseAsOf(asOf);
  if (!checked.ok) return checked;
  const limit = Date.parse(checked.value.at);
  const field = checked.value.by ?? "occurredAt";
  const out: Envelope<E>[] = [];
  for (const e of events) if (Date.parse(e[field]) <= limit) out.push(e);
  return ok(out);
};
