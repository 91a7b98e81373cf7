import * as z from "zod";
import { definition } from "./definition.js";
import { type Actor, ActorSchema, Id } from "./envelope.js";
import { instantAt } from "./time.js";
import { compiled } from "./unchanged.js";
import { type ValidationError, validationError } from "./errors.js";
import { err, ok, type Result } from "./result.js";

/**
 * Everything impure a decision needs, passed in so the core stays deterministic: the clock, the
 * acting actor, id generation, and the tracing ids of the command being handled.
 *
 * @example
 * const ctx: Context = { now: () => new Date(), newId: () => crypto.randomUUID(), actor: { id: "u-1", role: "lab_team" }, commandId: "cmd-9" };
 */
export interface Context {
  /** The current time; becomes `recordedAt`, and `occurredAt` unless the event says otherwise. */
  readonly now: () => Date;
  /** A new unique id, for events and for entities a command creates. */
  readonly newId: () => string;
  /** Who is acting, in which role. */
  readonly actor: Actor;
  /** Idempotency key of the command being handled. */
  readonly commandId?: string;
  /** Groups every event caused by one user intent, across streams. */
  readonly correlationId?: string;
  /** The id of the event or command that caused this one. */
  readonly causationId?: string;
}

const fn = <F>() => z.custom<F>((v) => typeof v === "function", { message: "must be a function" });

/**
 * The schema of a context: the same actor and id rules the codec applies to stored envelopes, so
 * nothing a context supplies can be written and then refused when read. Loose, so a domain can add
 * its own fields (and check them with a schema of its own that extends this one).
 */
export const ContextSchema = /* @__PURE__ */ definition(() =>
  z.looseObject({
    now: fn<() => Date>(),
    newId: fn<() => string>(),
    actor: ActorSchema,
    commandId: Id.optional(),
    correlationId: Id.optional(),
    causationId: Id.optional(),
  }),
);

// The context's fields as the schema returns them: checked the way decoding checks a stored event,
// the schema's verdict and output without zod, or parsed, copied and worded by zod.
const checkedFields = (ctx: unknown, schema: z.ZodType): { success: true; data: unknown } | { success: false; error: z.ZodError } => {
  const check = compiled(schema);
  return check?.test(ctx) === true ? { success: true, data: check.copy(ctx) } : schema.safeParse(ctx);
};

/**
 * Check a context before deciding: its fields against `schema` (the kernel's `ContextSchema` or a
 * domain's extension of it), and its clock, read once, against the timestamps the codec accepts.
 * The context returned reads that one instant every time, so every event of a decision carries the
 * same `recordedAt`. A bad context is a `validation` error naming the field; nothing throws.
 *
 * @example
 * const r = resolveContext({ now: () => new Date(Number.NaN), newId: () => "e1", actor: { id: "u-1", role: "lab_team" } }); // error at "now"
 */
export const resolveContext = <X extends Context>(ctx: unknown, schema: z.ZodType = ContextSchema): Result<X, ValidationError> => {
  let fields: Context;
  try {
    const checked = checkedFields(ctx, schema);
    if (!checked.success) return err(validationError("context", checked.error.issues));
    fields = checked.data as Context;
  } catch {
    return err(validationError("context", [{ path: [], message: "could not be read (a property threw)" }]));
  }
  let now: unknown;
  try {
    now = fields.now();
  } catch {
    return err(validationError("context", [{ path: ["now"], message: "threw when called" }]));
  }
  const ms = now instanceof Date ? now.getTime() : Number.NaN;
  const at = instantAt(ms);
  if (at === undefined) {
    return err(validationError("context", [{ path: ["now"], message: "must return a valid Date in the years 0001–9999" }]));
  }
  const resolved = { ...fields, now: () => new Date(ms) };
  written.set(resolved, at);
  return ok(resolved as X);
};

// The instant each resolved context reads, as the envelopes write it: written once, where writing a
// Date as text costs about a microsecond, more than the rest of stamping an event.
const written = new WeakMap<object, string>();

/**
 * The instant a context reads, as envelopes write it (`recordedAt`): kept from `resolveContext`
 * for a context it resolved, written from `now()` for any other.
 * @internal
 */
export const instantOf = (ctx: Pick<Context, "now">): string => written.get(ctx) ?? ctx.now().toISOString();

/**
 * A context function that threw while a command was decided, and where it sits in the context.
 * @internal
 */
export class ContextFailure extends Error {
  constructor(readonly path: readonly string[]) {
    super(`The context's ${path.join(".")} threw when called.`);
  }
}

/**
 * A function the context supplies, made safe to call while deciding: if it throws, the command is
 * refused with a `validation_failed` error naming it — as a throwing `now()` or `newId()` is —
 * instead of the throw reaching the host. A domain wraps the lookups its context adds (the lab's
 * register does) with it.
 *
 * @example
 * const names = new Map([["ama", "Agency for Administrative Modernisation"]]);
 * const lookup = guardContext(["register", "entity"], (id: string) => names.get(id));
 */
export const guardContext =
  <A extends unknown[], R>(path: readonly string[], f: (...args: A) => R): ((...args: A) => R) =>
  (...args) => {
    try {
      return f(...args);
    } catch {
      throw new ContextFailure(path);
    }
  };
