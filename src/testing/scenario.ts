import {
  type AnyEvent,
  type Context,
  type Decider,
  type Decision,
  type DomainError,
  type Emitted,
  type Envelope,
  execute,
  type Immutable,
  type KernelErrorCode,
  parseCommand,
  PersistentMap,
  type Result,
  toEnvelopes,
} from "../kernel/index.js";
import { type FixedContextOptions, fixedContext, sequentialIds } from "./context.js";
import { diff, matchesPartial, show } from "./diff.js";

/** The checks available once a command has been run against a history. */
export interface Outcome<S, E extends AnyEvent, R extends string> {
  /** The raw result, for checks the helpers do not cover. */
  readonly result: Result<Decision<S, E>, DomainError<R>>;
  /** Assert the command produced exactly these events (type and data; `occurredAt` when given). */
  then(expected: readonly Emitted<E>[]): Decision<S, E>;
  /** Assert the command was refused with this code — one of the decider's rule codes or the kernel's — and return the error. */
  thenError(code: R | KernelErrorCode): DomainError<R>;
  /** Assert the state after the command contains everything in `partial`. */
  thenState(partial: unknown): Immutable<S>;
}

/** A history awaiting its command. */
export interface Given<C, S, E extends AnyEvent, R extends string> {
  /** Run a command against the history (validated like any input), optionally with other context fields. */
  when(command: C, context?: FixedContextOptions): Outcome<S, E, R>;
  /** Run any input as a command, to check what an invalid one is refused with. */
  whenInput(input: unknown, context?: FixedContextOptions): Outcome<S, E, R>;
}

const isEnvelope = (e: object): e is Envelope => "streamId" in e && "version" in e && "recordedAt" in e;

const fail = (message: string): never => {
  throw new Error(message);
};

/**
 * Given/when/then for a decider, deterministic and runner-agnostic: a failing expectation throws an
 * `Error` whose message shows a readable diff of what was expected and what came out.
 *
 * @example
 * const c = labCommands("p-1");
 * scenario(labDecider)
 *   .given([{ type: "ChallengeSubmitted", data: {
 *     projectId: "p-1", title: "Renewals", problemStatement: "Too slow.", sector: "health", ownerEntityId: "ent-owner", leadId: "lead-1",
 *   } }])
 *   .when(c.accept())
 *   .then([{ type: "ChallengeAccepted", data: { projectId: "p-1" } }]);
 */
export const scenario = <C, S, E extends AnyEvent, X extends Context, R extends string>(
  decider: Decider<C, S, E, X, R>,
  defaults: FixedContextOptions = {},
) => ({
  /** The events already in the command's stream (typed events, or whole envelopes). */
  given(history: readonly (Emitted<E> | Envelope<E>)[]): Given<C, S, E, R> {
    const when = (command: unknown, context: FixedContextOptions = {}): Outcome<S, E, R> => {
      const ctx = fixedContext({ ...defaults, ...context });
      const parsed = parseCommand(decider, command);
      const streamId = parsed.ok ? decider.streamOf(parsed.value) : "scenario:invalid-command";
      const setup = fixedContext({ ...defaults, newId: sequentialIds(`given:${streamId}`) });
      const envelopes = history.map((e, i) =>
        isEnvelope(e)
          ? (e as Envelope<E>)
          : (toEnvelopes(streamId, i, [e as Emitted<E>], setup, (t) => decider.events[t]?.schemaVersion ?? 1)[0] as Envelope<E>),
      );
      // The fixed context is a LabContext; a decider that needs more finds out from its contextSchema.
      const result = execute(decider, envelopes, command, ctx as unknown as X);
      const refusal = (r: typeof result): string =>
        r.ok ? "" : `the command was refused with ${r.error.code}: ${r.error.message}\ndetails: ${show(r.error.details)}`;
      return {
        result,
        then(expected) {
          if (!result.ok) return fail(`Expected events, but ${refusal(result)}`);
          const actual = result.value.events.map((e, i) => {
            const want = expected[i];
            return want?.occurredAt === undefined ? { type: e.type, data: e.data } : { type: e.type, data: e.data, occurredAt: e.occurredAt };
          });
          const wanted = expected.map((e) =>
            e.occurredAt === undefined ? { type: e.type, data: e.data } : { type: e.type, data: e.data, occurredAt: e.occurredAt },
          );
          if (show(actual) !== show(wanted)) fail(`The events differ from those expected (- expected, + actual):\n${diff(wanted, actual)}`);
          return result.value;
        },
        thenError(code) {
          if (result.ok) {
            return fail(
              `Expected the command to be refused with ${code}, but it produced:\n${show(result.value.events.map((e) => ({ type: e.type, data: e.data })))}`,
            );
          }
          if (result.error.code !== code) {
            return fail(`Expected error ${code}, but got ${result.error.code}: ${result.error.message}\ndetails: ${show(result.error.details)}`);
          }
          return result.error;
        },
        thenState(partial) {
          if (!result.ok) return fail(`Expected a state, but ${refusal(result)}`);
          if (!matchesPartial(result.value.state, partial)) {
            const shown = diff(partial, pick(result.value.state, partial));
            fail(`The state differs from what was expected (- expected, + actual, only the keys expected are compared):\n${shown}`);
          }
          return result.value.state;
        },
      };
    };
    return { when, whenInput: when };
  },
});

// Show only the parts of `actual` that `expected` talks about, so the diff is about them.
const pick = (actual: unknown, expected: unknown): unknown => {
  if (typeof expected !== "object" || expected === null || Array.isArray(expected) || expected instanceof Map || expected instanceof Set) return actual;
  if (expected instanceof PersistentMap) return actual;
  if (typeof actual !== "object" || actual === null) return actual;
  const record = actual as Record<string, unknown>;
  return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, pick(record[k], v)]));
};
