// The one path from figures to anything published: every output (HTML, Markdown, CSV, open data)
// takes its tables — and every figure derived from a people count — from `publishTables`.
import type * as z from "zod";
import { type DomainError, err, ok, type Result, validationError } from "../kernel/index.js";
import type { LabFigures, ParticipationRecords } from "../projections/index.js";
import { en, type Labels } from "./labels.js";
import { MONEY_TABLES, moneyHeld, publishedMoney, type PublishedCurrency, withholdMoney } from "./money.js";
import { checkOptions, ProtectionOptionsSchema } from "./options.js";
import { PERTURBATION } from "./perturbation.js";
import type { EarlierRelease } from "./consistent.js";
import { type PerturbedTables, perturbPeople } from "./protect-people.js";
import { figureTables } from "./tables.js";
import { cellOf, isWithheld, type Table, type TableSet } from "./table.js";

/**
 * Options of protection: `secret` — the host's secret (at least 32 characters) that keys the noise
 * on people counts: keep it, and pass the same one for every release, or releases can be compared;
 * or `exact: true` — people counts without noise, for internal use only (open data refuses it).
 * One of the two is required. `labels` as for the reports.
 */
export type ProtectionOptions = z.infer<typeof ProtectionOptionsSchema>;

/** The published tables: every people count protected (or exact, for internal use), money under the dominance rule. */
export interface PublishedTables extends TableSet {
  /** `perturbed`: every people count under the cell-key method; `exact`: no noise, for internal use only. */
  readonly people: "perturbed" | "exact";
  /** How many money cells the dominance rule withheld. */
  readonly withheld: number;
  /** Each currency's money as the reports print it, derived from the published values only. */
  readonly money: readonly PublishedCurrency[];
}

// The records of the figures, or a refusal when they were lost (figures cloned across threads).
const recordsOf = (figures: LabFigures): Result<ParticipationRecords, DomainError> => {
  const r: unknown = figures.participation.records;
  return typeof r === "object" && r !== null && "read" in r && typeof r.read === "function"
    ? ok(figures.participation.records.read())
    : err(
        validationError("figures to publish", [
          { path: ["participation", "records"], message: "are missing (figures copied without them): publish the figures as computeFigures returned them" },
        ]),
      );
};

/**
 * Tables only an exact (internal) report shows, with why: their people counts have no records to
 * key noise by, and published exact beside noisy counts they would undo the noise.
 */
export const EXACT_ONLY: Readonly<Record<string, string>> = {
  breakdown_bases: "its recorded attendances at the sessions that gave a breakdown are not kept person by person, so they cannot carry the noise",
};

// A table set without some tables, and without the equations that name them.
const withoutTables = (set: TableSet, ids: readonly string[]): TableSet => ({
  tables: set.tables.filter((t) => !ids.includes(t.id)),
  relations: set.relations.filter((r) => ![r.total, ...r.parts, ...(r.less ?? [])].some((c) => ids.includes(c.table))),
});

/**
 * Protect figures with options already checked against `ProtectionOptionsSchema` (or a schema
 * extending it); `subject` names the options in a refusal.
 */
export const protectFigures = (figures: LabFigures, o: ProtectionOptions, subject: string): Result<PublishedTables, DomainError> => {
  const refuse = (path: string, message: string) => err(validationError(subject, [{ path: [path], message }]));
  if (o.secret === undefined && o.exact === undefined)
    return refuse("secret", "is required to publish people counts: the host's secret of at least 32 characters (or exact: true, for internal use only)");
  if (o.secret !== undefined && o.exact !== undefined)
    return refuse("secret", "cannot go with exact: true — pass the secret to publish, or exact: true for an internal report");
  if (o.exact !== undefined && o.earlier !== undefined)
    return refuse("earlier", "goes with the secret: exact counts have no noise to keep consistent with earlier releases");
  const { set, tables, held, withheld } = tablesOf(figures, o);
  const finish = (people: PublishedTables["people"], out: TableSet["tables"]): PublishedTables => ({
    tables: out,
    relations: set.relations,
    people,
    withheld,
    money: publishedMoney(figures.finance, held, cellOf(out, { table: "headline", row: 0, column: "people" }) ?? null),
  });
  if (o.secret === undefined) return ok(finish("exact", tables));
  // Each earlier release as it was published: made in turn, each after the ones before it.
  const before: EarlierRelease[] = [];
  for (const [i, e] of (o.earlier ?? []).entries()) {
    const made = perturbedOf(e, o, o.secret, before);
    if (!made.ok) return err({ ...made.error, message: `earlier release ${i + 1}: ${made.error.message}` });
    before.push(made.value.release);
  }
  const perturbed = perturbedOf(figures, o, o.secret, before, { set, tables });
  return perturbed.ok ? ok(finish("perturbed", perturbed.value.tables)) : perturbed;
};

// The tables a release starts from: without what cannot carry noise (when it will have some), money under the dominance rule.
const tablesOf = (figures: LabFigures, o: ProtectionOptions) => {
  const all = figureTables(figures, o.labels ?? en);
  // Published with noise, a table keeps only what can carry it: see EXACT_ONLY.
  const set = o.secret === undefined ? all : withoutTables(all, Object.keys(EXACT_ONLY));
  const held = moneyHeld(figures.finance);
  const tables = set.tables.map((t) => withholdMoney(t, held));
  const withheld = tables.reduce((n, t) => n + t.rows.reduce((m, row) => m + row.filter(isWithheld).length, 0), 0);
  return { set, tables, held, withheld };
};

// The people counts of one release under the cell-key method, after the releases before it.
const perturbedOf = (
  figures: LabFigures,
  o: ProtectionOptions,
  secret: string,
  earlier: readonly EarlierRelease[],
  { set, tables }: { set: TableSet; tables: readonly Table[] } = tablesOf(figures, o),
): Result<PerturbedTables, DomainError> => {
  const records = recordsOf(figures);
  return records.ok ? perturbPeople(tables, records.value, secret, set.relations, earlier) : records;
};

/**
 * The tables every output publishes, protected: each people count (every column the tables mark
 * as people — totals as cells of their own) moved by the cell-key method's noise (at most
 * `PERTURBATION.maxNoise`), the same for the same people in every table and every release under
 * the same secret; reach recomputed from the published counts; money by source withheld where one
 * or two projects dominate it. Without a secret, refused — unless `exact: true` asks for the exact
 * counts, for internal use.
 *
 * @example
 * const published = publishTables(figures, { secret: process.env.LABX_SECRET });
 * if (published.ok) published.value.tables.map(toCsv);
 */
export const publishTables = (figures: LabFigures, options: ProtectionOptions): Result<PublishedTables, DomainError> => {
  const checked = checkOptions(ProtectionOptionsSchema, "protection options", options);
  return checked.ok ? protectFigures(figures, checked.value, "protection options") : checked;
};

/**
 * What readers of a release must be told of its protection, in the labels' words: the noise on
 * people counts (or that the counts are exact, for internal use), and what `[c]` means when money
 * was withheld.
 *
 * @example
 * const published = publishTables(figures, { secret: process.env.LABX_SECRET });
 * if (published.ok) protectionNotes(published.value, en); // ["To protect the people counted, every count of people has small noise added: …"]
 */
export const protectionNotes = (published: Pick<PublishedTables, "people" | "withheld">, labels: Labels): string[] => [
  published.people === "exact" ? labels.exactNote : labels.noiseNote(PERTURBATION.maxNoise),
  ...(published.withheld > 0 ? [labels.withheldNote] : []),
];

/**
 * Whether a withheld cell can appear in a published table: only in the money tables, whose text
 * columns are codes (a currency, a source, a year, a category), so the marker `[c]` can never be a value someone wrote.
 *
 * @example
 * mayWithhold({ id: "money" }); // true
 * mayWithhold({ id: "decisions" }); // false: free text, where "[c]" is just text
 */
export const mayWithhold = (t: Pick<Table, "id">): boolean => MONEY_TABLES.includes(t.id);
