import { type Draft, isDraft } from "immer";
import { type CombinedProjectionState, combineProjections, type Envelope, type Projection, type Recipe, type SomeProjection } from "../kernel/index.js";
import type { LabEvent } from "../lab/index.js";
import { type Background, trackBackground } from "./background.js";

/**
 * A projection whose state holds the lab's background (the register, each project's sector and stage),
 * with its recipe in two parts: the background's, the same for every such projection, and its own
 * facts (`evolveFacts`). Alone it runs both; combined with others (`combineSharingBackground`) the
 * background is kept once for all of them.
 */
export interface WithBackground<S> extends Projection<S, LabEvent> {
  /** Account for one event in the projection's own facts, the background being already up to date. */
  readonly evolveFacts: Recipe<S, Envelope<LabEvent>>;
}

/**
 * The two recipes of a projection that holds the background (see `WithBackground`), from the recipe of
 * its own facts: spread into the projection.
 * @internal
 */
export const withBackground = <S extends Background>(evolveFacts: Recipe<S, Envelope<LabEvent>>): Pick<WithBackground<S>, "evolve" | "evolveFacts"> => ({
  evolveFacts,
  evolve: (s, e) => {
    trackBackground(s as Draft<Background>, e);
    evolveFacts(s, e);
  },
});

// Every field of `Background` (the register's and the projects'), checked by the compiler: a part that did not share one would miss its updates.
const BACKGROUND_FIELDS = Object.keys({
  entities: true,
  forgotten: true,
  challenges: true,
  origins: true,
  replicationEvaluations: true,
  projects: true,
} satisfies Record<keyof Background, true>) as readonly (keyof Background)[];

const isWithBackground = (p: SomeProjection): p is SomeProjection & { readonly evolveFacts: (draft: never, event: never) => void } =>
  typeof (p as { evolveFacts?: unknown }).evolveFacts === "function";

/**
 * Several projections in one pass, as `combineProjections` runs them, but with one background: the
 * parts that hold it (`WithBackground`) share one copy of it, tracked once per event, where each would
 * keep and track its own. Their states still each hold the background — the same Maps — so every
 * part's state reads as it would alone. The parts' backgrounds are always equal (each is tracked from
 * the same events), so a rebuild whose copies were made apart (a snapshot copied, parts merged)
 * shares them again at its next event; on an immer draft (applying onto a state) each part keeps
 * its own copy, as before.
 * @internal
 */
export const combineSharingBackground = <P extends Record<string, SomeProjection>>(parts: P): Projection<CombinedProjectionState<P>, LabEvent> => {
  const base = combineProjections<P, LabEvent>(parts);
  const list = Object.keys(parts).map((name) => [name, parts[name] as SomeProjection] as const);
  const holders = list.filter(([, p]) => isWithBackground(p)).map(([name]) => name);
  const [first, ...others] = holders;
  if (first === undefined) return base;
  return {
    ...base,
    evolve: (draft, event) => {
      if (isDraft(draft)) return base.evolve(draft, event);
      const d = draft as Record<string, Record<(typeof BACKGROUND_FIELDS)[number], unknown>>;
      const shared = d[first] as Record<(typeof BACKGROUND_FIELDS)[number], unknown>;
      for (const name of others) {
        const own = d[name] as Record<(typeof BACKGROUND_FIELDS)[number], unknown>;
        if (own.projects !== shared.projects) for (const field of BACKGROUND_FIELDS) own[field] = shared[field];
      }
      trackBackground(shared as unknown as Draft<Background>, event);
      for (const [name, p] of list) (isWithBackground(p) ? p.evolveFacts : p.evolve)(d[name] as never, event as never);
    },
  };
};
