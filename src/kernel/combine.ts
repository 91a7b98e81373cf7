import * as z from "zod";
import type { Context } from "./context.js";
import type { Decider } from "./decider.js";
import type { AnyEvent, Emitted } from "./envelope.js";
import type { DomainError } from "./errors.js";
import { deepFreeze, type Immutable } from "./recipe.js";
import type { EventRegistry } from "./registry.js";
import type { Result } from "./result.js";

/** The shape every decider has, with parameters typed `never` so that any concrete decider fits (what `combine` accepts). */
export interface SomeDecider {
  readonly commandSchema: z.ZodType;
  readonly contextSchema?: z.ZodType;
  readonly events: EventRegistry;
  readonly initialState: unknown;
  readonly streamOf: (command: never) => string;
  readonly decide: (command: never, state: never, ctx: never) => Result<readonly Emitted<AnyEvent>[], DomainError>;
  readonly evolve: (draft: never, event: never) => void;
}

/** One of a decider's type parameters, by position: 0 command, 1 state, 2 event, 3 context, 4 rule code. */
export type Part<D, I extends 0 | 1 | 2 | 3 | 4> = D extends Decider<infer C, infer S, infer E, infer X, infer R> ? [C, S, E, X, R][I] : never;
/** The intersection of a union's members (`A | B` → `A & B`): a context that satisfies every part. */
export type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The commands of combined deciders. */
export type CombinedCommand<D extends Record<string, SomeDecider>> = { [K in keyof D]: Part<D[K], 0> }[keyof D];
/** The state of combined deciders: each part's state under its name. */
export type CombinedState<D extends Record<string, SomeDecider>> = { [K in keyof D]: Part<D[K], 1> };
/** The events of combined deciders. */
export type CombinedEvent<D extends Record<string, SomeDecider>> = Extract<{ [K in keyof D]: Part<D[K], 2> }[keyof D], AnyEvent>;
/** The context of combined deciders: everything any part needs. */
export type CombinedContext<D extends Record<string, SomeDecider>> = Extract<Intersection<{ [K in keyof D]: Part<D[K], 3> }[keyof D]>, Context>;
/** The rule codes of combined deciders. */
export type CombinedRuleCode<D extends Record<string, SomeDecider>> = Extract<{ [K in keyof D]: Part<D[K], 4> }[keyof D], string>;

type Discriminable = z.ZodDiscriminatedUnion<readonly z.ZodObject[]> | z.ZodObject;

/**
 * The values a command schema's `type` discriminator takes: what `combine` routes on. A command
 * schema is an object with a literal `type`, or a discriminated union of such (nested unions too).
 */
const commandTypesOf = (schema: z.ZodType, part: string): string[] => {
  if (schema instanceof z.ZodDiscriminatedUnion) return (schema.options as readonly z.ZodType[]).flatMap((o) => commandTypesOf(o, part));
  const type = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>).type : undefined;
  if (type instanceof z.ZodLiteral) return [...type.values].map(String);
  throw new TypeError(`combine: the commands of ${part} must be discriminated by a literal "type"`);
};

/**
 * Combine deciders of different streams into one (fmodel's `combine`). Each part's commands are
 * discriminated by `type`: the combined schema is a discriminated union of the parts' schemas (so
 * a bad field is reported at its own path, as the part would report it), and a command is routed by
 * its `type` to the part that declares it; events go to the part that registered their type; the
 * state is each part's state under its name. Command and event types must not overlap.
 *
 * @example
 * const lab = combine({ project: projectDecider, entity: entityDecider, participant: participantDecider });
 * const ama = { entityId: "ama", name: "AMA", kind: "public", level: "national", sector: "digital_services" } as const;
 * await handle(store, lab, { type: "RegisterEntity", ...ama }, ctx); // routed to the entity part, stream entity:ama
 */
export const combine = <D extends Record<string, SomeDecider>>(
  parts: D,
): Decider<CombinedCommand<D>, CombinedState<D>, CombinedEvent<D>, CombinedContext<D>, CombinedRuleCode<D>> => {
  const names = Object.keys(parts);
  const partOf = (name: string): SomeDecider => parts[name] as SomeDecider;
  const byEvent = new Map<string, string>();
  const byCommand = new Map<string, string>();
  for (const name of names) {
    for (const type of Object.keys(partOf(name).events)) {
      if (byEvent.has(type)) throw new TypeError(`combine: event type ${type} belongs to both ${byEvent.get(type)} and ${name}`);
      byEvent.set(type, name);
    }
    for (const type of commandTypesOf(partOf(name).commandSchema, name)) {
      if (byCommand.has(type)) throw new TypeError(`combine: command type ${type} belongs to both ${byCommand.get(type)} and ${name}`);
      byCommand.set(type, name);
    }
  }
  // Only commands the schema accepted reach `route`, so every type has its part.
  const route = (command: unknown): string => byCommand.get((command as { type: string }).type) ?? "";
  const schemas = names.map((n) => partOf(n).commandSchema as Discriminable);
  const contextSchemas = names.flatMap((n) => {
    const schema = partOf(n).contextSchema;
    return schema === undefined ? [] : [schema];
  });
  // Every part's context rules hold for the combination, as its type says.
  const contextSchema = contextSchemas.reduce<z.ZodType | undefined>((all, schema) => (all === undefined ? schema : z.intersection(all, schema)), undefined);
  return {
    ...(contextSchema === undefined ? {} : { contextSchema: contextSchema as z.ZodType<CombinedContext<D>> }),
    commandSchema: (schemas.length === 1 ? schemas[0] : z.discriminatedUnion("type", schemas as [Discriminable, ...Discriminable[]])) as unknown as z.ZodType<
      CombinedCommand<D>
    >,
    events: Object.assign({}, ...names.map((n) => partOf(n).events)) as EventRegistry,
    initialState: deepFreeze(Object.fromEntries(names.map((n) => [n, partOf(n).initialState]))) as Immutable<CombinedState<D>>,
    streamOf: (command) => partOf(route(command)).streamOf(command as never),
    decide: (command, state, ctx) => {
      const name = route(command);
      const own = (state as Record<string, unknown>)[name];
      return partOf(name).decide(command as never, own as never, ctx as never) as Result<
        readonly Emitted<CombinedEvent<D>>[],
        DomainError<CombinedRuleCode<D>>
      >;
    },
    evolve: (draft, event) => {
      const name = byEvent.get(event.type);
      if (name !== undefined) partOf(name).evolve((draft as Record<string, unknown>)[name] as never, event as never);
    },
  };
};
