import type { ColumnKey, TableId } from "./columns.js";

/** The words of one published table: its title, what it holds, and each column's title and description. */
export interface TableText<T extends TableId> {
  readonly title: string;
  readonly description: string;
  readonly columns: { readonly [K in ColumnKey<T>]: readonly [title: string, description: string] };
}

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
  readonly withheldNote: (threshold: number) => string;
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
  withheldNote: (k) =>
    `[c]: withheld to protect the people counted — a count of 1 to ${k - 1} people, or a figure from which such a count could be worked out.`,
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
    stages: {
      title: "Stage funnel",
      description: "How many projects entered each stage, and where they are now.",
      columns: {
        stage: ["Stage", "The stage, or how a project ended."],
        entered: ["Entered", "Projects that ever entered the stage."],
        now: ["Now", "Projects in the stage now (active or paused), or that ended this way."],
      },
    },
    gates: {
      title: "Gate conversion",
      description: "Of the projects that reached each gate, how many passed it.",
      columns: {
        gate: ["Gate", "The gate decision between two stages."],
        reached: ["Reached", "Projects with a decision recorded at the gate."],
        passed: ["Passed", "Projects that passed the gate."],
        conversion: ["Conversion", "Passed ÷ reached."],
      },
    },
    participation_by_year: {
      title: "Participation by year",
      description:
        "A person counts once in a year and once overall, so the years' people do not add up to the total; participations and anonymous headcounts do.",
      columns: {
        year: ["Year", "Calendar year of the session."],
        people: ["People", `People in any role: ${people} in the year.`],
        citizens: ["Citizens", `Citizens: ${people} in the year.`],
        civil_servants: ["Civil servants", `Civil servants: ${people} in the year.`],
        participations: ["Participations", "Attendances in the year."],
        anonymous_headcount: ["Anonymous", "Anonymous headcount in the year."],
        sessions_held: ["Sessions", "Sessions held in the year."],
        public_entities: ["Public entities", "Distinct public entities engaged in the year."],
        partners: ["Partners", "Distinct partners joined in the year."],
      },
    },
    participation_by_sector: {
      title: "Participation by sector",
      description: "Projects and people by the project's policy sector; people are distinct within each sector.",
      columns: {
        sector: ["Sector", "The project's policy sector."],
        projects: ["Projects", "Projects in the sector."],
        people: ["People", `People in any role: ${people} in the sector.`],
        citizens: ["Citizens", `Citizens: ${people} in the sector.`],
        civil_servants: ["Civil servants", `Civil servants: ${people} in the sector.`],
        participations: ["Participations", "Attendances in the sector's sessions."],
        anonymous_headcount: ["Anonymous", "Anonymous headcount in the sector's sessions."],
        sessions_held: ["Sessions", "Sessions held in the sector."],
      },
    },
    age_bands: {
      title: "Who came, by age",
      description: "Anonymous breakdowns given at session close, counted apart from the identified people.",
      columns: { age_band: ["Age band", "Age band, or all bands."], people: ["People", "People counted in the band."] },
    },
    gender: {
      title: "Who came, by gender",
      description: "Anonymous breakdowns by declared gender given at session close.",
      columns: { gender: ["Gender", "Declared gender, or all."], people: ["People", "People counted."] },
    },
    time_in_stage: {
      title: "Time in stage",
      description: "Completed stays in each stage; the net median leaves out the days paused.",
      columns: {
        stage: ["Stage", "The stage."],
        stays: ["Stays", "Completed stays in the stage."],
        median_days: ["Median days", "Median length of a stay, in calendar days."],
        median_days_net: ["Median days net of pauses", "Median length of a stay less the days paused."],
      },
    },
    pauses: {
      title: "Pauses by reason",
      description: "Pauses over the whole period; open ones count up to the as-of date.",
      columns: {
        reason: ["Reason", "Why the project was paused."],
        pauses: ["Pauses", "Pauses with this reason."],
        still_paused: ["Still paused", "Pauses not yet resumed."],
        days_paused: ["Days paused", "Calendar days paused, open pauses up to the as-of date."],
        median_days: ["Median days", "Median length of a pause, open ones counted as still running (Kaplan–Meier)."],
      },
    },
    procurement: {
      title: "Procurement lead times",
      description:
        "Requested → contracted. The median counts procurements still open (and cancelled ones, up to their cancellation) as still waiting, " +
        "so the slowest are not dropped.",
      columns: {
        procedure: ["Procedure", "Procurement procedure, or all."],
        requested: ["Requested", "Procurements requested."],
        contracted: ["Contracted", "Procurements that reached a contract."],
        cancelled: ["Cancelled", "Procurements cancelled."],
        open: ["Open", "Procurements still waiting."],
        median_days: ["Median days", "Kaplan–Meier median from request to contract; empty while fewer than half are contracted."],
        median_days_contracted: ["Median days, contracted only", "Median over the contracted ones alone."],
      },
    },
    kpis: {
      title: "KPI progress",
      description: "Each key performance indicator against its baseline and target; progress is 0 at the baseline and 100% at the target.",
      columns: {
        project: ["Project", "Project id."],
        kpi: ["KPI", "KPI id within the project."],
        name: ["Name", "What the KPI measures."],
        unit: ["Unit", "Unit of the values."],
        direction: ["Direction", "Whether the KPI should increase or decrease."],
        baseline: ["Baseline", "Value before the project."],
        target: ["Target", "Value the project aims for."],
        latest: ["Latest", "The latest measurement."],
        progress: ["Progress", "(latest − baseline) ÷ (target − baseline)."],
        met: ["Met", "Whether the target is reached, respecting the direction."],
        method: ["Method", "How the latest measurement was obtained."],
      },
    },
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
    reluctance: {
      title: "Reluctance",
      description: "Of the organisations asked to take part in a project, how many declined.",
      columns: {
        dimension: ["By", "What the rate is broken down by."],
        value: ["Group", "The level, sector, region or year."],
        asked: ["Asked", "Project–organisation pairs asked."],
        declined: ["Declined", "Pairs that declined."],
        rate: ["Rate", "Declined ÷ asked."],
      },
    },
    money: {
      title: "Money by source",
      description: "Budgets allocated and costs recorded, by currency and funding source.",
      columns: {
        currency: ["Currency", "ISO 4217 currency code."],
        source: ["Source", "Funding source."],
        budget: ["Budget", "Allocated."],
        spent: ["Spent", "Costs recorded."],
      },
    },
    decisions: {
      title: "Decision trail",
      description: "Every gate decision, when it happened and when it was recorded, with who decided and why.",
      columns: {
        occurred: ["When", "Date of the decision."],
        recorded: ["Recorded", "Date it was recorded."],
        project: ["Project", "Project id."],
        gate: ["Gate", "The gate."],
        outcome: ["Outcome", "The decision."],
        approvers: ["Approvers", "Who decided."],
        rationale: ["Rationale", "Why, in their words."],
      },
    },
  },
};
