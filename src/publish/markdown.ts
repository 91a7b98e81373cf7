import type { LabFigures } from "../projections/index.js";
import type * as z from "zod";
import { type DomainError, ok, type Result } from "../kernel/index.js";
import { checkOptions, ReportOptionsSchema } from "./options.js";
import { protectFigures, protectionNotes } from "./release.js";
import { asOfText, formatNumber, formatValue } from "./format.js";
import { en, type Labels } from "./labels.js";
import type { Column, Table, Value } from "./table.js";

/**
 * Options of `renderReport`: `secret` (or `exact`), `title` (default: the labels'), `labels` (default English),
 * and `timelineProjects` — at most this many projects in the timeline chart (default 25; projects
 * that reached a pilot first).
 */
export type ReportOptions = z.infer<typeof ReportOptionsSchema>;

/** How many of the latest rows of a long table (the decision trail) the Markdown report shows. */
export const LATEST_ROWS = 10;

const cell = (s: string): string => s.replaceAll("|", "\\|").replaceAll("\n", " ");
const numeric = (c: Column | undefined): boolean => c !== undefined && (c.type === "integer" || c.type === "number");

// A Markdown table: numbers right-aligned, text left-aligned.
const grid = (columns: readonly Column[], rows: readonly (readonly string[])[]): string =>
  [
    `| ${columns.map((c) => cell(c.title)).join(" | ")} |`,
    `|${columns.map((c) => (numeric(c) ? "--:" : ":--")).join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");

const side = (labels: Labels): Column[] => [
  { key: "figure", title: labels.figure, description: "", type: "string" },
  { key: "value", title: labels.value, description: "", type: "integer" },
];

/**
 * One published table in Markdown, in the labels' words and number formats: numbers right-aligned,
 * text left-aligned; a one-row table turned on its side, a figure per line.
 *
 * @example
 * const published = publishTables(figures, { secret: "a secret of at least 32 characters, kept by the host", labels: ptPT });
 * const headline = published.ok ? published.value.tables.find((t) => t.id === "headline") : undefined;
 * if (headline) console.log(markdownTable(headline, ptPT)); // | Indicador | Valor | …
 */
export const markdownTable = (t: Table, labels: Labels, rows: readonly (readonly Value[])[] = t.rows): string =>
  t.rows.length === 1
    ? grid(
        side(labels),
        t.columns.map((c, j) => [c.title, formatValue(t.rows[0]?.[j] ?? null, c, labels)]),
      )
    : grid(
        t.columns,
        rows.map((r) => r.map((v, j) => formatValue(v, t.columns[j] ?? { key: "", title: "", description: "", type: "string" }, labels))),
      );

const column = (t: Table, key: string): number => t.columns.findIndex((c) => c.key === key);
const textAt = (t: Table, row: readonly Value[], key: string): string => {
  const v = row[column(t, key)];
  return typeof v === "string" ? v : "";
};
const codeAt = (t: Table, row: readonly Value[], key: string, labels: Labels): string => {
  const c = t.columns[column(t, key)];
  return c === undefined ? "" : formatValue(row[column(t, key)] ?? null, c, labels);
};
// Mermaid wants plain names.
const plain = (s: string): string => s.replace(/[:#;,"]/gu, " ").slice(0, 60);

// Projects by stage as a pie, from the stage funnel's "now" column.
const pie = (t: Table, labels: Labels): string[] => {
  const slices = t.rows.flatMap((r) => {
    const v = r[column(t, "now")];
    return typeof v === "number" && v > 0 ? [`    "${plain(codeAt(t, r, "stage", labels))}" : ${v}`] : [];
  });
  return slices.length === 0 ? [] : ["```mermaid", `pie showData title ${plain(labels.projectsByStage)}`, ...slices, "```", ""];
};

// The stages of each project as a Gantt chart, from the timelines table: projects that reached a
// pilot first; only a stay still open in an active project is marked active.
const gantt = (t: Table, labels: Labels, limit: number): string[] => {
  const byProject = new Map<string, (readonly Value[])[]>();
  for (const r of t.rows) byProject.set(textAt(t, r, "project"), [...(byProject.get(textAt(t, r, "project")) ?? []), r]);
  const piloted = (rows: readonly (readonly Value[])[]): boolean => rows.some((r) => r[column(t, "stage")] === "pilot");
  const shown = [...byProject.values()].sort((a, b) => Number(piloted(b)) - Number(piloted(a))).slice(0, limit);
  if (shown.length === 0) return [];
  const out = ["```mermaid", "gantt", `    title ${plain(labels.stagesOfEachProject)}`, "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m"];
  for (const rows of shown) {
    const first = rows[0] ?? [];
    out.push(`    section ${plain(textAt(t, first, "title"))}`);
    rows.forEach((r, i) => {
      const from = textAt(t, r, "from");
      const to = textAt(t, r, "to") > from ? textAt(t, r, "to") : from;
      const open = i === rows.length - 1 && r[column(t, "status")] === "active";
      out.push(`    ${plain(codeAt(t, r, "stage", labels))} :${open ? "active, " : ""}${from}, ${to}`);
    });
  }
  return [...out, "```", ""];
};

// One published table as a section: title, what it holds, then the table (or its chart).
const section = (t: Table, labels: Labels, timelineProjects: number): string[] => {
  const head = [`## ${t.title}`, "", t.description, ""];
  if (t.id === "timelines") return [...head, ...gantt(t, labels, timelineProjects)];
  if (t.rows.length === 0) return [...head, labels.none, ""];
  if (t.id === "decisions" && t.rows.length > LATEST_ROWS) {
    const latest = labels.latestRows(formatNumber(LATEST_ROWS, labels), formatNumber(t.rows.length, labels));
    return [...head, latest, "", markdownTable(t, labels, t.rows.slice(-LATEST_ROWS)), ""];
  }
  return [...head, markdownTable(t, labels), "", ...(t.id === "stages" ? pie(t, labels) : [])];
};

/**
 * Render the figures as a Markdown report: every published table (the same as the HTML report's and
 * the open data's), in the labels' language, with two Mermaid charts drawn from them (projects by
 * stage as a pie, stages of each project as a Gantt chart) and the latest decisions. Nothing is
 * computed here from the figures: every number is a published table's, under disclosure control
 * (see `publishTables`), and every word the labels'. Pure: returns the Markdown, writes nothing; invalid
 * options are refused.
 *
 * @example
 * const figures = computeFigures(events);
 * const md = figures.ok ? renderReport(figures.value, { secret: "a secret of at least 32 characters, kept by the host", labels: ptPT }) : figures;
 * if (md.ok) await writeFile("relatorio.md", md.value);
 */
export const renderReport = (f: LabFigures, options: ReportOptions = {}): Result<string, DomainError> => {
  const checked = checkOptions(ReportOptionsSchema, "report options", options);
  if (!checked.ok) return checked;
  const labels = checked.value.labels ?? en;
  const published = protectFigures(f, checked.value, "report options");
  if (!published.ok) return published;
  const limit = checked.value.timelineProjects ?? 25;
  const note = protectionNotes(published.value, labels).flatMap((x) => [x, ""]);
  const lines = [
    `# ${checked.value.title ?? labels.title}`,
    "",
    asOfText(f, labels),
    "",
    ...published.value.tables.flatMap((t) => section(t, labels, limit)),
    ...note,
    labels.footer,
    "",
  ];
  return ok(lines.join("\n"));
};
