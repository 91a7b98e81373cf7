// What a reader reads off a release: every published people count, from each place it appears — the
// CSV resources, the Markdown tables, the HTML tables, headline cards and chart labels — and the
// numbers in the prose that bear on one. Written from the outputs alone, as an auditor would.
import type { Release, Resource } from "./release.js";

/** The people-count columns of each table, as the README describes them. */
export const PEOPLE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  headline: ["citizens", "civil_servants", "civil_servants_trained", "people", "anonymous_headcount", "reach", "participations"],
  participation_by_year: ["people", "citizens", "civil_servants", "participations", "anonymous_headcount"],
  participation_by_sector: ["people", "citizens", "civil_servants", "participations", "anonymous_headcount"],
  age_bands: ["people"],
  gender: ["people"],
};

/** A cell's key: table, row label (empty for the headline) and column. */
export const cellKey = (table: string, row: string, column: string): string => `${table}|${row}|${column}`;

/** One published form of a cell: a number, withheld (`[c]`), or something else (a dash, an empty cell). */
export type Shown = { readonly kind: "number"; readonly value: number } | { readonly kind: "withheld" } | { readonly kind: "other"; readonly text: string };

/** Read one published cell's text. */
export const shown = (text: string): Shown => {
  const t = text.trim();
  if (t === "[c]") return { kind: "withheld" };
  const plain = t.replace(/[,\s\u00a0\u202f]/gu, "");
  return /^-?\d+$/u.test(plain) ? { kind: "number", value: Number(plain) } : { kind: "other", text: t };
};

/** Every form of every people cell a release shows, by cell key, with where it was read. */
export type Observations = Map<string, { readonly source: string; readonly shown: Shown }[]>;

// The label of a row of a CSV table (empty for the one-row headline).
const rowLabel = (table: string, r: Resource, i: number): string => (table === "headline" ? "" : (r.rows[i]?.[0] ?? ""));

// Record the cells of one rendering of a table: `cells[i][j]` is row i, column j of the CSV's layout.
const observeGrid = (obs: Observations, release: Release, table: string, source: string, cell: (i: number, column: string) => string | undefined): void => {
  const r = release.csv.get(table);
  if (r === undefined) return;
  r.rows.forEach((_, i) => {
    for (const column of PEOPLE_COLUMNS[table] ?? []) {
      const text = cell(i, column);
      if (text === undefined) continue;
      const key = cellKey(table, rowLabel(table, r, i), column);
      obs.set(key, [...(obs.get(key) ?? []), { source, shown: shown(text) }]);
    }
  });
};

// The Markdown tables, in order: header and rows of cells.
const markdownTables = (md: string): string[][][] => {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of md.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.every((c) => /^:?-+:?$/u.test(c))) continue;
    if (current === undefined) tables.push((current = []));
    current.push(cells);
  }
  return tables;
};

// A one-row table is rendered transposed, one figure a row: "Figure | Value".
const transposed = (t: readonly (readonly string[])[]): boolean => t[0]?.[0] === "Figure" && t[0][1] === "Value";

// Which CSV table a Markdown table renders, from its header or, transposed, its first column (English labels).
const FIRST_LABEL: Readonly<Record<string, string>> = {
  "Challenges submitted": "headline",
  Year: "participation_by_year",
  Sector: "participation_by_sector",
  "Age band": "age_bands",
  Gender: "gender",
};
const markdownTableId = (t: readonly (readonly string[])[]): string | undefined => {
  const id = FIRST_LABEL[(transposed(t) ? t[1]?.[0] : t[0]?.[0]) ?? ""];
  // The sector table's header names projects next; other tables start with "Sector" too.
  return id === "participation_by_sector" && !transposed(t) && t[0]?.[1] !== "Projects" ? undefined : id;
};

const stripTags = (html: string): string =>
  html
    .replace(/<[^>]*>/gu, "")
    .replace(/&amp;/gu, "&")
    .replace(/&#39;/gu, "'")
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .trim();

// The HTML tables by id: rows of cell texts (header row first).
const htmlTables = (html: string): Map<string, string[][]> => {
  const out = new Map<string, string[][]>();
  for (const m of html.matchAll(/<table id="([a-z_]+)-table">([\s\S]*?)<\/table>/gu)) {
    const rows = [...(m[2] ?? "").matchAll(/<tr>([\s\S]*?)<\/tr>/gu)].map((tr) =>
      [...(tr[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/gu)].map((c) => stripTags(c[1] ?? "")),
    );
    out.set(m[1] ?? "", rows);
  }
  return out;
};

// A cell of a rendered table (header row first) in the CSV's layout, transposed or not.
const gridCell = (r: Resource, rendered: readonly (readonly string[])[], i: number, column: string): string | undefined => {
  const j = r.header.indexOf(column);
  if (j < 0) return undefined;
  return transposed(rendered) ? (i === 0 ? rendered[j + 1]?.[1] : undefined) : rendered[i + 1]?.[j];
};

/** Every published form of every people cell in a release: CSV, Markdown tables, HTML tables, cards and charts. */
export const observe = (release: Release): Observations => {
  const obs: Observations = new Map();
  for (const table of Object.keys(PEOPLE_COLUMNS)) {
    observeGrid(obs, release, table, "csv", (i, column) => {
      const r = release.csv.get(table);
      return r?.rows[i]?.[r.header.indexOf(column)];
    });
  }
  for (const t of markdownTables(release.markdown)) {
    const table = markdownTableId(t);
    const r = table === undefined ? undefined : release.csv.get(table);
    if (table === undefined || r === undefined) continue;
    observeGrid(obs, release, table, "markdown", (i, column) => gridCell(r, t, i, column));
  }
  const html = htmlTables(release.html);
  for (const [table, rows] of html) {
    const r = release.csv.get(table);
    if (r === undefined || PEOPLE_COLUMNS[table] === undefined) continue;
    observeGrid(obs, release, table, "html", (i, column) => gridCell(r, rows, i, column));
  }
  observeCards(obs, release);
  observeCharts(obs, release, html);
  return obs;
};

// The HTML headline cards: one <dd> per headline figure, in the headline's column order.
const observeCards = (obs: Observations, release: Release): void => {
  const cards = /<dl class="cards" id="headline-cards">([\s\S]*?)<\/dl>/u.exec(release.html)?.[1] ?? "";
  const values = [...cards.matchAll(/<dd>([\s\S]*?)<\/dd>/gu)].map((m) => stripTags(m[1] ?? ""));
  const r = release.csv.get("headline");
  if (r === undefined || values.length === 0) return;
  observeGrid(obs, release, "headline", "html cards", (_, column) => values[r.header.indexOf(column)]);
};

// The HTML charts' bar labels: `data-row` and `data-series` name the cell, by the table's row label and column title.
const observeCharts = (obs: Observations, release: Release, html: ReadonlyMap<string, string[][]>): void => {
  for (const m of release.html.matchAll(/<svg id="([a-z_]+)-chart"([\s\S]*?)<\/svg>/gu)) {
    const table = m[1] ?? "";
    const r = release.csv.get(table);
    const titles = html.get(table)?.[0] ?? [];
    if (r === undefined || PEOPLE_COLUMNS[table] === undefined) continue;
    for (const g of (m[2] ?? "").matchAll(/<g data-row="([^"]*)" data-series="([^"]*)" data-state="([a-z]+)"(?: data-value="([^"]*)")?/gu)) {
      const column = r.header[titles.indexOf(stripTags(g[2] ?? ""))];
      // The chart names a row by its label in the HTML table (a translated label, not the code).
      const i = (html.get(table) ?? []).slice(1).findIndex((row) => row[0] === stripTags(g[1] ?? ""));
      if (column === undefined || i < 0 || !(PEOPLE_COLUMNS[table] ?? []).includes(column)) continue;
      const key = cellKey(table, rowLabel(table, r, i), column);
      const text = g[3] === "withheld" ? "[c]" : (g[4] ?? "");
      obs.set(key, [...(obs.get(key) ?? []), { source: "html chart", shown: shown(text) }]);
    }
  }
};

/** A sentence of the prose that bears on a people count: money spent per person involved, or civil servants trained. */
export type ProseFact =
  | { readonly kind: "per person"; readonly spent: number; readonly perPerson: number; readonly source: string }
  | { readonly kind: "trained"; readonly shown: Shown; readonly source: string };

/** The prose facts of a release's Markdown and HTML text. */
export const proseFacts = (release: Release): ProseFact[] => {
  const facts: ProseFact[] = [];
  for (const [source, text] of [
    ["markdown", release.markdown],
    ["html", stripTags(release.html.replace(/<(p|li|td|dd|div)[^>]*>/gu, "\n"))],
  ] as const) {
    for (const m of text.matchAll(/([\d,]+) spent \(\d+%\); ([\d,]+) per person involved/gu)) {
      facts.push({ kind: "per person", spent: Number((m[1] ?? "").replace(/,/gu, "")), perPerson: Number((m[2] ?? "").replace(/,/gu, "")), source });
    }
    for (const m of text.matchAll(/civil servants trained \(distinct\): ([^.;\n]+)/gu)) facts.push({ kind: "trained", shown: shown(m[1] ?? ""), source });
  }
  return facts;
};
