import { evidenceTables, lifecycleTables, moneyTables, organisationsTables, procurementTables, sessionsTables, type TableWords } from "../lab/index.js";
import type { ColumnKey, TableId } from "./columns.js";
import { type CodeWords, codeWords } from "./vocabulary.js";

/** The words of one published table: its title, what it holds, and each column's title and description. */
export type TableText<T extends TableId> = TableWords<ColumnKey<T>>;

/**
 * Every word the published outputs use, in one place: the Portuguese edition (`ptPT`) is another
 * object of this type, not a fork of the renderers. Machine names — table ids, column keys, codes in
 * the open data — are never translated.
 */
export interface Labels {
  /** BCP 47 locale numbers and dates are formatted in, and the HTML `lang`. */
  readonly locale: string;
  /** The document title when the caller gives none. */
  readonly title: string;
  /** What moment the figures describe; `at` is already formatted as a date in the locale. */
  readonly asOf: (at: string, by: "occurredAt" | "recordedAt") => string;
  readonly allEvents: string;
  /** How a withheld cell reads. */
  readonly withheld: string;
  /** What a withheld cell means (only money is ever withheld: by the dominance rule). */
  readonly withheldNote: string;
  /** What readers should know of the noise on people counts (`maxNoise`: how far a count may move). */
  readonly noiseNote: (maxNoise: number) => string;
  /** The warning on an internal report with exact people counts. */
  readonly exactNote: string;
  /** How a cell with nothing to report reads. */
  readonly none: string;
  readonly yes: string;
  readonly no: string;
  /** A number of days, `n` as a number (for the plural) and as formatted text. */
  readonly days: (n: number, text: string) => string;
  /** A percentage beyond the cap, `text` being the cap ("200%", or "-200%" below): above or below it. */
  readonly above: (text: string) => string;
  readonly below: (text: string) => string;
  /** What a chart's `<desc>` says: which series, by what, and that the table beside it holds the numbers. */
  readonly chartDescription: (series: readonly string[], by: string) => string;
  readonly contents: string;
  /** Column titles of a one-row table turned on its side. */
  readonly figure: string;
  readonly value: string;
  readonly footer: string;
  /** The pie chart of projects by stage, in the Markdown report. */
  readonly projectsByStage: string;
  /** The Gantt chart of the projects' stages, in the Markdown report. */
  readonly stagesOfEachProject: string;
  /** Above a long table the Markdown report shows the end of: how many rows it shows of how many. */
  readonly latestRows: (shown: string, total: string) => string;
  /** The summary of a long table the HTML report folds away. */
  readonly showRows: (total: string) => string;
  /** Codes (stages, sectors, reasons, regions…) in words, by vocabulary. */
  readonly codes: CodeWords;
  readonly tables: { readonly [T in TableId]: TableText<T> };
}

const people = "distinct identified people, each counted once";
const CAP = "Percentages beyond ±200% are shown as above or below 200%; the open data holds the exact figure.";

// The English words of a slice's table, with some columns' words replaced.
const withColumns = <K extends string, E extends string = never>(
  t: TableWords<K>,
  columns: Partial<TableWords<K>["columns"]> & TableWords<E>["columns"],
  description = t.description,
): TableWords<K | E> => ({ ...t, description, columns: { ...t.columns, ...columns } as TableWords<K | E>["columns"] });

/** The English labels. */
export const en: Labels = {
  locale: "en-GB",
  title: "Innovation lab report",
  asOf: (at, by) => `As of ${at}, by ${by === "recordedAt" ? "record time (what had been recorded)" : "business time (what had happened)"}.`,
  allEvents: "All recorded events.",
  withheld: "[c]",
  withheldNote: "[c]: an amount withheld because one or two projects make up nearly all of it, or of another amount in the same breakdown.",
  noiseNote: (k) =>
    `To protect the people counted, every count of people has small noise added: a count moves by at most ${k}, the same people always move the same way, ` +
    "zero stays zero and nobody counted is never shown as zero. Totals are protected on their own, so they may not add up exactly to their parts.",
  exactNote: "Exact people counts, for internal use only: not for publication.",
  none: "—",
  yes: "yes",
  no: "no",
  days: (n, text) => `${text} ${n === 1 ? "day" : "days"}`,
  above: (text) => `above ${text}`,
  below: (text) => `below ${text}`,
  chartDescription: (series, by) => `Bar chart of ${series.join(" and ")} by ${by}. The table after the chart holds the same numbers.`,
  contents: "Contents",
  figure: "Figure",
  value: "Value",
  footer: "Rebuilt from the event log by labx-core. Every figure can be traced back to the events behind it.",
  projectsByStage: "Projects by stage",
  stagesOfEachProject: "Stages of each project",
  latestRows: (shown, total) => `The latest ${shown} rows of ${total}; the HTML report and the open data hold them all.`,
  showRows: (total) => `Show the whole table (${total} rows)`,
  codes: codeWords("en", {
    all: "all",
    unknown: "unknown",
    notPublic: "not a public entity",
    unregistered: "not in the register",
    unspecified: "not said",
    level: "level",
    sector: "sector",
    region: "region",
    year: "year",
    stage: "stage",
    reason: "reason",
    outcome: "outcome",
    evidenceLevel: "evidence level",
    method: "method",
    evidenceLevels: ["level 1", "level 2", "level 3", "level 4", "level 5"],
    pauses: "pauses with an expected resume date",
    pilots: "pilots with a planned end",
    baseline: "the baseline",
    comparison: "the comparison group",
    byAgeBand: "By age band",
    byGender: "By gender",
  }),
  tables: {
    headline: {
      title: "Headline",
      description: "The lab's figures over the whole period.",
      columns: {
        challenges: ["Challenges submitted", "Projects that started as a submitted challenge."],
        projects_implemented: ["Projects implemented", "Projects that entered the pilot stage."],
        citizens: ["Citizens involved", `Citizens who took part in a held session: ${people}.`],
        civil_servants: ["Civil servants involved", `Civil servants who took part in a held session: ${people}.`],
        civil_servants_trained: ["Civil servants trained", `Civil servants who attended a held training session: ${people}.`],
        citizens_also_civil_servants: [
          "Both citizen and civil servant",
          `People who took part as a citizen and as a civil servant, counted in each: ${people}.`,
        ],
        others: ["Others involved", `People who never took part as a citizen or a civil servant (business people, experts): ${people}.`],
        people: ["People involved", `People in any role: ${people}; citizens + civil servants − both + others.`],
        anonymous_headcount: ["Anonymous headcount", "People counted at sessions without being identified, kept apart from the distinct counts."],
        reach: ["People reached, at most", "People involved plus the anonymous headcount: an upper bound, since an anonymous person may also be identified."],
        participations: ["Participations", "Attendances: a person at two sessions counts twice."],
        public_entities: ["Public entities engaged", "Distinct registered public entities engaged in any role."],
        partners: ["Partners", "Distinct organisations that joined a project as partners."],
        sessions_held: ["Sessions held", "Sessions closed and never cancelled."],
        trainings_held: ["Trainings held", "Training sessions held."],
      },
    },
    stages: lifecycleTables.stages.en,
    flow: {
      title: "Pauses, endings and lead time",
      description: "Projects paused now, projects discontinued, and the time from a challenge's submission to its pilot.",
      columns: {
        paused_now: ["Paused now", "Projects paused at the as-of date."],
        discontinued: ["Discontinued", "Projects discontinued."],
        discontinued_rate: ["Discontinued, share", "Discontinued ÷ challenges submitted."],
        challenge_to_pilot: ["Projects that reached a pilot", "Projects with both a submission and a pilot start."],
        challenge_to_pilot_median_days: ["Median days from challenge to pilot", "Median calendar days from submission to pilot start."],
      },
    },
    endings: {
      title: "Discontinued projects",
      description: "Discontinued projects, by the stage they were in and by the reason recorded.",
      columns: {
        dimension: ["By", "Stage or reason."],
        value: ["Group", "The stage or the reason."],
        projects: ["Projects", "Projects discontinued."],
      },
    },
    gates: lifecycleTables.gates.en,
    participation_by_year: sessionsTables.participation_by_year.en,
    participation_by_sector: sessionsTables.participation_by_sector.en,
    age_bands: sessionsTables.age_bands.en,
    gender: sessionsTables.gender.en,
    breakdown_bases: sessionsTables.breakdown_bases.en,
    territory: {
      title: "Territory",
      description: "By NUTS 2021 region (name and code) of the entity, session, pilot or adoption.",
      columns: {
        region: ["Region", "NUTS 2021 region, or unknown."],
        public_entities: ["Public entities", "Public entities engaged."],
        sessions_held: ["Sessions", "Sessions held."],
        pilots: ["Pilots", "Pilots started."],
        adoptions: ["Adoptions", "Adoptions recorded."],
        users_covered: ["Users covered", "Users the adopters declared the service covers."],
      },
    },
    entity_levels: {
      title: "Public entities by level",
      description: "Public entities engaged, by the level of government the register gives.",
      columns: { level: ["Level", "Level of government."], public_entities: ["Public entities", "Public entities engaged."] },
    },
    time_in_stage: lifecycleTables.time_in_stage.en,
    pauses: lifecycleTables.pauses.en,
    overruns: {
      title: "Late against plan",
      description: "Pauses that said when work would resume, and pilots that said when they would end, against when they did.",
      columns: {
        what: ["What", "Pauses or pilots."],
        planned: ["With a plan", "Items with a planned date."],
        ended_late: ["Ended late", "Ended after the planned date."],
        median_days_late: ["Median days late", "Median calendar days late, of those that ended late."],
        open_past_planned: ["Still running past the plan", "Running at the as-of date with the planned date behind."],
        ended_by_closure: ["Cut short", "Ended because the project ended."],
      },
    },
    procurement: procurementTables.procurement.en,
    contract_value: {
      title: "Contract against estimate",
      description:
        "Contracted procurements by currency: what was contracted and, over the contracts whose estimate was in the same currency, " +
        "estimated against contracted and their ratio (above 1 when contracts cost more).",
      columns: {
        currency: ["Currency", "ISO 4217 currency code."],
        contracts: ["Contracts", "Contracted procurements."],
        contracted: ["Contracted", "Contracted value of every contract, in the currency."],
        pairs: ["With a same-currency estimate", "Contracts whose estimate was in the same currency: what the ratio is over."],
        paired_estimated: ["Estimated (pairs)", "Estimated value of those contracts."],
        paired_contracted: ["Contracted (pairs)", "Contracted value of those contracts."],
        ratio: ["Ratio", "Contracted ÷ estimated, over same-currency pairs only: a ratio, not money."],
      },
    },
    reluctance: organisationsTables.reluctance.en,
    decline_reasons: {
      title: "Why organisations declined",
      description: "Refusals to take part in a project, by the reason recorded.",
      columns: { reason: ["Reason", "Why the organisation declined."], declined: ["Declined", "Refusals with this reason."] },
    },
    money: moneyTables.money.en,
    money_by_year: {
      title: "Money by year",
      description: "Budgets by the year they were allocated and costs by the year they were spent: the two are not a share of each other.",
      columns: {
        currency: ["Currency", "ISO 4217 currency code."],
        year: ["Year", "Calendar year."],
        allocated_in_year: ["Allocated in that year", "Budgets allocated in the year."],
        spent_in_year: ["Spent in that year", "Costs that occurred in the year, whatever year their budget was allocated."],
      },
    },
    money_summary: {
      title: "Money by currency",
      description: "Totals in each currency, never converted.",
      columns: {
        currency: ["Currency", "ISO 4217 currency code."],
        allocated: ["Allocated", "Budgets allocated."],
        spent: ["Spent", "Costs recorded."],
        overspent_budgets: ["Budgets overspent", "Budgets whose costs exceed what they hold."],
      },
    },
    spending: {
      title: "Spending by category",
      description: "Costs recorded, by currency and category.",
      columns: { currency: ["Currency", "ISO 4217 currency code."], category: ["Category", "Cost category."], spent: ["Spent", "Costs recorded."] },
    },
    kpis: withColumns(
      evidenceTables.kpis.en,
      {
        effect_against: ["Effect measured against", "The comparison group when the measurement had one, otherwise the baseline."],
        effect: ["Effect", "Latest value − the reference, in the KPI's unit. Where lower is better, a negative effect is an improvement."],
        effect_relative: ["Effect, relative", "Effect ÷ the reference."],
        improved: ["Improved", "Whether the effect goes the way the KPI should."],
      },
      `${evidenceTables.kpis.en.description} ${CAP}`,
    ),
    savings: {
      title: "Savings per unit of service",
      description:
        "Where a KPI measures a cost or a time and lower is better: baseline − latest, per unit of service. " +
        "A negative saving means the KPI rose: a loss. The log holds no volumes, so no total is claimed.",
      columns: {
        project: ["Project", "Project id."],
        kpi: ["KPI", "KPI id within the project."],
        name: ["Name", "What the KPI measures."],
        unit: ["Unit", "Unit of the saving."],
        saved_per_unit: ["Saved per unit", "Baseline − latest; negative when it rose."],
        relative: ["Relative", "Saved ÷ baseline."],
      },
    },
    impact: {
      title: "Impact",
      description: "KPIs that met their target, pilots, and how long adoptions took to go live.",
      columns: {
        kpis: ["KPIs", "Key performance indicators defined."],
        kpis_met: ["KPIs met", "KPIs whose latest value reaches the target."],
        pilots_started: ["Pilots started", "Pilots started (a project that re-entered pilot ran several)."],
        pilots_ended: ["Pilots ended", "Pilots ended by their own end."],
        pilot_sites: ["Pilot sites", "Sites the pilots ran at."],
        median_days_to_go_live: ["Median days to go live", "Median calendar days from recording an adoption to its going live."],
      },
    },
    evaluations: {
      title: "Evaluations",
      description: "Each project's latest evaluation, by outcome, by evidence level (1 to 5) and by method.",
      columns: {
        dimension: ["By", "Outcome, evidence level or method."],
        value: ["Group", "The outcome, level or method."],
        projects: ["Projects", "Projects."],
      },
    },
    adoption: {
      title: "Adoption by scale type",
      description: "Adoptions of a project's solution, by how it scaled.",
      columns: {
        scale_type: ["Scale type", "How the solution scaled, or all."],
        adoptions: ["Adoptions", "Adoptions recorded."],
        entities: ["Entities", "Adopting entities."],
        sites: ["Sites", "Sites covered."],
        users_covered: ["Users covered", "Users the adopters declared the service covers."],
      },
    },
    adoption_status: {
      title: "Adoptions by status",
      description: "Each adoption by where it stands now.",
      columns: { status: ["Status", "Where the adoption stands."], adoptions: ["Adoptions", "Adoptions."] },
    },
    replications: {
      title: "Replications",
      description: "Projects that replicate another project's solution, by the original project.",
      columns: { origin: ["Original project", "Project id."], projects: ["Replicating projects", "Projects naming it as their origin."] },
    },
    timelines: {
      title: "Timelines",
      description: "Each project's stays in its stages; a stay still open ends at the latest date in the log.",
      columns: {
        project: ["Project", "Project id."],
        title: ["Title", "The project's title."],
        status: ["Status", "The project's status now."],
        stage: ["Stage", "The stage."],
        from: ["From", "Date the stage was entered."],
        to: ["To", "Date it was left, or the latest date in the log."],
      },
    },
    decisions: lifecycleTables.decisions.en,
  },
};
