import type { Draft } from "immer";
import type { Envelope, Immutable } from "../kernel/index.js";
import { type LabEvent, mergeRegisters, registerProjection, type RegisterState, type Sector, type Stage, stageEnteredBy } from "../lab/index.js";

/** What a projection needs to know about a project to slice its figures: sector and current stage. */
export type ProjectBackground = Immutable<{ sector: Sector; stage: Stage }>;

/**
 * The background every projection reads besides its own facts: the register (organisations,
 * forgotten people, submitted challenges, replications and their evaluations, as `registerProjection`
 * keeps it) and each project's sector and current stage. (Not a `Context`: that word is the kernel's,
 * for what a decision is given — the clock, the actor, the ids.)
 */
export type Background = Immutable<RegisterState & { projects: Map<string, ProjectBackground> }>;

/** An empty context. */
export const emptyBackground = (): Background => ({
  entities: new Map(),
  forgotten: new Set(),
  challenges: new Map(),
  origins: new Map(),
  replicationEvaluations: new Map(),
  projects: new Map(),
});

/**
 * Keep the context up to date with one event. Called by every projection before its own work, so
 * "stage at the time" is the stage when the event happened in log order.
 */
export const trackBackground = (ctx: Draft<Background>, e: Envelope<LabEvent>): void => {
  registerProjection.evolve(ctx, e);
  if (e.type === "EntityRegistered" || e.type === "ParticipantForgotten") return;
  const stage = stageEnteredBy(e);
  if (stage === undefined) return;
  if (e.type === "ChallengeSubmitted") ctx.projects.set(e.data.projectId, { sector: e.data.sector, stage });
  else {
    const p = ctx.projects.get(e.data.projectId);
    if (p) p.stage = stage;
  }
};

/** Merge two contexts from stream-disjoint parts of a log. */
export const mergeBackground = (a: Background, b: Background): Background => ({
  ...mergeRegisters(a, b),
  projects: new Map([...a.projects, ...b.projects]),
});

/**
 * The key of something that lives inside a project (a session, a KPI, a refusal): the two ids
 * joined by `|`, which no id may hold (`Id` allows letters, digits and `. : @ / + = - _`), so two
 * different pairs never share a key — `AMA` + `2019/s1` (`AMA|2019/s1`) and `AMA/2019` + `s1`
 * (`AMA/2019|s1`) stay apart.
 */
export const inProject = (projectId: string, id: string): string => `${projectId}|${id}`;

/** The year of a timestamp, as a string: slices are keyed `year:2019`, `sector:health`, `stage:pilot`. */
export const yearOf = (iso: string): string => iso.slice(0, 4);

/** The slices an event falls in — everything, its year, its project's sector and stage — and their keys. */
export interface Slices {
  /** `all`, `year:2019`, and with a project `sector:health`, `stage:pilot`. */
  readonly list: readonly string[];
  /** `prefix@slice` for each slice: `citizen@all`, `citizen@year:2019`, … */
  readonly keys: (prefix: string) => readonly string[];
}

const makeSlices = (list: readonly string[]): Slices => {
  const byPrefix = new Map<string, readonly string[]>();
  return {
    list,
    keys: (prefix) => {
      let keys = byPrefix.get(prefix);
      if (keys === undefined) byPrefix.set(prefix, (keys = list.map((slice) => `${prefix}@${slice}`)));
      return keys;
    },
  };
};

// Slices are made once per year, sector and stage and handed out again: the same few dozen strings
// come back for every event, so Maps and Sets keyed by them hash each string once, and no key is
// joined per event. A pure cache, not state.
const sliceMemo = new Map<string, Map<string, Map<string, Slices>>>();

/** The slices an event at `at` falls in, for a project in `project`'s sector and stage (or none). */
export const slicesOf = (at: string, project: ProjectBackground | undefined): Slices => {
  const year = yearOf(at);
  const sector = project?.sector ?? "";
  const stage = project?.stage ?? "";
  let bySector = sliceMemo.get(year);
  if (bySector === undefined) sliceMemo.set(year, (bySector = new Map()));
  let byStage = bySector.get(sector);
  if (byStage === undefined) bySector.set(sector, (byStage = new Map()));
  let slices = byStage.get(stage);
  if (slices === undefined) {
    const list = project === undefined ? ["all", `year:${year}`] : ["all", `year:${year}`, `sector:${sector}`, `stage:${stage}`];
    byStage.set(stage, (slices = makeSlices(Object.freeze(list))));
  }
  return slices;
};

/** Add `n` to a counter in a Map. */
export const bump = (m: Map<string, number>, key: string, n = 1): void => {
  m.set(key, (m.get(key) ?? 0) + n);
};

/** Sum two counter Maps. */
export const addCounts = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): Map<string, number> => {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, (out.get(k) ?? 0) + v);
  return out;
};

/** Union two Maps of Sets. */
export const unionSets = <T>(a: ReadonlyMap<string, ReadonlySet<T>>, b: ReadonlyMap<string, ReadonlySet<T>>): Map<string, Set<T>> => {
  const out = new Map<string, Set<T>>();
  for (const [k, v] of a) out.set(k, new Set(v));
  for (const [k, v] of b) {
    const s = out.get(k);
    if (s) for (const x of v) s.add(x);
    else out.set(k, new Set(v));
  }
  return out;
};

/** Add to a Set held in a Map, creating it. */
export const addTo = <T>(m: Map<string, Set<T>>, key: string, value: T): void => {
  const s = m.get(key);
  if (s) s.add(value);
  else m.set(key, new Set([value]));
};
