import {
  type ColumnSpec,
  count,
  evidenceTables,
  lifecycleTables,
  moneyTables,
  organisationsTables,
  procurementTables,
  sessionsTables,
  text,
} from "../lab/index.js";

export type { ColumnSpec };

/**
 * The published tables and their columns, in order: the machine names (never translated) with types
 * and which ones count people. Each slice of the lab declares the tables of its own concept; the
 * headline and territory tables, which gather several, are declared here. Titles and descriptions
 * come from the labels.
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
  gates: lifecycleTables.gates.columns,
  participation_by_year: sessionsTables.participation_by_year.columns,
  participation_by_sector: sessionsTables.participation_by_sector.columns,
  age_bands: sessionsTables.age_bands.columns,
  gender: sessionsTables.gender.columns,
  breakdown_bases: sessionsTables.breakdown_bases.columns,
  time_in_stage: lifecycleTables.time_in_stage.columns,
  pauses: lifecycleTables.pauses.columns,
  procurement: procurementTables.procurement.columns,
  kpis: evidenceTables.kpis.columns,
  territory: [text("region"), count("public_entities"), count("sessions_held"), count("pilots"), count("adoptions"), count("users_covered")],
  reluctance: organisationsTables.reluctance.columns,
  money: moneyTables.money.columns,
  decisions: lifecycleTables.decisions.columns,
} as const satisfies Record<string, readonly ColumnSpec[]>;

/** The id of a published table. */
export type TableId = keyof typeof TABLE_COLUMNS;

/** The column keys of one published table. */
export type ColumnKey<T extends TableId> = (typeof TABLE_COLUMNS)[T][number]["key"];
