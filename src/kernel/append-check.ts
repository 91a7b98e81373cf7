import { type AnyEvent, type Envelope, EnvelopeSchema } from "./envelope.js";
import { concurrencyConflict, idempotencyConflict, type ValidationError, validationError } from "./errors.js";
import { envelopeIssues } from "./envelope-check.js";
import { eventsFingerprint } from "./fingerprint.js";
import { err, ok, type Result } from "./result.js";
import { type AppendError, type AppendOptions, AppendOptionsSchema } from "./store.js";
import { type Unchanged, unchanged } from "./unchanged.js";

/**
 * What a store does with an append: hand back what an earlier run of the same command stored
 * (`replay`), or write the batch, remembering the command by `fingerprint` when it has an id.
 */
export type AppendPlan = { readonly replay: true } | { readonly replay: false; readonly fingerprint: string | undefined };

// The verdicts for the usual append without building zod's copies; the schemas themselves word the
// refusal of the others. Made on first use, so a bundle that never appends carries none of it.
let quick: { readonly stream: Unchanged | undefined; readonly options: Unchanged | undefined } | undefined;
const predicates = () => (quick ??= { stream: unchanged(EnvelopeSchema.shape.streamId), options: unchanged(AppendOptionsSchema) });

// The first problem of the request, worded by the schemas: what no store may take (a malformed
// envelope, text with U+0000, NaN in data, nesting past the limit, a bad expected version…).
const requestProblem = (streamId: string, events: readonly unknown[], options: unknown): ValidationError | undefined => {
  const subject = `append to ${streamId}`;
  try {
    const { stream: goodStream, options: goodOptions } = predicates();
    const stream = goodStream?.(streamId) === true ? undefined : EnvelopeSchema.shape.streamId.safeParse(streamId).error;
    if (stream !== undefined)
      return validationError(
        subject,
        stream.issues.map((issue) => ({ ...issue, path: ["streamId", ...issue.path] })),
      );
    const opts = goodOptions?.(options) === true ? undefined : AppendOptionsSchema.safeParse(options).error;
    if (opts !== undefined) return validationError(`${subject} (options)`, opts.issues);
    for (let i = 0; i < events.length; i++) {
      const issues = envelopeIssues(events[i]);
      if (issues !== undefined)
        return validationError(
          subject,
          issues.map((issue) => ({ ...issue, path: [i, ...issue.path] })),
        );
    }
  } catch {
    return validationError(subject, [{ path: [], message: "could not be read (a property threw); pass plain data" }]);
  }
  return undefined;
};

/**
 * The rules every store applies before writing, in one place so that every adapter applies the same
 * ones: the stream id, every envelope (`EnvelopeSchema`, which refuses what no store can keep) and
 * the options (`AppendOptionsSchema`) must match their schemas (`validation_failed`, before anything
 * else); a command id seen before is replayed if it is the same command on the same stream and
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
  const problem = requestProblem(streamId, events, options);
  if (problem !== undefined) return err(problem);
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
