import type { Draft } from "immer";
import { type DomainError, type Emitted, type Envelope, err, ok, type Result, type RuleViolation, ruleViolation } from "../../kernel/index.js";
import type { LabRuleCode, ProjectCommand, ProjectEvent, ProjectState } from "../catalogue/index.js";
import type { LabContext } from "../register.js";
import type { Stage } from "../lifecycle/index.js";
// Types only: the catalogues are assembled from the slices, which use these helpers.

/**
 * A refusal by one of the lab's rules.
 *
 * @example
 * labRule("wrong_gate", "The project is in pilot, whose gate is G3, not G2.", { gate: "G2" })
 */
export const labRule = (code: LabRuleCode, message: string, details: Readonly<Record<string, unknown>> = {}): RuleViolation<LabRuleCode> =>
  ruleViolation(code, message, details);

/** What a project command decides: events, or a refusal with one of the lab's rule codes. */
export type Decided = Result<readonly Emitted<ProjectEvent>[], DomainError<LabRuleCode>>;

/**
 * What one project command does, once the checks every command shares have passed: `at` is its
 * business time, already checked against the clock and the stage.
 */
export type Handler<T extends ProjectCommand["type"]> = (c: Extract<ProjectCommand, { type: T }>, s: ProjectState, ctx: LabContext, at: string) => Decided;
/** Handlers of some project commands, by command type. */
export type Handlers<T extends ProjectCommand["type"]> = { readonly [K in T]: Handler<K> };

/** How one project event changes the project's state (a recipe). */
export type Evolver<T extends ProjectEvent["type"]> = (s: Draft<ProjectState>, e: Envelope<Extract<ProjectEvent, { type: T }>>) => void;
/** Recipes of some project events, by event type. */
export type Evolvers<T extends ProjectEvent["type"]> = { readonly [K in T]: Evolver<K> };

/** Refuse with a lab rule. */
export const refuse = (code: LabRuleCode, message: string, details: Readonly<Record<string, unknown>> = {}): Decided => err(labRule(code, message, details));

/** Emit events dated `at`. */
export const emit = (at: string, ...events: ProjectEvent[]): Decided => ok(events.map((e) => ({ ...e, occurredAt: at })));

/** A command's data: everything but its type and business time. */
export const dataOf = <C extends { readonly type: string; readonly occurredAt?: string | undefined }>(c: C): Omit<C, "type" | "occurredAt"> => {
  const { type: _type, occurredAt: _at, ...data } = c;
  return data;
};

/**
 * Organisations a project names must be in the register, so every figure that counts them, and
 * every auditor who reads their names, finds them there.
 */
export const unregistered = (ids: readonly (string | undefined)[], ctx: LabContext): Decided | undefined => {
  const missing = [...new Set(ids.filter((id): id is string => id !== undefined && ctx.register.entity(id) === undefined))];
  if (missing.length === 0) return undefined;
  const many = missing.length > 1;
  return refuse(
    "entity_not_registered",
    `${missing.join(", ")} ${many ? "are" : "is"} not in the organisation register; register ${many ? "them" : "it"} (RegisterEntity) first.`,
    {
      entityIds: missing,
    },
  );
};

/** Turn a refusal found by a check into a decision. */
export const refused = (e: DomainError<LabRuleCode>): Decided => err(e);

/**
 * When a project command may be issued at all, before its payload is read: the stages it is for
 * (any, when absent), whether it may be issued while the project is paused, and anything else the
 * state must hold. Each slice says it for its own commands; `precondition` and `nextSteps` read
 * the table they make together.
 */
export interface When {
  readonly stages?: readonly Stage[];
  readonly whilePaused?: boolean;
  readonly check?: (s: ProjectState) => RuleViolation<LabRuleCode> | undefined;
}

/** When each of some project commands may be issued (commands with nothing to say are left out). */
export type Whens<T extends ProjectCommand["type"]> = { readonly [K in T]?: When };
