import { type DomainError, ok, type Result, sha256Hex } from "../kernel/index.js";
import type { LabFigures } from "../projections/index.js";
import { toCsv, WITHHELD_CSV } from "./csv.js";
import { asOfText } from "./format.js";
import { checkOptions, type LicenceSchema, OpenDataOptionsSchema } from "./options.js";
import { en } from "./labels.js";
import { PERTURBATION } from "./perturbation.js";
import { mayWithhold, protectFigures, protectionNotes } from "./release.js";
import type * as z from "zod";

/** A licence as a Data Package names it: an Open Definition id (`CC-BY-4.0`), its URL and title. */
export type Licence = z.infer<typeof LicenceSchema>;

/**
 * Options of `exportOpenData`: `secret` (required: open data refuses `exact`) and `labels` as for the reports; `name` (the package's
 * machine name, default `labx-figures`), `title`, `licence` (default CC BY 4.0), `created` (RFC 3339;
 * left out when not given, since the core reads no clock), `sha256` (for each file's `hash`; default
 * the pure-JavaScript SHA-256, checked on known answers when given).
 */
export type OpenDataOptions = z.infer<typeof OpenDataOptionsSchema>;

/** The files of an open-data package: `datapackage.json` and one CSV per table under `data/`. */
export interface OpenData {
  /** File contents by path, `datapackage.json` first. */
  readonly files: Readonly<Record<string, string>>;
}

/** Creative Commons Attribution 4.0, the licence open-data portals in the EU commonly ask for. */
export const CC_BY_4: Licence = { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0" };

/**
 * The published tables as open data: a Frictionless Tabular Data Package — one CSV (RFC 4180) per
 * table and a `datapackage.json` describing each field (type, title, description), the as-of date,
 * the licence, the protection (the noise's maximum and variance), and each file's SHA-256. People
 * counts carry the cell-key method's noise; money withheld by the dominance rule reads `[c]`, declared
 * a missing value only in the resources where a withheld cell can appear (never beside free text).
 * Exact counts are refused: open data is always published. Pure: returns the files, writes nothing;
 * invalid options (a `created` that is not RFC 3339, a licence without a URL…) are refused.
 *
 * @example
 * const data = exportOpenData(figures, { created: new Date().toISOString() });
 * if (data.ok) for (const [path, text] of Object.entries(data.value.files)) await writeFile(`open-data/${path}`, text);
 */
export const exportOpenData = (figures: LabFigures, options: OpenDataOptions = {}): Result<OpenData, DomainError> => {
  const checked = checkOptions(OpenDataOptionsSchema, "open-data options", options);
  if (!checked.ok) return checked;
  const o = checked.value;
  const labels = o.labels ?? en;
  const hash = o.sha256 ?? sha256Hex;
  const protectedTables = protectFigures(figures, o, "open-data options");
  if (!protectedTables.ok) return protectedTables;
  const published = protectedTables.value;
  const csv = published.tables.map((t) => ({ table: t, path: `data/${t.id}.csv`, text: toCsv(t) }));
  const asOf = figures.asOf;
  const descriptor = {
    profile: "tabular-data-package",
    name: o.name ?? "labx-figures",
    title: o.title ?? labels.title,
    description: [asOfText(figures, labels), ...protectionNotes(published, labels)].join(" "),
    ...(o.created === undefined ? {} : { created: o.created }),
    licenses: [o.licence ?? CC_BY_4],
    asOf: asOf === null ? null : { at: asOf.at, by: asOf.by ?? "occurredAt" },
    latestEventAt: figures.latestEventAt,
    protection: { people: "cell-key", maxNoise: PERTURBATION.maxNoise, variance: PERTURBATION.variance, withheld: published.withheld },
    resources: csv.map(({ table, path, text }) => ({
      profile: "tabular-data-resource",
      name: table.id,
      path,
      title: table.title,
      description: table.description,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      hash: `sha256:${hash(text)}`,
      dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: table.columns.map((c) => ({ name: c.key, title: c.title, description: c.description, type: c.type })),
        missingValues: mayWithhold(table) ? ["", WITHHELD_CSV] : [""],
      },
    })),
  };
  return ok({ files: { "datapackage.json": `${JSON.stringify(descriptor, null, 2)}\n`, ...Object.fromEntries(csv.map((x) => [x.path, x.text])) } });
};
