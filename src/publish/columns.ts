import { evidenceTables, lifecycleTables, moneyTables, organisationsTables, procurementTables, sessionsTables } from "../lab/index.js";
import type { ColumnFormat, ColumnSpec, ColumnType } from "../lab/index.js";

export type { ColumnSpec };

// The tables publishing gathers from several slices, or adds to a slice's, declare their columns here.
const of =
  (type: ColumnType, format?: ColumnFormat) =>
  <K extends string>(key: K): ColumnSpec<K> => ({ key, type, ...(format ? { format } : {}) });
const count = <K extends string>(key: K, people = false): ColumnSpec<K> => ({ key, type: "integer", format: "count", ...(people ? { people } : {}) });
const code = of("string", "code");
const text = of("string");
const days = of("number", "days");
const share = of("number", "share");
const amount = of("number", "amount");
const decimal = of("number", "decimal");
const date = of("date");
const flag = of("boolean");

/**
 * The published tables and their columns, in order: the machine names (never translated) with types
 * and which ones count people. Each slice of the lab declares the tables of its own concept; the
 * tables that gather several, or that the reports need beside a slice's, are declared here. Titles
 * and descriptions come from the labels.
 */
export const TABLE_COLUMNS = {
  headline: [
    count("challenges"),
    count("projects_implemented"),
    count("citizens", true),
    count("civil_servants", true),
    count("civil_servants_trained", true),
    count("citizens_also_civil_servants", true),
    count("others", true),
    count("people", true),
    count("anonymous_headcount", true),
    count("reach", true),
    count("participations", true),
    count("public_entities"),
    count("partners"),
    count("sessions_held"),
    count("trainings_held"),
  ],
  stages: lifecycleTables.stages.columns,
  flow: [count("paused_now"), count("discontinued"), share("discontinued_rate"), count("challenge_to_pilot"), days("challenge_to_pilot_median_days")],
  endings: [code("dimension"), code("value"), count("projects")],
  gates: lifecycleTables.gates.columns,
  participation_by_year: sessionsTables.participation_by_year.columns,
  participation_by_sector: sessionsTables.participation_by_sector.columns,
  age_bands: sessionsTables.age_bands.columns,
  gender: sessionsTables.gender.columns,
  territory: [code("region"), count("public_entities"), count("sessions_held"), count("pilots"), count("adoptions"), count("users_covered")],
  entity_levels: [code("level"), count("public_entities")],
  breakdown_bases: sessionsTables.breakdown_bases.columns,
  time_in_stage: lifecycleTables.time_in_stage.columns,
  pauses: lifecycleTables.pauses.columns,
  overruns: [code("what"), count("planned"), count("ended_late"), days("median_days_late"), count("open_past_planned"), count("ended_by_closure")],
  procurement: procurementTables.procurement.columns,
  contract_value: [
    text("currency"),
    count("contracts"),
    amount("contracted"),
    count("pairs"),
    amount("paired_estimated"),
    amount("paired_contracted"),
    decimal("ratio"),
  ],
  reluctance: organisationsTables.reluctance.columns,
  decline_reasons: [code("reason"), count("declined")],
  money: moneyTables.money.columns,
  money_by_year: [text("currency"), text("year"), amount("allocated_in_year"), amount("spent_in_year")],
  money_summary: [text("currency"), amount("allocated"), amount("spent"), count("overspent_budgets")],
  spending: [text("currency"), code("category"), amount("spent")],
  kpis: [...evidenceTables.kpis.columns, code("effect_against"), decimal("effect"), share("effect_relative"), flag("improved")],
  savings: [text("project"), text("kpi"), text("name"), text("unit"), decimal("saved_per_unit"), share("relative")],
  impact: [count("kpis"), count("kpis_met"), count("pilots_started"), count("pilots_ended"), count("pilot_sites"), days("median_days_to_go_live")],
  evaluations: [code("dimension"), code("value"), count("projects")],
  adoption: [code("scale_type"), count("adoptions"), count("entities"), count("sites"), count("users_covered")],
  adoption_status: [code("status"), count("adoptions")],
  replications: [text("origin"), count("projects")],
  timelines: [text("project"), text("title"), code("status"), code("stage"), date("from"), date("to")],
  decisions: lifecycleTables.decisions.columns,
} as const satisfies Record<string, readonly ColumnSpec[]>;

/** The id of a published table. */
export type TableId = keyof typeof TABLE_COLUMNS;

/** The column keys of one published table. */
export type ColumnKey<T extends TableId> = (typeof TABLE_COLUMNS)[T][number]["key"];

/** A set of codes the labels hold words for: a column of codes reads through one of them. */
export type Vocabulary =
  | "stage"
  | "status"
  | "gate"
  | "outcome"
  | "pauseReason"
  | "ending"
  | "endingBy"
  | "procedure"
  | "sector"
  | "ageBand"
  | "gender"
  | "region"
  | "level"
  | "overrun"
  | "reluctanceBy"
  | "reluctanceGroup"
  | "declineReason"
  | "source"
  | "category"
  | "direction"
  | "method"
  | "effectAgainst"
  | "evaluationBy"
  | "evaluation"
  | "scaleType"
  | "adoptionStatus"
  | "breakdown";

/** Which vocabulary each code column reads through. */
export const CODE_VOCABULARY: { readonly [T in TableId]?: Readonly<Partial<Record<ColumnKey<T>, Vocabulary>>> } = {
  stages: { stage: "stage" },
  endings: { dimension: "endingBy", value: "ending" },
  gates: { gate: "gate" },
  participation_by_sector: { sector: "sector" },
  age_bands: { age_band: "ageBand" },
  gender: { gender: "gender" },
  breakdown_bases: { breakdown: "breakdown" },
  territory: { region: "region" },
  entity_levels: { level: "level" },
  time_in_stage: { stage: "stage" },
  pauses: { reason: "pauseReason" },
  overruns: { what: "overrun" },
  procurement: { procedure: "procedure" },
  reluctance: { dimension: "reluctanceBy", value: "reluctanceGroup" },
  decline_reasons: { reason: "declineReason" },
  money: { source: "source" },
  spending: { category: "category" },
  kpis: { direction: "direction", method: "method", effect_against: "effectAgainst" },
  evaluations: { dimension: "evaluationBy", value: "evaluation" },
  adoption: { scale_type: "scaleType" },
  adoption_status: { status: "adoptionStatus" },
  timelines: { status: "status", stage: "stage" },
  decisions: { gate: "gate", outcome: "outcome" },
};
