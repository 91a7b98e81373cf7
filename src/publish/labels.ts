import { evidenceTables, lifecycleTables, moneyTables, organisationsTables, procurementTables, sessionsTables, type TableWords } from "../lab/index.js";
import type { ColumnKey, TableId } from "./columns.js";

/** The words of one published table: its title, what it holds, and each column's title and description. */
export type TableText<T extends TableId> = TableWords<ColumnKey<T>>;

/**
 * Every word the published outputs use, in one place: a Portuguese edition is another object of
 * this type (`{ ...en, locale: "pt-PT", … }`), not a fork of the renderers. Machine names — table
 * ids, column keys, codes in the open data — are never translated.
 */
export interface Labels {
  /** BCP 47 locale numbers are formatted in, and the HTML `lang`. */
  readonly locale: string;
  /** The document title when the caller gives none. */
  readonly title: string;
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
  readonly days: (n: string) => string;
  /** What a chart's `<desc>` says: which series, by what, and that the table beside it holds the numbers. */
  readonly chartDescription: (series: readonly string[], by: string) => string;
  readonly contents: string;
  /** Column titles of a one-row table turned on its side. */
  readonly figure: string;
  readonly value: string;
  readonly footer: string;
  /** Codes (stages, sectors, reasons…) in words; a code not listed reads with its underscores as spaces. */
  readonly values: Readonly<Record<string, string>>;
  readonly tables: { readonly [T in TableId]: TableText<T> };
}

const people = "distinct identified people, each counted once";

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
  days: (n) => `${n} d`,
  chartDescription: (series, by) => `Bar chart of ${series.join(" and ")} by ${by}. The table after the chart holds the same numbers.`,
  contents: "Contents",
  figure: "Figure",
  value: "Value",
  footer: "Rebuilt from the event log by labx-core. Every figure can be traced back to the events behind it.",
  values: {
    co_design: "co-design",
    civil_servant: "civil servant",
    pass: "pass",
    G1: "G1 (challenge → co-design)",
    G2: "G2 (co-design → pilot)",
    G3: "G3 (pilot → scale)",
    G4: "G4 (scale → mainstream)",
  },
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
        people: ["People involved", `People in any role: ${people}.`],
        anonymous_headcount: ["Anonymous headcount", "People counted at sessions without being identified, kept apart from the distinct counts."],
        reach: ["Reach", "People involved plus the anonymous headcount: an upper bound, since an anonymous person may also be identified."],
        participations: ["Participations", "Attendances: a person at two sessions counts twice."],
        public_entities: ["Public entities engaged", "Distinct registered public entities engaged in any role."],
        partners: ["Partners", "Distinct organisations that joined a project as partners."],
        sessions_held: ["Sessions held", "Sessions closed and never cancelled."],
        trainings_held: ["Trainings held", "Training sessions held."],
      },
    },
    stages: lifecycleTables.stages.en,
    gates: lifecycleTables.gates.en,
    participation_by_year: sessionsTables.participation_by_year.en,
    participation_by_sector: sessionsTables.participation_by_sector.en,
    age_bands: sessionsTables.age_bands.en,
    gender: sessionsTables.gender.en,
    time_in_stage: lifecycleTables.time_in_stage.en,
    pauses: lifecycleTables.pauses.en,
    procurement: procurementTables.procurement.en,
    kpis: evidenceTables.kpis.en,
    territory: {
      title: "Territory",
      description: "By NUTS region of the entity, session, pilot or adoption.",
      columns: {
        region: ["Region", "NUTS region code, or unknown."],
        public_entities: ["Public entities", "Public entities engaged."],
        sessions_held: ["Sessions", "Sessions held."],
        pilots: ["Pilots", "Pilots started."],
        adoptions: ["Adoptions", "Adoptions recorded."],
        users_covered: ["Users covered", "Users the adopters declared the service covers."],
      },
    },
    reluctance: organisationsTables.reluctance.en,
    money: moneyTables.money.en,
    decisions: lifecycleTables.decisions.en,
  },
};
