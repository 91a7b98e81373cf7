// Every output of the demonstration log, in English and in Portuguese, reads in words: no code of a
// vocabulary (conditional_go, out, pre_commercial, eu_funds, PT17…) is printed as it is, headers
// start with a capital, and the territories the log names all have their NUTS 2021 names.
import { describe, expect, it } from "vitest";
import { en, exportOpenData, NUTS_2021_PT, ptPT, renderHtmlReport, renderReport, type Labels } from "../../src/publish/index.js";
import { must } from "../../src/testing/index.js";
import { demoFigures as f, SECRET } from "./demo-figures.js";
import { readFileSync } from "node:fs";
import { DEMO_LOG } from "../../examples/demo/paths.js";

const editions: readonly (readonly [string, Labels])[] = [
  ["en", en],
  ["pt-PT", ptPT],
];

// The codes whose words differ from the code (and are no other code's words, such as "other"): a cell
// holding one of them exactly was not translated. Numbers (evidence levels) are left to the numeric cells.
const rawCodes = (labels: Labels): Set<string> => {
  const words = new Set(Object.values(labels.codes).flatMap((w) => Object.values(w)));
  return new Set(
    Object.values(labels.codes).flatMap((w) =>
      Object.entries(w).flatMap(([code, text]) => (text === code || words.has(code) || /^\d+$/u.test(code) ? [] : [code])),
    ),
  );
};

const snake = /\b[a-z]+(?:_[a-z0-9]+)+\b/u;

// The cells of a Markdown report's tables (header rows apart), and its header cells.
const markdownCells = (md: string) => {
  const lines = md.split("\n");
  const rows = lines.filter((l) => l.startsWith("| "));
  const headers = lines.flatMap((l, i) => (l.startsWith("| ") && lines[i + 1]?.startsWith("|:--") ? [l] : []));
  const split = (l: string) =>
    l
      .slice(2, -2)
      .split(" | ")
      .map((c) => c.trim());
  return { body: rows.filter((l) => !headers.includes(l)).flatMap(split), headers: headers.flatMap(split) };
};

// The text of an HTML document's cells and headers (tags stripped, entities read).
const htmlCells = (html: string) => {
  const text = (s: string) =>
    s
      .replace(/<[^>]+>/gu, "")
      .replaceAll("&amp;", "&")
      .replaceAll("&#39;", "'")
      .replaceAll("&quot;", '"');
  const of = (re: RegExp) => [...html.matchAll(re)].map((m) => text(m[1] ?? ""));
  return {
    body: [...of(/<td[^>]*>(.*?)<\/td>/gsu), ...of(/<th scope="row">(.*?)<\/th>/gsu), ...of(/<dd>(.*?)<\/dd>/gsu), ...of(/<text[^>]*>(.*?)<\/text>/gsu)],
    headers: [...of(/<th scope="col"[^>]*>(.*?)<\/th>/gsu), ...of(/<dt[^>]*>(.*?)<\/dt>/gsu), ...of(/<h2[^>]*>(.*?)<\/h2>/gsu)],
    prose: text(html.replace(/<(style|title|desc)[^>]*>.*?<\/\1>/gsu, "").replace(/<[^>]+>/gu, " ")),
  };
};

describe("codes in words, in every output and both languages", () => {
  for (const [name, labels] of editions) {
    const codes = rawCodes(labels);
    it(`${name}: the Markdown report prints no code and capitalises its headers`, () => {
      const md = must(renderReport(f, { labels, secret: SECRET }));
      const { body, headers } = markdownCells(md);
      expect(body.length).toBeGreaterThan(1000);
      expect(body.filter((c) => codes.has(c))).toEqual([]);
      expect(headers.filter((h) => !/^[\p{Lu}\d]/u.test(h))).toEqual([]);
      const prose = md.replace(/```mermaid[\s\S]*?```/gu, "");
      expect(prose.match(snake)).toBeNull();
      for (const raw of ["conditional_go", "out/up/deep", "pre commercial", "eu funds"]) expect(md).not.toContain(raw);
      expect(md).not.toMatch(/^\| Reach \|/mu);
      // Text columns are left-aligned: an alignment row with a left column for every table.
      expect(md).toMatch(/^\|:--\|/mu);
    });
    it(`${name}: the HTML report prints no code and capitalises its headers`, () => {
      const html = must(renderHtmlReport(f, { labels, secret: SECRET }));
      const { body, headers, prose } = htmlCells(html);
      expect(body.length).toBeGreaterThan(1000);
      expect(body.filter((c) => codes.has(c))).toEqual([]);
      expect(headers.filter((h) => !/^[\p{Lu}\d]/u.test(h))).toEqual([]);
      expect(prose.match(snake)).toBeNull();
    });
    it(`${name}: the open data's titles and descriptions print no code`, () => {
      const files = must(exportOpenData(f, { labels, secret: SECRET })).files;
      const descriptor = JSON.parse(files["datapackage.json"] ?? "{}") as {
        title: string;
        description: string;
        resources: { title: string; description: string; schema: { fields: { title: string; description: string }[] } }[];
      };
      const texts = [
        descriptor.title,
        descriptor.description,
        ...descriptor.resources.flatMap((r) => [r.title, r.description, ...r.schema.fields.flatMap((x) => [x.title, x.description])]),
      ];
      expect(texts.filter((t) => snake.test(t) || codes.has(t))).toEqual([]);
      expect(descriptor.resources.flatMap((r) => r.schema.fields.map((x) => x.title)).filter((t) => !/^[\p{Lu}\d]/u.test(t))).toEqual([]);
    });
  }

  it("the Portuguese edition has words of its own for every table, column and code the English one has", () => {
    for (const [id, t] of Object.entries(en.tables)) {
      const pt = ptPT.tables[id as keyof typeof ptPT.tables];
      expect(Object.keys(pt.columns), id).toEqual(Object.keys(t.columns));
      expect(pt.title, id).not.toBe(t.title);
    }
    for (const [vocabulary, words] of Object.entries(en.codes)) {
      const pt = ptPT.codes[vocabulary as keyof typeof ptPT.codes];
      expect(Object.keys(pt).sort(), vocabulary).toEqual(Object.keys(words).sort());
    }
  });

  it("every territory the demonstration log names has its NUTS 2021 name, and the levels nest", () => {
    const used = new Set([...readFileSync(DEMO_LOG, "utf8").matchAll(/"territory":"([A-Z0-9]+)"/gu)].map((m) => m[1] ?? ""));
    expect(used.size).toBeGreaterThan(5);
    for (const code of used) expect(NUTS_2021_PT[code], code).toBeDefined();
    for (const code of used) expect(NUTS_2021_PT[code.slice(0, 4)], code).toBeDefined();
    const codes = Object.keys(NUTS_2021_PT);
    // NUTS 2021 for Portugal: 3 regions at level 1, 7 at level 2, 25 at level 3; no NUTS 2024 code.
    expect([3, 4, 5].map((n) => codes.filter((c) => c.length === n).length)).toEqual([3, 7, 25]);
    for (const c of codes) if (c.length > 2) expect(NUTS_2021_PT[c.slice(0, -1)], c).toBeDefined();
    for (const c of ["PT19", "PT1A", "PT1B", "PT1C", "PT1D"]) expect(NUTS_2021_PT[c]).toBeUndefined();
  });
});
