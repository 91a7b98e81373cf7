import type * as z from "zod";
import { type Context, ContextFailure, resolveContext } from "./context.js";
import { type AnyEvent, type Emitted, type Envelope, Id } from "./envelope.js";
import { envelopeIssues, vouchFor } from "./envelope-check.js";
import { type DomainError, type ValidationError, validationError } from "./errors.js";
import type { View } from "./fold.js";
import { finishWorking, type Immutable, runOnto, startWorking } from "./recipe.js";
import type { EventRegistry } from "./registry.js";
import { err, ok, type Result } from "./result.js";
import type { Snapshot } from "./state-cache.js";
import { envelopesOf } from "./to-envelopes.js";
import { compiled } from "./unchanged.js";

/**
 * A pure decider: given a command and the current state of its stream, decide which events happen;
 * given an event, evolve the state. It also carries what the boundary needs: the command schema,
 * the stream a command addresses, and the registry of the events it emits.
 *
 * @example
 * const Cmd = z.strictObject({ type: z.literal("Add"), id: z.string(), by: z.int() });
 * const counterEvents = { Added: defineEvent(z.strictObject({ by: z.int() })) };
 * const counter: Decider<z.infer<typeof Cmd>, { n: number }, EventOf<typeof counterEvents>> = {
 *   commandSchema: Cmd, events: counterEvents, streamOf: (c) => `counter:${c.id}`,
 *   initialState: { n: 0 },
 *   decide: (c, s) => (s.n + c.by > 10 ? err(ruleViolation("too_many", "At most 10.")) : ok([{ type: "Added", data: { by: c.by } }])),
 *   evolve: (draft, e) => { draft.n += e.data.by; },
 * };
 */
export interface Decider<C, S, E extends AnyEvent, X extends Context = Context, R extends string = string> extends View<S, E> {
  /** Validates incoming commands; the decider only ever sees commands that passed it. */
  readonly commandSchema: z.ZodType<C>;
  /**
   * Validates the context, when the decider needs more of it than the kernel's `ContextSchema`
   * (which it must extend); the decider only ever sees a context that passed it.
   */
  readonly contextSchema?: z.ZodType<X>;
  /** Schemas and versions of the events `decide` emits; emitted data is checked against them. */
  readonly events: EventRegistry;
  /** The stream a command is about, e.g. `project:p-1`. */
  readonly streamOf: (command: C) => string;
  /** Decide what happens; refuse with a `DomainError` value (its rule codes `R`), never by throwing. */
  readonly decide: (command: C, state: Immutable<S>, ctx: X) => Result<readonly Emitted<E>[], DomainError<R>>;
}

/** What `execute` returns: the new events, ready to append, and the state after them. */
export interface Decision<S, E extends AnyEvent> {
  /** The stream the command addressed. */
  readonly streamId: string;
  /** The stream's version before the new events. */
  readonly expectedVersion: number;
  /** The new events as envelopes, numbered after the history. */
  readonly events: readonly Envelope<E>[];
  /** The state after the new events. */
  readonly state: Immutable<S>;
}

/**
 * Parse an unknown command with the decider's schema.
 *
 * @example
 * const cmd = parseCommand(labDecider, JSON.parse(body));
 * if (!cmd.ok) console.error(cmd.error.message); // answer 400 with it
 */
export const parseCommand = <C, S, E extends AnyEvent, X extends Context, R extends string>(
  decider: Decider<C, S, E, X, R>,
  input: unknown,
): Result<C, ValidationError> => {
  try {
    // A command the schema returns as it is needs only a copy of its own (what the decider sees
    // must not change under it); anything else is parsed, copied and worded by zod.
    const check = compiled(decider.commandSchema);
    if (check?.test(input) === true) return ok(check.copy(input) as C);
    const parsed = decider.commandSchema.safeParse(input);
    if (parsed.success) return ok(parsed.data);
    const type = typeof input === "object" && input !== null && "type" in input && typeof input.type === "string" ? input.type.slice(0, 80) : "";
    return err(validationError(type === "" ? "command" : `command ${type}`, parsed.error.issues));
  } catch {
    // A getter that throws, a proxy: not plain data, so not a command.
    return err(validationError("command", [{ path: [], message: "could not be read (a property threw); send plain data" }]));
  }
};

/**
 * Validate a command, fold the stream's history, decide, and build the resulting envelopes and new
 * state — or return the error. Nothing is applied unless every step succeeds.
 *
 * @example
 * const r = execute(projectDecider, history, { type: "AcceptChallenge", projectId: "p-1" }, ctx);
 * if (r.ok) await store.append(r.value.streamId, r.value.events, { expectedVersion: r.value.expectedVersion });
 */
export const execute = <C, S, E extends AnyEvent, X extends Context, R extends string>(
  decider: Decider<C, S, E, X, R>,
  history: readonly Envelope<E>[],
  command: unknown,
  ctx: X,
): Result<Decision<S, E>, DomainError<R>> => executeOn(decider, { state: decider.initialState, version: 0 }, history, command, ctx);

/**
 * `execute` from a known state of the stream (a cached snapshot) plus the events appended since, so
 * long streams need not be replayed for every command. The snapshot is left untouched.
 *
 * @example
 * const cache = lruStateCache<ProjectState>(1_000);
 * const known = cache.get("project:p-1") ?? { state: projectDecider.initialState, version: 0 };
 * const tail = (await store.readStream("project:p-1", { fromVersion: known.version + 1 })) as Envelope<ProjectEvent>[];
 * const r = executeOn(projectDecider, known, tail, command, ctx);
 */
export const executeOn = <C, S, E extends AnyEvent, X extends Context, R extends string>(
  decider: Decider<C, S, E, X, R>,
  snapshot: Snapshot<S>,
  tail: readonly Envelope<E>[],
  command: unknown,
  ctx: X,
): Result<Decision<S, E>, DomainError<R>> => {
  const parsed = parseCommand(decider, command);
  if (!parsed.ok) return parsed;
  const resolved = resolveContext<X>(ctx, decider.contextSchema);
  return resolved.ok ? decideOn(decider, snapshot, tail, parsed.value, resolved.value) : resolved;
};

/**
 * Envelopes as they will be stored, or the reason they cannot be: ids from the context must be
 * valid and distinct, and every envelope must pass the very schema the codec reads with, so that
 * nothing is written that cannot be read back.
 */
const stamp = <E extends AnyEvent, X extends Context>(
  streamId: string,
  version: number,
  events: readonly Emitted<E>[],
  ctx: X,
  schemaVersionOf: (type: string) => number,
): Result<Envelope<E>[], ValidationError> => {
  const ids: string[] = [];
  for (let i = 0; i < events.length; i++) {
    let id: unknown;
    try {
      id = ctx.newId();
    } catch {
      return err(validationError("context", [{ path: ["newId"], message: "threw when called" }]));
    }
    if (compiled(Id)?.test(id) !== true) {
      const check = Id.safeParse(id);
      if (!check.success)
        return err(
          validationError(
            "context",
            check.error.issues.map((x) => ({ path: ["newId()"], message: `returned an invalid id: ${x.message}` })),
          ),
        );
    }
    if (ids.includes(id as string)) return err(validationError("context", [{ path: ["newId()"], message: "returned the same id twice for one command" }]));
    ids.push(id as string);
  }
  const envelopes = envelopesOf(streamId, version, events, ctx, ids, schemaVersionOf);
  for (const e of envelopes) {
    const issues = envelopeIssues(e);
    if (issues !== undefined) return err(validationError(`event envelope for ${streamId}`, issues));
  }
  for (const e of envelopes) vouchFor(e);
  return ok(envelopes);
};

/**
 * The core of `execute` for an already-validated command and an already-resolved context (see
 * `resolveContext`). Its cost follows what changes, not the state: from scratch the history is
 * rebuilt on one private working copy (no proxies); from a snapshot (a warm cache) the decision
 * reads the snapshot as it is and the tail and the new events are applied through immer, so only
 * what they touch is copied and only new objects are frozen. Nothing escapes unless every step
 * succeeded, and the snapshot is left untouched.
 * @internal
 */
export const decideOn = <C, S, E extends AnyEvent, X extends Context, R extends string>(
  decider: Decider<C, S, E, X, R>,
  snapshot: Snapshot<S>,
  tail: readonly Envelope<E>[],
  command: C,
  ctx: X,
): Result<Decision<S, E>, DomainError<R>> => {
  const version = snapshot.version + tail.length;
  if (snapshot.version === 0) {
    const working = startWorking(snapshot.state);
    for (const e of tail) decider.evolve(working, e);
    const events = decideAndStamp(decider, working as Immutable<S>, version, command, ctx);
    if (!events.ok) return events;
    for (const e of events.value) decider.evolve(working, e);
    return ok({ streamId: decider.streamOf(command), expectedVersion: version, events: events.value, state: finishWorking(working) });
  }
  const current = tail.length === 0 ? snapshot.state : runOnto(snapshot.state, decider.evolve, tail);
  const events = decideAndStamp(decider, current, version, command, ctx);
  if (!events.ok) return events;
  return ok({ streamId: decider.streamOf(command), expectedVersion: version, events: events.value, state: runOnto(current, decider.evolve, events.value) });
};

// Decide on a state, check what was emitted and stamp it as envelopes numbered after `version`.
const decideAndStamp = <C, S, E extends AnyEvent, X extends Context, R extends string>(
  decider: Decider<C, S, E, X, R>,
  state: Immutable<S>,
  version: number,
  command: C,
  ctx: X,
): Result<Envelope<E>[], DomainError<R>> => {
  // The decision reads the state; nothing it returns can alias it (emitted data is re-parsed).
  let decided: ReturnType<typeof decider.decide>;
  try {
    decided = decider.decide(command, state, ctx);
  } catch (thrown) {
    // A function the context supplied threw: the context is at fault, and the command is refused.
    if (thrown instanceof ContextFailure) return err(validationError("context", [{ path: [...thrown.path], message: "threw when called" }]));
    throw thrown;
  }
  if (!decided.ok) return decided;
  const emitted = checkEmitted(decider, decided.value);
  if (!emitted.ok) return emitted;
  return stamp(decider.streamOf(command), version, emitted.value, ctx, (type) => decider.events[type]?.schemaVersion ?? 1);
};

// Every emitted event's data, checked against (and copied by) its registered schema: a decider
// emitting what its own schema rejects is a bug, refused rather than stored. Data the schema
// returns as it is is copied without zod.
const checkEmitted = <E extends AnyEvent>(
  decider: { readonly events: EventRegistry },
  emitted: readonly Emitted<E>[],
): Result<Emitted<E>[], ValidationError> => {
  const checked: Emitted<E>[] = [];
  for (const [i, e] of emitted.entries()) {
    const def = Object.hasOwn(decider.events, e.type) ? decider.events[e.type] : undefined;
    const quick = def === undefined ? undefined : compiled(def.schema);
    if (quick?.test(e.data) === true) {
      checked.push({ ...e, data: quick.copy(e.data) });
      continue;
    }
    const check = def?.schema.safeParse(e.data);
    if (!check?.success) {
      const issues = check?.error.issues ?? [{ path: ["type"], message: "is not a registered event type" }];
      return err(validationError(`event ${e.type} emitted by the decider (#${i + 1})`, issues));
    }
    checked.push({ ...e, data: check.data } as Emitted<E>);
  }
  return ok(checked);
};
