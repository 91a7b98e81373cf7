import type * as z from "zod";

/** One problem found while validating input: where (a path into the input) and what. */
export interface ValidationIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** What every domain error has: its family, its stable code, a sentence, and details. */
export interface ErrorBase<K extends string, C extends string, D> {
  /** Which family of error this is; switch on it to handle each family. */
  readonly kind: K;
  /** Stable machine-readable code; never reworded once published. */
  readonly code: C;
  /** A sentence a person can act on. */
  readonly message: string;
  /** What a program needs to react: ids, versions, paths. */
  readonly details: D;
}

/** The codes the kernel itself returns, besides a domain's rule codes. */
export type KernelErrorCode =
  | "validation_failed"
  | "concurrency_conflict"
  | "idempotency_conflict"
  | "store_unavailable"
  | "unknown_event_type"
  | "upcast_failed"
  | IntegrityCode;

/** Input that does not match its schema (a command, an envelope, an event's data). */
export type ValidationError = ErrorBase<"validation", "validation_failed", { readonly subject: string; readonly issues: readonly ValidationIssue[] }>;
/** A business rule refused the command; `code` names the rule (a domain's catalogue types it). */
export type RuleViolation<C extends string = string> = ErrorBase<"rule", C, Readonly<Record<string, unknown>>>;
/** Another writer appended to the stream since it was read. */
export type ConcurrencyConflict = ErrorBase<
  "concurrency",
  "concurrency_conflict",
  { readonly streamId: string; readonly expectedVersion: number; readonly actualVersion: number }
>;
/** A command id was reused for a different request. */
export type IdempotencyConflict = ErrorBase<"idempotency", "idempotency_conflict", { readonly commandId: string; readonly streamId: string }>;
/**
 * The store could not be reached, or failed, while appending (a lost connection, a full disk). The
 * append may or may not have been written: replay it with the same command id to learn which (it is
 * written at most once); without a command id, reload the stream before deciding again.
 */
export type StoreUnavailable = ErrorBase<"unavailable", "store_unavailable", { readonly streamId: string; readonly reason: string }>;
/** A stored event names a type this library does not know. */
export type UnknownEventType = ErrorBase<"unknown_event_type", "unknown_event_type", { readonly type: string }>;
/** An older event could not be brought to the current schema version. */
export type UpcastFailure = ErrorBase<
  "upcast",
  "upcast_failed",
  { readonly type: string; readonly fromVersion: number; readonly toVersion: number; readonly reason: string }
>;
/**
 * The integrity codes, each with what it means: the catalogue `verify`, `checkSequence` and every
 * projection report from. The README's table is generated from it.
 */
export const integrityCodes = {
  duplicate_event: "the same event id appears twice",
  version_gap: "a stream skips a version: events are missing, or the log is out of order",
  reordered: "an event comes before one it should follow, or another event claims a version already read",
  recorded_at_backwards: "an event was recorded before the event it follows in its stream",
  unsealed: "an event of a sealed log carries no hash",
  missing_predecessor: "an event does not name the hash of the event before it",
  hash_mismatch: "an event was altered after it was sealed",
  unhashable: "an event holds a value JSON cannot represent",
  malformed_record: "a record is not a stored event",
  unreadable: "a record could not be read at all (a property threw)",
  hasher_failed: "the sha256 option passed the known answers, then threw while hashing: the log was not judged",
  checkpoint_malformed: "the checkpoint is not a checkpoint",
  checkpoint_altered: "the checkpoint's root does not match its heads",
  truncated: "a stream ends before the version its checkpoint saw",
  resealed: "a stream was rewritten and sealed again after its checkpoint",
  overlapping_parts: "two parts of a partitioned rebuild hold the same stream",
} as const;
/** An integrity code. */
export type IntegrityCode = keyof typeof integrityCodes;

/** Stored events are not what was written: a broken chain, a gap, a reordering. */
export type IntegrityFailure = ErrorBase<
  "integrity",
  IntegrityCode,
  { readonly streamId: string; readonly version?: number } & Readonly<Record<string, unknown>>
>;

/**
 * Every error the library returns as a value. Discriminated by `kind`; `code` is stable.
 *
 * @example
 * const r = await handle(store, labDecider, command, ctx);
 * if (!r.ok) switch (r.error.kind) { case "concurrency": console.warn("someone else wrote first: try again"); break; default: console.error(r.error.message); }
 */
export type DomainError<R extends string = string> =
  | ValidationError
  | RuleViolation<R>
  | ConcurrencyConflict
  | IdempotencyConflict
  | StoreUnavailable
  | UnknownEventType
  | UpcastFailure
  | IntegrityFailure;

/**
 * Cut user text echoed in a message to at most `max` characters, so a hostile input (a key of a
 * megabyte, say) cannot make a message of a megabyte.
 *
 * @example
 * capText("x".repeat(1000), 10) // "xxxxxxxxxx… (990 more characters)"
 */
export const capText = (text: string, max = 200): string => (text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`);

/**
 * A validation error from zod issues, naming what was validated. Issue messages and path segments
 * are capped, since zod echoes unknown keys.
 *
 * @example
 * const parsed = SubmitChallenge.safeParse(JSON.parse(body));
 * if (!parsed.success) console.error(validationError("command SubmitChallenge", parsed.error.issues).message);
 */
export const validationError = (subject: string, issues: readonly z.core.$ZodIssue[] | readonly ValidationIssue[]): ValidationError => {
  const list: ValidationIssue[] = issues.slice(0, 100).map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? capText(String(p), 100) : typeof p === "string" ? capText(p, 100) : p)),
    message: capText(i.message, 300),
  }));
  const first = list[0];
  const where = first && first.path.length > 0 ? ` at ${capText(first.path.join("."))}` : "";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  return {
    kind: "validation",
    code: "validation_failed",
    message: `Invalid ${capText(subject)}${where}: ${first?.message ?? "unknown problem"}${more}.`,
    details: { subject: capText(subject), issues: list },
  };
};

/**
 * A business-rule refusal with a stable code and a sentence a person can act on.
 *
 * @example
 * ruleViolation("approver_is_lead", "The project lead cannot approve their own gate.", { approverId: "lead-1" })
 */
export const ruleViolation = <C extends string>(code: C, message: string, details: Readonly<Record<string, unknown>> = {}): RuleViolation<C> => ({
  kind: "rule",
  code,
  message: capText(message, 1000),
  details,
});

/**
 * A stale expected version, or, with `busy`, a stream another writer held for longer than the store
 * waits (a lock or statement timeout): either way, reload and try again.
 *
 * @example
 * concurrencyConflict("project:p1", 3, 3, "another writer held it past the lock timeout (2 s)")
 */
export const concurrencyConflict = (streamId: string, expectedVersion: number, actualVersion: number, busy?: string): ConcurrencyConflict => ({
  kind: "concurrency",
  code: "concurrency_conflict",
  message:
    busy === undefined
      ? `Stream ${capText(streamId)} is at version ${actualVersion}, not ${expectedVersion} as expected: someone else wrote to it first; reload and try again.`
      : `Stream ${capText(streamId)} is busy: ${capText(busy, 300)}; nothing was written; reload and try again.`,
  details: { streamId, expectedVersion, actualVersion },
});

/**
 * A store that could not be reached or failed during an append; `reason` says what the database said.
 *
 * @example
 * storeUnavailable("project:p1", "the connection was lost (57P01)")
 */
export const storeUnavailable = (streamId: string, reason: string): StoreUnavailable => ({
  kind: "unavailable",
  code: "store_unavailable",
  message:
    `The event store failed while appending to ${capText(streamId)}: ${capText(reason, 300)}. The append may or may not have been written: ` +
    "replay the command with the same command id (it is written at most once), or reload the stream before deciding again.",
  details: { streamId: capText(streamId), reason: capText(reason, 300) },
});

/** A command id reused for a different request. */
export const idempotencyConflict = (commandId: string, streamId: string): IdempotencyConflict => ({
  kind: "idempotency",
  code: "idempotency_conflict",
  message: `Command id ${commandId} was already used for a different request; give a new command a new id.`,
  details: { commandId, streamId },
});

/** An event type with no registered schema. */
export const unknownEventType = (type: string): UnknownEventType => ({
  kind: "unknown_event_type",
  code: "unknown_event_type",
  message: `Unknown event type "${capText(type, 100)}": this version of the library has no schema for it.`,
  details: { type: capText(type, 100) },
});

/** A failed upcast step. */
export const upcastFailure = (type: string, fromVersion: number, toVersion: number, reason: string): UpcastFailure => ({
  kind: "upcast",
  code: "upcast_failed",
  message: `Could not upgrade ${capText(type, 100)} from schema version ${fromVersion} to ${toVersion}: ${capText(reason, 500)}`,
  details: { type: capText(type, 100), fromVersion, toVersion, reason: capText(reason, 500) },
});

/** A broken integrity property of a stored log. */
export const integrityFailure = (
  code: IntegrityCode,
  message: string,
  details: { readonly streamId: string; readonly version?: number } & Readonly<Record<string, unknown>>,
): IntegrityFailure => ({ kind: "integrity", code, message: capText(message, 1000), details });
