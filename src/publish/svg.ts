import { isWithheld, type Value } from "./table.js";

/** A bar chart to draw: rows of bars, one per series, with each value's text as people read it. */
export interface BarChart {
  /** Unique within the document: the ids of `<title>` and `<desc>` derive from it. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly series: readonly string[];
  readonly rows: readonly { readonly label: string; readonly values: readonly { readonly value: Value; readonly text: string }[] }[];
}

/** Characters that would end an attribute or start markup, escaped. */
export const escapeHtml = (s: string): string =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

// Dark enough for 4.5:1 against white (WCAG AA) and told apart by people with a red–green deficiency.
const COLOURS = ["#1f4e79", "#a04a00", "#2e6b30"];
const WIDTH = 520;
const LABEL = 160;
const BARS = 280;
const BAR = 14;

const plain = (v: Value): number | null => (typeof v === "number" ? v : null);

/**
 * A horizontal bar chart as inline SVG: `role="img"` named by its `<title>` and `<desc>`, each bar
 * carrying its value in `data-value` (withheld and empty cells draw no bar and say so in text).
 * Bars start at zero; a negative value draws no bar and keeps its text.
 *
 * @example
 * const rows = [{ label: "G1", values: [{ value: 0.8, text: "80%" }] }];
 * barChart({ id: "gates", title: "Gate conversion", description: "Bar chart of conversion by gate.", series: ["Conversion"], rows });
 */
export const barChart = (c: BarChart): string => {
  const max = Math.max(0, ...c.rows.flatMap((r) => r.values.map((v) => plain(v.value) ?? 0)));
  const legend = c.series.length > 1 ? 24 : 0;
  const rowHeight = c.series.length * (BAR + 2) + 10;
  const height = legend + c.rows.length * rowHeight + 4;
  const out = [
    `<svg id="${c.id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${c.id}-title ${c.id}-desc" class="chart">`,
    `<title id="${c.id}-title">${escapeHtml(c.title)}</title>`,
    `<desc id="${c.id}-desc">${escapeHtml(c.description)}</desc>`,
  ];
  c.series.forEach((s, i) => {
    if (legend === 0) return;
    const x = LABEL + i * 150;
    out.push(`<rect x="${x}" y="4" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/><text x="${x + 18}" y="15">${escapeHtml(s)}</text>`);
  });
  c.rows.forEach((r, i) => {
    const top = legend + i * rowHeight + 4;
    out.push(`<text x="${LABEL - 8}" y="${top + (rowHeight - 10) / 2 + 4}" text-anchor="end">${escapeHtml(r.label)}</text>`);
    r.values.forEach((v, j) => {
      const y = top + j * (BAR + 2);
      const n = plain(v.value);
      const w = n === null || n <= 0 || max === 0 ? 0 : Math.max(1, (n / max) * BARS);
      const state = isWithheld(v.value) ? "withheld" : n === null ? "none" : "value";
      out.push(
        `<g data-row="${escapeHtml(r.label)}" data-series="${escapeHtml(c.series[j] ?? "")}" data-state="${state}"${n === null ? "" : ` data-value="${n}"`}>` +
          (w > 0 ? `<rect x="${LABEL}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${COLOURS[j % COLOURS.length]}"/>` : "") +
          `<text x="${LABEL + w + 6}" y="${y + BAR - 3}">${escapeHtml(v.text)}</text></g>`,
      );
    });
  });
  out.push("</svg>");
  return out.join("");
};
