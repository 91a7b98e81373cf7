import type { Draft } from "immer";
import type { Envelope, Immutable } from "../kernel/index.js";
import { type DeclineReason, type EntityFacts, type LabEvent, regionOf } from "../lab/index.js";
import { inProject, yearOf } from "./background.js";

/** An organisation a project asked to take part: when it first answered, and its first refusal, if it refused. */
export type Asked = Immutable<{ entityId: string; answeredAt: string; declined: { reasonCode: DeclineReason; at: string } | null }>;

/**
 * Note an organisation's answer to a project (a recipe over `inProject(projectId, entityId)` keys):
 * the first answer says when it was asked, the first refusal is kept.
 */
export const evolveAsked = (asked: Draft<Map<string, Asked>>, e: Envelope<Extract<LabEvent, { type: "EntityJoined" | "EntityDeclined" }>>): void => {
  const key = inProject(e.data.projectId, e.data.entityId);
  const a = asked.get(key) ?? { entityId: e.data.entityId, answeredAt: e.occurredAt, declined: null };
  if (e.type === "EntityDeclined") a.declined ??= { reasonCode: e.data.reasonCode, at: e.occurredAt };
  asked.set(key, a);
};

/** Of the organisations asked, how many declined. */
export interface Rate {
  asked: number;
  declined: number;
  /** declined / asked; null when none was asked. */
  rate: number | null;
}

/**
 * Reluctance, LabX's first named difficulty: of the organisations projects asked to take part
 * (each project–organisation pair once: it joined or declined), how many declined — overall, by the
 * organisation's level, sector and region, by year, and the refusals by coded reason.
 */
export interface ReluctanceFigures {
  overall: Rate;
  /** By the register's level for public entities; `not_public` for the rest, `unregistered` when not in the register. */
  byLevel: Record<string, Rate>;
  /** By the organisation's sector as registered. */
  bySector: Record<string, Rate>;
  /** By the organisation's region (`regionOf` its territory); `unknown` when registered without one. */
  byRegion: Record<string, Rate>;
  /** By the year of the refusal, or of joining for those that joined. */
  byYear: Record<string, Rate>;
  /** Refusals by reason code (`unspecified` for refusals recorded before codes existed). */
  byReason: Partial<Record<DeclineReason, number>>;
}

const levelOf = (e: EntityFacts | undefined): string => (e === undefined ? "unregistered" : e.kind === "public" ? (e.level ?? "unspecified") : "not_public");

/**
 * Count reluctance from the pairs asked and the register. A pair that declined and joined later
 * counts as asked once and declined once: the refusal happened.
 *
 * @example
 * const asked: Asked[] = [
 *   { entityId: "pub-1", answeredAt: "2020-01-10T00:00:00Z", declined: null },
 *   { entityId: "pub-2", answeredAt: "2020-01-12T00:00:00Z", declined: { reasonCode: "no_budget", at: "2020-01-12T00:00:00Z" } },
 * ];
 * reluctanceFigures(asked, new Map()).overall // { asked: 2, declined: 1, rate: 0.5 }
 */
export const reluctanceFigures = (asked: Iterable<Asked>, entities: ReadonlyMap<string, EntityFacts>): ReluctanceFigures => {
  const f: ReluctanceFigures = { overall: { asked: 0, declined: 0, rate: null }, byLevel: {}, bySector: {}, byRegion: {}, byYear: {}, byReason: {} };
  const count = (r: Record<string, Rate>, key: string, declined: boolean): void => {
    const x = (r[key] ??= { asked: 0, declined: 0, rate: null });
    x.asked++;
    if (declined) x.declined++;
  };
  for (const a of asked) {
    const e = entities.get(a.entityId);
    const declined = a.declined !== null;
    f.overall.asked++;
    if (declined) f.overall.declined++;
    count(f.byLevel, levelOf(e), declined);
    count(f.bySector, e?.sector ?? "unregistered", declined);
    count(f.byRegion, e === undefined ? "unregistered" : e.territory === null ? "unknown" : regionOf(e.territory), declined);
    count(f.byYear, yearOf(a.declined?.at ?? a.answeredAt), declined);
    if (a.declined) f.byReason[a.declined.reasonCode] = (f.byReason[a.declined.reasonCode] ?? 0) + 1;
  }
  const sorted = (r: Record<string, Rate>): Record<string, Rate> =>
    Object.fromEntries(
      Object.entries(r)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, { ...x, rate: x.declined / x.asked }]),
    );
  return {
    overall: { ...f.overall, rate: f.overall.asked === 0 ? null : f.overall.declined / f.overall.asked },
    byLevel: sorted(f.byLevel),
    bySector: sorted(f.bySector),
    byRegion: sorted(f.byRegion),
    byYear: sorted(f.byYear),
    byReason: Object.fromEntries(Object.entries(f.byReason).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
};
