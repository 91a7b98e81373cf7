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
const BARS = 280;
const BAR = 14;
// The charts' text is 13 user units high; a character is at most this wide on average (a generous
// estimate, so that labels are measured long rather than clipped).
const CHAR = 7.8;
const MAX_LABEL = 300;
const MIN_WIDTH = 520;
const widthOf = (s: string): number => Math.ceil([...s].length * CHAR);
// A label longer than the room for it is cut with an ellipsis; the whole label stays in its `<title>`.
const fitted = (s: string, room: number): string => {
  const chars = [...s];
  const fits = Math.floor(room / CHAR);
  return chars.length <= fits ? s : `${chars.slice(0, Math.max(1, fits - 1)).join("")}…`;
};

const plain = (v: Value): number | null => (typeof v === "number" ? v : null);

// The legend's entries, placed left to right and wrapped onto further lines within the width.
const legendOf = (series: readonly string[], width: number): { out: string[]; height: number } => {
  if (series.length < 2) return { out: [], height: 0 };
  const out: string[] = [];
  let x = 4;
  let line = 0;
  series.forEach((s, i) => {
    const w = 18 + widthOf(s);
    if (x > 4 && x + w > width - 4) {
      x = 4;
      line++;
    }
    const y = 4 + line * 20;
    out.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/><text x="${x + 18}" y="${y + 11}">${escapeHtml(s)}</text>`);
    x += w + 16;
  });
  return { out, height: (line + 1) * 20 + 4 };
};

/**
 * A horizontal bar chart as inline SVG: `role="img"` named by its `<title>` and `<desc>`, each bar
 * carrying its value in `data-value` (withheld and empty cells draw no bar and say so in text).
 * Bars start at zero; a negative value draws no bar and keeps its text. The chart is as wide as its
 * longest label and value need, so that no text falls outside it at any size it is drawn.
 *
 * @example
 * const rows = [{ label: "G1", values: [{ value: 0.8, text: "80%" }] }];
 * barChart({ id: "gates", title: "Gate conversion", description: "Bar chart of conversion by gate.", series: ["Conversion"], rows });
 */
export const barChart = (c: BarChart): string => {
  const max = Math.max(0, ...c.rows.flatMap((r) => r.values.map((v) => plain(v.value) ?? 0)));
  const label = Math.min(MAX_LABEL, Math.max(40, ...c.rows.map((r) => widthOf(r.label)))) + 12;
  // At least as wide as a chart with short labels, so that the text is never drawn larger than 13 px.
  const width = Math.max(MIN_WIDTH, label + BARS + 6 + Math.max(0, ...c.rows.flatMap((r) => r.values.map((v) => widthOf(v.text)))) + 8);
  const legend = legendOf(c.series, width);
  const rowHeight = c.series.length * (BAR + 2) + 10;
  const height = legend.height + c.rows.length * rowHeight + 4;
  const out = [
    `<svg id="${c.id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${c.id}-title ${c.id}-desc" class="chart">`,
    `<title id="${c.id}-title">${escapeHtml(c.title)}</title>`,
    `<desc id="${c.id}-desc">${escapeHtml(c.description)}</desc>`,
    ...legend.out,
  ];
  c.rows.forEach((r, i) => {
    const top = legend.height + i * rowHeight + 4;
    const shown = fitted(r.label, label - 12);
    const full = shown === r.label ? "" : `<title>${escapeHtml(r.label)}</title>`;
    out.push(`<text x="${label - 8}" y="${top + (rowHeight - 10) / 2 + 4}" text-anchor="end">${full}${escapeHtml(shown)}</text>`);
    r.values.forEach((v, j) => {
      const y = top + j * (BAR + 2);
      const n = plain(v.value);
      const w = n === null || n <= 0 || max === 0 ? 0 : Math.max(1, (n / max) * BARS);
      const state = isWithheld(v.value) ? "withheld" : n === null ? "none" : "value";
      out.push(
        `<g data-row="${escapeHtml(r.label)}" data-series="${escapeHtml(c.series[j] ?? "")}" data-state="${state}"${n === null ? "" : ` data-value="${n}"`}>` +
          (w > 0 ? `<rect x="${label}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${COLOURS[j % COLOURS.length]}"/>` : "") +
          `<text x="${(label + w + 6).toFixed(1)}" y="${y + BAR - 3}">${escapeHtml(v.text)}</text></g>`,
      );
    });
  });
  out.push("</svg>");
  return out.join("");
};
