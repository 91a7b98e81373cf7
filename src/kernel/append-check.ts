import type { AnyEvent, Envelope } from "./envelope.js";
import { concurrencyConflict, idempotencyConflict, validationError } from "./errors.js";
import { eventsFingerprint } from "./fingerprint.js";
import { err, ok, type Result } from "./result.js";
import type { AppendError, AppendOptions } from "./store.js";

/**
 * What a store does with an append: hand back what an earlier run of the same command stored
 * (`replay`), or write the batch, remembering the command by `fingerprint` when it has an id.
 */
export type AppendPlan = { readonly replay: true } | { readonly replay: false; readonly fingerprint: string | undefined };

/**
 * The rules every store applies before writing, in one place so that every adapter applies the same
 * ones: a command id seen before is replayed if it is the same command on the same stream and
 * refused (`idempotency_conflict`) otherwise; the expected version must be the stream's head
 * (`concurrency_conflict`); each event must belong to the stream at the next version (`validation_failed`).
 * The store reads `current` and the earlier command inside its transaction and does the I/O.
 *
 * @example
 * const plan = planAppend("project-p1", newEvents, { expectedVersion: 3, commandId: "c-9" }, 3, undefined);
 * if (plan.ok && !plan.value.replay) console.log("write; remember c-9 as", plan.value.fingerprint);
 */
export const planAppend = <E extends AnyEvent>(
  streamId: string,
  events: readonly Envelope<E>[],
  options: AppendOptions,
  current: number,
  earlier: { readonly streamId: string; readonly fingerprint: string } | undefined,
): Result<AppendPlan, AppendError> => {
  const fingerprint = options.commandId === undefined ? undefined : (options.fingerprint ?? eventsFingerprint(streamId, events));
  if (options.commandId !== undefined && earlier !== undefined) {
    return earlier.streamId === streamId && earlier.fingerprint === fingerprint ? ok({ replay: true }) : err(idempotencyConflict(options.commandId, streamId));
  }
  if (options.expectedVersion !== current) return err(concurrencyConflict(streamId, options.expectedVersion, current));
  const misplaced = events.findIndex((e, i) => e.streamId !== streamId || e.version !== current + i + 1);
  const e = events[misplaced];
  if (e !== undefined) {
    const message = `event ${misplaced + 1} must belong to ${streamId} at version ${current + misplaced + 1}, not ${e.streamId} at ${e.version}`;
    return err(validationError(`append to ${streamId}`, [{ path: [misplaced], message }]));
  }
  return ok({ replay: false, fingerprint });
};
