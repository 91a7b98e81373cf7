import type { Column } from "./table.js";

/** A column as `TABLE_COLUMNS` declares it: everything but the words, which come from the labels. */
export type ColumnSpec<K extends string = string> = Omit<Column, "title" | "description" | "key"> & { readonly key: K };
const count = <K extends string>(key: K, people = false): ColumnSpec<K> => ({ key, type: "integer", format: "count", ...(people ? { people } : {}) });
const of =
  (type: Column["type"], format?: Column["format"]) =>
  <K extends string>(key: K): ColumnSpec<K> => ({ key, type, ...(format ? { format } : {}) });
const code = of("string", "code");
const text = of("string");
const days = of("number", "days");
const share = of("number", "share");
const amount = of("number", "amount");
const decimal = of("number", "decimal");
const date = of("date");
const flag = of("boolean");

// What a year and a sector are both published with: people by role, attendances, anonymous
// headcount and sessions held.
const SLICE = [
  count("people", true),
  count("citizens", true),
  count("civil_servants", true),
  count("participations", true),
  count("anonymous_headcount", true),
  count("sessions_held"),
] as const;

/**
 * The published tables and their columns, in order: the machine names (never translated) with types
 * and which ones count people. Titles and descriptions come from the labels.
 */
export const TABLE_COLUMNS = {
  headline: [
    count("challenges"),
    count("projects_implemented"),
    count("citizens", true),
    count("civil_servants", true),
    count("civil_servants_trained", true),
    count("people", true),
    count("anonymous_headcount", true),
    count("reach", true),
    count("participations", true),
    count("public_entities"),
    count("partners"),
    count("sessions_held"),
    count("trainings_held"),
  ],
  stages: [code("stage"), count("entered"), count("now")],
  gates: [code("gate"), count("reached"), count("passed"), share("conversion")],
  participation_by_year: [text("year"), ...SLICE, count("public_entities"), count("partners")],
  participation_by_sector: [code("sector"), count("projects"), ...SLICE],
  age_bands: [code("age_band"), count("people", true)],
  gender: [code("gender"), count("people", true)],
  time_in_stage: [code("stage"), count("stays"), days("median_days"), days("median_days_net")],
  pauses: [code("reason"), count("pauses"), count("still_paused"), count("days_paused"), days("median_days")],
  procurement: [
    code("procedure"),
    count("requested"),
    count("contracted"),
    count("cancelled"),
    count("open"),
    days("median_days"),
    days("median_days_contracted"),
  ],
  kpis: [
    text("project"),
    text("kpi"),
    text("name"),
    text("unit"),
    code("direction"),
    decimal("baseline"),
    decimal("target"),
    decimal("latest"),
    share("progress"),
    flag("met"),
    code("method"),
  ],
  territory: [text("region"), count("public_entities"), count("sessions_held"), count("pilots"), count("adoptions"), count("users_covered")],
  reluctance: [code("dimension"), code("value"), count("asked"), count("declined"), share("rate")],
  money: [text("currency"), code("source"), amount("budget"), amount("spent")],
  decisions: [date("occurred"), date("recorded"), text("project"), code("gate"), code("outcome"), text("approvers"), text("rationale")],
} as const satisfies Record<string, readonly ColumnSpec[]>;

/** The id of a published table. */
export type TableId = keyof typeof TABLE_COLUMNS;

/** The column keys of one published table. */
export type ColumnKey<T extends TableId> = (typeof TABLE_COLUMNS)[T][number]["key"];
