import type { LabFigures } from "../projections/index.js";
import type { TableId } from "./columns.js";
import type * as z from "zod";
import { type DomainError, ok, type Result } from "../kernel/index.js";
import { checkOptions, HtmlReportOptionsSchema } from "./options.js";
import { asOfText, formatValue } from "./format.js";
import { en, type Labels } from "./labels.js";
import { barChart, escapeHtml } from "./svg.js";
import { protectFigures, protectionNotes } from "./release.js";
import type { Table, Value } from "./table.js";

/**
 * Options of `renderHtmlReport`: `secret` (the host's, for the noise on people counts) or `exact: true`
 * (internal use only), the document `title` (default: the labels'), `labels` (default English).
 */
export type HtmlReportOptions = z.infer<typeof HtmlReportOptionsSchema>;

// Which tables get a chart: the column naming each row, and the columns drawn as bars.
const CHARTS: Partial<Record<TableId, { readonly label: readonly string[]; readonly series: readonly string[] }>> = {
  stages: { label: ["stage"], series: ["entered", "now"] },
  gates: { label: ["gate"], series: ["conversion"] },
  participation_by_year: { label: ["year"], series: ["citizens", "civil_servants"] },
  participation_by_sector: { label: ["sector"], series: ["citizens", "civil_servants"] },
  age_bands: { label: ["age_band"], series: ["people"] },
  gender: { label: ["gender"], series: ["people"] },
  time_in_stage: { label: ["stage"], series: ["median_days", "median_days_net"] },
  pauses: { label: ["reason"], series: ["days_paused"] },
  procurement: { label: ["procedure"], series: ["median_days"] },
  kpis: { label: ["project", "kpi"], series: ["progress"] },
};

const STYLE = `
:root{color:#1a1a1a;background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0 auto;max-width:60rem;padding:1rem}
h1{font-size:1.7rem;margin:.5rem 0}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid #1f4e79}
a{color:#1f4e79}.note{color:#3d3d3d}
nav ol{columns:2;padding-left:1.2rem;margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.5rem;margin:0}
.cards div{border:1px solid #c8c8c8;border-radius:4px;padding:.5rem}
.cards dt{font-size:.85rem;color:#3d3d3d}.cards dd{margin:0;font-size:1.5rem;font-weight:700}
figure{margin:.5rem 0}svg.chart{width:100%;max-width:44rem;height:auto;font-size:13px;fill:#1a1a1a}
@media (max-width:40rem){nav ol{columns:1}}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #c8c8c8;padding:.2rem .5rem;vertical-align:top}
thead th,tbody th{text-align:left}thead th{background:#eef2f7}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.d{white-space:nowrap}
details>summary{cursor:pointer;color:#1f4e79;font-weight:600;padding:.25rem 0}
@page{size:A4;margin:14mm}
@media print{:root{font-size:10pt}nav{display:none}body{max-width:none;padding:0}.scroll{overflow:visible}details>summary{display:none}
details::details-content{content-visibility:visible;display:contents}
figure,tr,.cards div{break-inside:avoid}h2{break-after:avoid}a{color:inherit;text-decoration:none}}
`;

const numeric = (t: Table, j: number): boolean => {
  const c = t.columns[j];
  return c !== undefined && (c.type === "integer" || c.type === "number");
};
const cellClass = (t: Table, j: number): string => (numeric(t, j) ? ' class="n"' : t.columns[j]?.type === "date" ? ' class="d"' : "");

/** Tables with more rows than this are folded away in the HTML report, behind a summary that opens them (and print unfolded). */
export const FOLDED_ROWS = 30;

// A one-row table reads better turned on its side: a figure per line, which fits a phone.
const transposed = (t: Table, labels: Labels): Table => ({
  ...t,
  columns: [
    { key: "figure", title: labels.figure, description: "", type: "string" },
    { key: "value", title: labels.value, description: "", type: "integer" },
  ],
  rows: t.columns.map((c, j) => [c.title, formatValue(t.rows[0]?.[j] ?? null, c, labels)]),
});

const htmlTable = (table: Table, labels: Labels): string => {
  const t = table.rows.length === 1 ? transposed(table, labels) : table;
  const head = t.columns.map((c) => `<th scope="col" title="${escapeHtml(c.description)}">${escapeHtml(c.title)}</th>`).join("");
  const body = t.rows
    .map((row) => {
      const cells = row.map((v, j) => {
        const column = t.columns[j];
        const text = escapeHtml(column === undefined ? "" : formatValue(v, column, labels));
        return j === 0 ? `<th scope="row">${text}</th>` : `<td${cellClass(t, j)}>${text}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const caption = `<caption>${escapeHtml(t.title)}</caption>`;
  return `<div class="scroll"><table id="${t.id}-table">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
};

const chartOf = (t: Table, labels: Labels): string => {
  const spec = CHARTS[t.id as TableId];
  if (spec === undefined || t.rows.length === 0) return "";
  const index = (key: string): number => t.columns.findIndex((c) => c.key === key);
  const series = spec.series.map((key) => ({ key, j: index(key) }));
  const format = (v: Value, j: number): string => {
    const column = t.columns[j];
    return column === undefined ? "" : formatValue(v, column, labels);
  };
  const rows = t.rows.map((row) => ({
    label: spec.label.map((key) => format(row[index(key)] ?? null, index(key))).join(" · "),
    values: series.map(({ j }) => ({ value: row[j] ?? null, text: format(row[j] ?? null, j) })),
  }));
  const seriesTitles = series.map(({ j }) => t.columns[j]?.title ?? "");
  const by = spec.label.map((key) => t.columns[index(key)]?.title ?? key).join(" · ");
  const description = labels.chartDescription(seriesTitles, by);
  return `<figure>${barChart({ id: `${t.id}-chart`, title: t.title, description, series: seriesTitles, rows })}</figure>`;
};

const headlineCards = (t: Table, labels: Labels): string => {
  const row = t.rows[0] ?? [];
  const cards = t.columns.map(
    (c, j) => `<div><dt title="${escapeHtml(c.description)}">${escapeHtml(c.title)}</dt><dd>${escapeHtml(formatValue(row[j] ?? null, c, labels))}</dd></div>`,
  );
  return `<dl class="cards" id="headline-cards">${cards.join("")}</dl>`;
};

const section = (t: Table, labels: Labels): string => {
  const body = [t.id === "headline" ? headlineCards(t, labels) : chartOf(t, labels), htmlTable(t, labels)].join("\n");
  const rows = t.rows.length.toLocaleString(labels.locale);
  return [
    `<section id="${t.id}" aria-labelledby="${t.id}-heading">`,
    `<h2 id="${t.id}-heading">${escapeHtml(t.title)}</h2>`,
    `<p class="note">${escapeHtml(t.description)}</p>`,
    t.rows.length > FOLDED_ROWS ? `<details><summary>${escapeHtml(labels.showRows(rows))}</summary>\n${body}\n</details>` : body,
    "</section>",
  ].join("\n");
};

/**
 * The figures as one self-contained HTML document: headline figures, the stage funnel and gate
 * conversion, participation by year and sector, time in stage, pauses, procurement lead times, KPI
 * progress, territory, reluctance, money and the decision trail. Inline CSS and SVG only (its
 * Content-Security-Policy forbids every request); each chart has a `<title>` and `<desc>` and the
 * same numbers in a table after it; readable on a phone and printable to A4. Every number is the
 * published tables' (`publishTables`): people counts with the cell-key method's noise. Pure: returns the document as a string; invalid options are refused.
 *
 * @example
 * const figures = computeFigures(events);
 * const html = figures.ok ? renderHtmlReport(figures.value, { title: "LabX 2017–2020" }) : figures;
 * if (html.ok) await writeFile("report.html", html.value);
 */
export const renderHtmlReport = (figures: LabFigures, options: HtmlReportOptions = {}): Result<string, DomainError> => {
  const checked = checkOptions(HtmlReportOptionsSchema, "HTML report options", options);
  if (!checked.ok) return checked;
  const labels = checked.value.labels ?? en;
  const title = checked.value.title ?? labels.title;
  const protectedTables = protectFigures(figures, checked.value, "HTML report options");
  if (!protectedTables.ok) return protectedTables;
  const published = protectedTables.value;
  const asOf = asOfText(figures, labels);
  const contents = published.tables.map((t) => `<li><a href="#${t.id}">${escapeHtml(t.title)}</a></li>`).join("");
  const page = [
    "<!doctype html>",
    `<html lang="${escapeHtml(labels.locale)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(asOf)}</p></header>`,
    "<main>",
    // The headline first, then the contents: on a phone the figures a manager came for are on the first screen.
    ...published.tables.slice(0, 1).map((t) => section(t, labels)),
    `<nav aria-labelledby="contents-heading"><h2 id="contents-heading">${escapeHtml(labels.contents)}</h2><ol>${contents}</ol></nav>`,
    ...published.tables.slice(1).map((t) => section(t, labels)),
    "</main>",
    `<footer>${[...protectionNotes(published, labels), labels.footer].map((x) => `<p class="note">${escapeHtml(x)}</p>`).join("")}</footer>`,
    "</body>",
    "</html>",
    "",
  ];
  return ok(page.join("\n"));
};
