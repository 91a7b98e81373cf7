// Units as people read them, in both languages, and one set of figures in all three outputs.
import { describe, expect, it } from "vitest";
import { en, exportOpenData, formatValue, publishTables, ptPT, renderHtmlReport, renderReport, type Column, type Labels } from "../../src/publish/index.js";
import { must } from "../../src/testing/index.js";
import { demoFigures as f, SECRET } from "./demo-figures.js";

const column = (format: Column["format"], type: Column["type"] = "number"): Column => ({
  key: "x",
  title: "X",
  description: "",
  type,
  ...(format ? { format } : {}),
});

describe("units", () => {
  it("days are pluralised in both languages", () => {
    const d = column("days");
    expect([0, 1, 2, 1.4, 377].map((n) => formatValue(n, d, en))).toEqual(["0 days", "1 day", "2 days", "1 day", "377 days"]);
    expect([0, 1, 2, 377].map((n) => formatValue(n, d, ptPT))).toEqual(["0 dias", "1 dia", "2 dias", "377 dias"]);
  });

  it("shares read as percentages capped at ±200%, with the note saying so", () => {
    const s = column("share");
    expect([0.456, 1.26, 2, 6.73, 19, -1.48, -3].map((x) => formatValue(x, s, en))).toEqual([
      "46%",
      "126%",
      "200%",
      "above 200%",
      "above 200%",
      "-148%",
      "below -200%",
    ]);
    expect([19, -3].map((x) => formatValue(x, s, ptPT))).toEqual(["acima de 200%", "abaixo de -200%"]);
    const kpis = must(publishTables(f, { secret: SECRET })).tables.find((t) => t.id === "kpis");
    expect(kpis?.description).toContain("above or below 200%");
  });

  it("a ratio reads as a ratio, not money, and money by year has no share of budget", () => {
    const { tables } = must(publishTables(f, { secret: SECRET }));
    const value = tables.find((t) => t.id === "contract_value");
    const ratio = value?.columns.find((c) => c.key === "ratio");
    expect(ratio?.format).toBe("decimal");
    expect(formatValue(0.8712, ratio ?? column("decimal"), en)).toBe("0.87");
    expect(formatValue(0.8712, ratio ?? column("decimal"), ptPT)).toBe("0,87");
    const byYear = tables.find((t) => t.id === "money_by_year");
    expect(byYear?.columns.map((c) => c.title)).toEqual(["Currency", "Year", "Allocated in that year", "Spent in that year"]);
    const md = must(renderReport(f, { secret: SECRET }));
    expect(md).not.toMatch(/spent of budget|EUR 0\.87|\b1 days\b|1900/u);
  });

  it("a KPI that should fall says so, and whether its effect is an improvement", () => {
    const kpis = must(publishTables(f, { secret: SECRET })).tables.find((t) => t.id === "kpis");
    const at = (key: string) => kpis?.columns.findIndex((c) => c.key === key) ?? -1;
    const rows = kpis?.rows ?? [];
    const falling = rows.filter((r) => r[at("direction")] === "decrease" && typeof r[at("effect")] === "number" && (r[at("effect")] as number) < 0);
    expect(falling.length).toBeGreaterThan(5);
    for (const r of falling) expect(r[at("improved")]).toBe(true);
    expect(formatValue("decrease", { ...column("code", "string"), vocabulary: "direction" }, en)).toBe("lower is better");
  });

  it("published numbers keep their documented precision (no 16-digit rates in the CSVs)", () => {
    const files = must(exportOpenData(f, { secret: SECRET })).files;
    const long = Object.entries(files)
      .filter(([path]) => path.endsWith(".csv"))
      .flatMap(([path, text]) => (text.match(/\d+\.\d{5,}/gu) ?? []).map((n) => `${path}: ${n}`));
    expect(long).toEqual([]);
  });
});

describe("one set of figures in all three outputs", () => {
  const check = (labels: Labels) => {
    const { tables } = must(publishTables(f, { secret: SECRET, labels }));
    const md = must(renderReport(f, { labels, secret: SECRET }));
    const html = must(renderHtmlReport(f, { labels, secret: SECRET }));
    const descriptor = JSON.parse(must(exportOpenData(f, { labels, secret: SECRET })).files["datapackage.json"] ?? "{}") as {
      resources: { name: string; title: string }[];
    };
    expect(tables.length).toBeGreaterThan(25);
    expect(descriptor.resources.map((r) => [r.name, r.title])).toEqual(tables.map((t) => [t.id, t.title]));
    for (const t of tables) {
      expect(md, t.id).toContain(`\n## ${t.title}\n`);
      expect(html, t.id).toContain(`<section id="${t.id}"`);
    }
    // Every cell of the Markdown's tables is a cell of the HTML's, formatted alike (the decision trail
    // shows its latest rows; the timelines are drawn as a chart).
    const cells = (text: string, re: RegExp) => new Set([...text.matchAll(re)].map((m) => (m[1] ?? "").trim()));
    const htmlCells = cells(html.replaceAll("&amp;", "&").replaceAll("&#39;", "'"), /<t[dh][^>]*>([^<]*)<\/t[dh]>/gu);
    const mdCells = [...cells(md, /(?<=\| )([^|\n]+?)(?= \|)/gu)].filter((c) => !/^:?-+:?$/u.test(c));
    expect(mdCells.filter((c) => !htmlCells.has(c.replaceAll("\\|", "|")))).toEqual([]);
  };
  it("in English", () => check(en));
  it("in Portuguese", () => check(ptPT));
});
