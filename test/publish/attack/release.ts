// A release as a host makes it, through the public API only, and as a reader receives it: every CSV
// resource's rows, the datapackage, the Markdown report and the HTML report. The attacker reads
// nothing else.
import { parse } from "csv-parse/sync";
import { type AsOf, computeFigures, type Envelope, exportOpenData, type LabEvent, renderHtmlReport, renderReport } from "../../../src/index.js";
import { publishTables } from "../../../src/publish/index.js";

/** The host's secret for the cell-key method (≥ 32 characters): never published. */
export const SECRET = "attack-test-secret-0123456789abcdef-0123456789abcdef";

/**
 * The protection options every output of a release gets, built in this one place: the host's
 * secret for the cell-key method (the attacker reads every published people count as perturbed,
 * see `DOCUMENTED_NOISE`).
 */
export const PROTECTION = { secret: SECRET } as const;

/** The documented maximum absolute noise D of the release's people counts: 0 under suppression (a published number is the true one). */
export const DOCUMENTED_NOISE: number = "secret" in PROTECTION ? 2 : 0;

/** A CSV resource as read back: the header and the rows, every cell as text. */
export interface Resource {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Everything one release shows a reader. */
export interface Release {
  /** The CSV resources by table id (`headline`, `participation_by_year`, …). */
  readonly csv: ReadonlyMap<string, Resource>;
  /** The datapackage descriptor, parsed. */
  readonly datapackage: Readonly<Record<string, unknown>>;
  readonly markdown: string;
  readonly html: string;
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.error.message}`);
  return r.value;
};

/** A log as of a date (or in full): what one release is made from. */
export interface Made {
  readonly events: readonly Envelope<LabEvent>[];
  readonly asOf?: AsOf | undefined;
}

const figuresOf = (m: Made) => must(computeFigures(m.events, m.asOf), "computeFigures");

/**
 * The release of a log (optionally as of a date), made as a host would make it: after the releases
 * already published from the same log (`earlier`, oldest first), which the README says to pass.
 */
export const release = (events: readonly Envelope<LabEvent>[], asOf?: AsOf, earlier: readonly Made[] = []): Release => {
  const figures = figuresOf({ events, asOf });
  const options = { ...PROTECTION, ...(earlier.length > 0 ? { earlier: earlier.map(figuresOf) } : {}) };
  // The protected tables are what all three outputs share; making them checks the options too.
  must(publishTables(figures, options), "publishTables");
  const markdown = must(renderReport(figures, options), "renderReport");
  const html = must(renderHtmlReport(figures, options), "renderHtmlReport");
  const data = must(exportOpenData(figures, { ...options, created: "2026-01-01T00:00:00Z" }), "exportOpenData");
  const csv = new Map<string, Resource>();
  for (const [path, text] of Object.entries(data.files)) {
    const id = /^data\/(.+)\.csv$/u.exec(path)?.[1];
    if (id === undefined) continue;
    const [header = [], ...rows] = parse(text, { relax_column_count: false }) as string[][];
    csv.set(id, { header, rows });
  }
  const datapackage = JSON.parse(data.files["datapackage.json"] ?? "{}") as Record<string, unknown>;
  return { csv, datapackage, markdown, html };
};
