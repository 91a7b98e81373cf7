import { type DomainError, type Envelope, type Immutable, ok, type Projection, type Result, startReadOnce } from "../kernel/index.js";
import type { LabEvent } from "../lab/index.js";
import { type AsOf, selectAsOf } from "./as-of.js";
import { auditTrail, type AuditTrailState, auditTrailProjection, type TrailEntry } from "./audit-trail.js";
import { type FinanceFigures, financeFigures } from "./finance.js";
import { impact, type ImpactFigures, impactFigures, type ImpactState } from "./impact.js";
import { type ParticipationFigures, participationFigures, participationProjection, type ParticipationState, peopleOfProjects } from "./participation.js";
import { type PortfolioFigures, portfolioFigures, portfolioProjection, type PortfolioState } from "./portfolio.js";
import { combineSharingBackground } from "./shared-background.js";
import type { Witness } from "./witness.js";

const partsWith = (witness?: Witness) => ({
  participation: participationProjection(witness),
  impact,
  portfolio: portfolioProjection(witness),
  auditTrail: auditTrailProjection,
});

/**
 * The four projections in one pass, telling a witness the events behind each counted fact: what
 * `explain` runs, so lineage comes from the code that computes the figures. For tools that want the
 * lineage of every figure at once.
 *
 * @example
 * const seen: string[] = [];
 * project(labProjectionsWith({ note: (fact, ids) => seen.push(`${fact}: ${ids.join(" ")}`) }), events);
 */
export const labProjectionsWith = (witness?: Witness) => combineSharingBackground(partsWith(witness));

/**
 * The four projections in one pass: participation, impact, portfolio and the audit trail. Has
 * `merge`, so a host can rebuild it in partitions by stream.
 */
export const labProjections: Projection<LabProjectionsState, LabEvent> = labProjectionsWith();

/** The state of `labProjections`: each projection's state under its name. */
export type LabProjectionsState = Immutable<{
  participation: ParticipationState;
  impact: ImpactState;
  portfolio: PortfolioState;
  auditTrail: AuditTrailState;
}>;

/** The figures a lab publishes, the way LabX reports them. */
export interface Headline {
  /** Challenges submitted. */
  projects: number;
  /** Projects that entered pilot. */
  projectsImplemented: number;
  /** Distinct people involved in any role (each person once). */
  distinctParticipants: number;
  /** Distinct people who took part as citizens. */
  citizens: number;
  /** Distinct people who took part as civil servants. */
  civilServants: number;
  /** Distinct civil servants trained at a held training session: the capacity the lab built. */
  civilServantsTrained: number;
  /** Distinct registered public entities engaged. */
  publicEntities: number;
  /** Distinct organisations that joined as partners. */
  partners: number;
  /** Sessions held. */
  sessionsHeld: number;
}

/** The headline figures' names, each once (`explain` takes one of them). */
export const headlineFigures = Object.keys({
  projects: true,
  projectsImplemented: true,
  distinctParticipants: true,
  citizens: true,
  civilServants: true,
  civilServantsTrained: true,
  publicEntities: true,
  partners: true,
  sessionsHeld: true,
} satisfies Record<keyof Headline, true>) as (keyof Headline)[];

/** Every figure, with the moment it was computed for. */
export interface LabFigures {
  asOf: AsOf | null;
  /** The latest business time in the projects' events counted; null when there are none. */
  latestEventAt: string | null;
  headline: Headline;
  participation: ParticipationFigures;
  impact: ImpactFigures;
  portfolio: PortfolioFigures;
  /** Budget and spend by currency, source, year, sector and category; savings per unit of service. */
  finance: FinanceFigures;
  auditTrail: TrailEntry[];
}

/**
 * Turn the projections' state into figures.
 *
 * @example
 * const r = project(labProjections, events);
 * if (r.ok) console.log(figuresOf(r.value.state).headline);
 */
export const figuresOf = (state: LabProjectionsState, asOf: AsOf | null = null): LabFigures => {
  const p = participationFigures(state.participation);
  // Whatever is still running counts as running up to the as-of date, or to the latest time in the log.
  const now = asOf?.at ?? state.portfolio.latestAt;
  const f = portfolioFigures(state.portfolio, now);
  const impact = impactFigures(state.impact, now);
  const ledgers = [...state.portfolio.portfolio].map(([projectId, x]) => ({ projectId, sector: x.sector, budgets: x.budgets, costs: x.costs }));
  return {
    asOf,
    latestEventAt: state.portfolio.latestAt === "" ? null : state.portfolio.latestAt,
    headline: {
      projects: f.projects,
      projectsImplemented: f.implemented,
      distinctParticipants: p.overall.distinctParticipants,
      citizens: p.overall.distinctByRole.citizen,
      civilServants: p.overall.distinctByRole.civil_servant,
      civilServantsTrained: p.overall.civilServantsTrained,
      publicEntities: p.overall.publicEntitiesEngaged,
      partners: p.overall.partners,
      sessionsHeld: p.overall.sessionsHeld,
    },
    participation: p,
    impact,
    portfolio: f,
    finance: financeFigures(ledgers, (ids) => peopleOfProjects(state.participation, ids), impact.kpis),
    auditTrail: auditTrail(state.auditTrail),
  };
};

/**
 * Rebuild every figure from a log, optionally as of a date by business or record time. Invalid
 * as-of options, and a log whose streams are out of version order, are refused with the reason.
 *
 * @example
 * const now = computeFigures(events);
 * const endOf2019 = computeFigures(events, { at: "2019-12-31T23:59:59Z" });
 * if (endOf2019.ok) console.log(endOf2019.value.headline);
 */
export const computeFigures = (events: readonly Envelope<LabEvent>[], asOf?: AsOf): Result<LabFigures, DomainError> => {
  const where = asOf === undefined ? ok(undefined) : selectAsOf(asOf);
  if (!where.ok) return where;
  // The state is read once, by the figures, and dropped: built without freezing it.
  const run = startReadOnce(labProjections, where.value === undefined ? {} : { where: where.value });
  for (const e of events) run.push(e);
  const projected = run.finish();
  return projected.ok ? ok(figuresOf(projected.value.state, asOf ?? null)) : projected;
};
