import { sha256Hex, type Sha256 } from "../kernel/digest.js";
import type { LabFigures } from "../projections/index.js";
import { toCsv, WITHHELD_CSV } from "./csv.js";
import { asOfText } from "./format.js";
import { protect, type DisclosureOptions } from "./disclosure.js";
import { en, type Labels } from "./labels.js";
import { figureTables } from "./tables.js";

/** A licence as a Data Package names it. */
export interface Licence {
  /** An Open Definition licence id, such as `CC-BY-4.0`. */
  readonly name: string;
  readonly path: string;
  readonly title: string;
}

/** Options of `exportOpenData`. */
export interface OpenDataOptions extends DisclosureOptions {
  /** The package's machine name (lower case, digits, `-._/`; default `labx-figures`). */
  readonly name?: string;
  readonly title?: string;
  /** Default: Creative Commons Attribution 4.0. */
  readonly licence?: Licence;
  /** When the package was made (RFC 3339); left out when not given, since the core reads no clock. */
  readonly created?: string;
  readonly labels?: Labels;
  /** Hash function for each file's `hash` (default: the pure-JavaScript SHA-256). */
  readonly sha256?: Sha256;
}

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
 * the licence, the disclosure threshold, and each file's SHA-256. Cells are under disclosure control
 * (withheld ones read `[c]`, declared a missing value). Pure: returns the files, writes nothing.
 *
 * @example
 * const { files } = exportOpenData(figures, { created: new Date().toISOString() });
 * for (const [path, text] of Object.entries(files)) await writeFile(`open-data/${path}`, text);
 */
export const exportOpenData = (figures: LabFigures, options: OpenDataOptions = {}): OpenData => {
  const labels = options.labels ?? en;
  const hash = options.sha256 ?? sha256Hex;
  const published = protect(figureTables(figures, labels), options);
  const csv = published.tables.map((t) => ({ table: t, path: `data/${t.id}.csv`, text: toCsv(t) }));
  const asOf = figures.asOf;
  const descriptor = {
    profile: "tabular-data-package",
    name: options.name ?? "labx-figures",
    title: options.title ?? labels.title,
    description: `${asOfText(figures, labels)} ${labels.withheldNote(published.threshold)}`,
    ...(options.created === undefined ? {} : { created: options.created }),
    licenses: [options.licence ?? CC_BY_4],
    asOf: asOf === null ? null : { at: asOf.at, by: asOf.by ?? "occurredAt" },
    latestEventAt: figures.latestEventAt,
    disclosure: { threshold: published.threshold, withheld: published.withheld.length },
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
        missingValues: ["", WITHHELD_CSV],
      },
    })),
  };
  return { files: { "datapackage.json": `${JSON.stringify(descriptor, null, 2)}\n`, ...Object.fromEntries(csv.map((x) => [x.path, x.text])) } };
};
