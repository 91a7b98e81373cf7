import * as z from "zod";
import type { Context } from "./context.js";
import type { Decider } from "./decider.js";
import type { AnyEvent, Emitted } from "./envelope.js";
import type { DomainError } from "./errors.js";
import type { EventRegistry } from "./registry.js";
import { deepFreeze, type Immutable } from "./recipe.js";
import type { Result } from "./result.js";

// The shape every decider has, with parameters typed `never` so that any concrete decider fits.
interface SomeDecider {
  readonly commandSchema: z.ZodType;
  readonly contextSchema?: z.ZodType;
  readonly events: EventRegistry;
  readonly initialState: unknown;
  readonly streamOf: (command: never) => string;
  readonly decide: (command: never, state: never, ctx: never) => Result<readonly Emitted<AnyEvent>[], DomainError>;
  readonly evolve: (draft: never, event: never) => void;
}

type Part<D, I extends 0 | 1 | 2 | 3> = D extends Decider<infer C, infer S, infer E, infer X> ? [C, S, E, X][I] : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The commands of combined deciders. */
export type CombinedCommand<D extends Record<string, SomeDecider>> = { [K in keyof D]: Part<D[K], 0> }[keyof D];
/** The state of combined deciders: each part's state under its name. */
export type CombinedState<D extends Record<string, SomeDecider>> = { [K in keyof D]: Part<D[K], 1> };
/** The events of combined deciders. */
export type CombinedEvent<D extends Record<string, SomeDecider>> = Extract<{ [K in keyof D]: Part<D[K], 2> }[keyof D], AnyEvent>;
/** The context of combined deciders: everything any part needs. */
export type CombinedContext<D extends Record<string, SomeDecider>> = Extract<Intersection<{ [K in keyof D]: Part<D[K], 3> }[keyof D]>, Context>;

/**
 * Combine deciders of different streams into one (fmodel's `combine`): commands are routed to the
 * part whose schema accepts them, events to the part that registered their type, and the state is
 * each part's state under its name. Event type names must not overlap.
 *
 * @example
 * const lab = combine({ project: projectDecider, entity: entityDecider });
 * await handle(store, lab, { type: "RegisterEntity", ... }, ctx); // routed to entity:<id>
 */
export const combine = <D extends Record<string, SomeDecider>>(parts: D): Decider<CombinedCommand<D>, CombinedState<D>, CombinedEvent<D>, CombinedContext<D>> => {
  const names = Object.keys(parts);
  const byEvent = new Map<string, string>();
  for (const name of names) {
    for (const type of Object.keys((parts[name] as SomeDecider).events)) {
      const other = byEvent.get(type);
      if (other !== undefined) throw new TypeError(`combine: event type ${type} belongs to both ${other} and ${name}`);
      byEvent.set(type, name);
    }
  }
  // The combined schema remembers which part accepted a command, so routing costs no second parse.
  const routes = new WeakMap<object, string>();
  const tagged = names.map((name) =>
    (parts[name] as SomeDecider).commandSchema.transform((command: unknown) => {
      if (typeof command === "object" && command !== null) routes.set(command, name);
      return command;
    }),
  );
  const partOf = (name: string): SomeDecider => parts[name] as SomeDecider;
  const route = (command: unknown): string => {
    const known = typeof command === "object" && command !== null ? routes.get(command) : undefined;
    const name = known ?? names.find((n) => partOf(n).commandSchema.safeParse(command).success);
    if (name === undefined) throw new TypeError("combine: no part accepts this command; pass commands through parseCommand first");
    return name;
  };

  // Every part's context rules hold for the combination, as its type says.
  const contextSchemas = names.flatMap((n) => {
    const schema = partOf(n).contextSchema;
    return schema === undefined ? [] : [schema];
  });
  const contextSchema = contextSchemas.reduce<z.ZodType | undefined>((all, schema) => (all === undefined ? schema : z.intersection(all, schema)), undefined);
  return {
    ...(contextSchema === undefined ? {} : { contextSchema: contextSchema as z.ZodType<CombinedContext<D>> }),
    commandSchema: (tagged.length === 1 ? tagged[0] : z.union(tagged as unknown as [z.ZodType, z.ZodType])) as unknown as z.ZodType<CombinedCommand<D>>,
    events: Object.assign({}, ...names.map((n) => partOf(n).events)) as EventRegistry,
    initialState: deepFreeze(Object.fromEntries(names.map((n) => [n, partOf(n).initialState]))) as Immutable<CombinedState<D>>,
    streamOf: (command) => partOf(route(command)).streamOf(command as never),
    decide: (command, state, ctx) => {
      const name = route(command);
      const own = (state as Record<string, unknown>)[name];
      return partOf(name).decide(command as never, own as never, ctx as never) as Result<readonly Emitted<CombinedEvent<D>>[], DomainError>;
    },
    evolve: (draft, event) => {
      const name = byEvent.get(event.type);
      if (name !== undefined) partOf(name).evolve((draft as Record<string, unknown>)[name] as never, event as never);
    },
  };
};
