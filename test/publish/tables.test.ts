// The published tables: the relations declared between their cells hold on every generated
// portfolio, and disclosure control over them leaves no small count recoverable.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CellRef, cellOf, figureTables, protect, publishTables, TABLE_COLUMNS } from "../../src/publish/index.js";
import { computeFigures, en, renderHtmlReport, renderReport, type Labels } from "../../src/index.js";
import { must } from "../../src/testing/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";
import { byNullSpace, bySubtraction } from "./attacker.js";
import { demoFigures, SECRET, withRationale } from "./demo-figures.js";

const logs = labArbitraries(fc).portfolioLog(3, 60);

describe("figureTables", () => {
  it("every declared relation (equation or inequality) holds, and protection leaves no count under the threshold recoverable, on generated portfolios", () => {
    const reached = { logs: 0, participations: 0, anonymous: 0, demographics: 0, withheld: 0, secondary: 0, subtracted: 0, tight: 0 };
    fc.assert(
      fc.property(logs, fc.integer({ min: 2, max: 40 }), (log, threshold) => {
        const f = must(computeFigures(log));
        const set = figureTables(f);
        reached.logs++;
        if (f.participation.overall.participations > 0) reached.participations++;
        if (f.participation.overall.anonymousHeadcount.total > 0) reached.anonymous++;
        if (Object.values(f.participation.overall.demographics.ageBands).some((n) => n > 0)) reached.demographics++;
        for (const r of set.relations) {
          const total = cellOf(set.tables, r.total);
          const sum = (cells: readonly CellRef[]) =>
            cells.map((p) => cellOf(set.tables, p)).reduce<number>((s, v) => s + (typeof v === "number" ? v : Number.NaN), 0);
          expect(typeof total).toBe("number");
          // total = Σ parts − Σ less (people = citizens + civil servants + others − both), or ≤ it.
          if (r.sense === "<=") {
            expect(total, JSON.stringify(r)).toBeLessThanOrEqual(sum(r.parts) - sum(r.less ?? []));
            if (total === sum(r.parts) - sum(r.less ?? []) && typeof total === "number" && total > 0) reached.tight++;
          } else expect(sum(r.parts) - sum(r.less ?? []), JSON.stringify(r.total)).toBe(total);
          if ((r.less ?? []).some((c) => cellOf(set.tables, c) !== 0)) reached.subtracted++;
        }
        for (const t of set.tables) expect(t.columns.map((c) => c.key)).toEqual(TABLE_COLUMNS[t.id as keyof typeof TABLE_COLUMNS].map((c) => c.key));
        const p = must(protect(set, { threshold }));
        if (p.withheld.length > 0) reached.withheld++;
        if (p.withheld.some((w) => w.withheld === "secondary")) reached.secondary++;
        const subtracted = bySubtraction(p.tables, set.relations);
        const solved = byNullSpace(p.tables, set.relations);
        for (const w of p.withheld.filter((x) => x.withheld === "primary")) {
          const k = `${w.table}|${w.row}|${w.column}`;
          expect(subtracted.has(k) || solved.has(k), k).toBe(false);
        }
      }),
      { numRuns: 150, seed: 20261130 },
    );
    console.log(`published tables property reached: ${JSON.stringify(reached)}`);
    expect(reached.participations).toBeGreaterThan(80);
    expect(reached.anonymous).toBeGreaterThan(25);
    expect(reached.demographics).toBeGreaterThan(8);
    expect(reached.withheld).toBeGreaterThan(80);
    expect(reached.secondary).toBeGreaterThan(12);
    // Relations with a subtracted cell that is not zero (someone in both roles), counted per relation checked.
    expect(reached.subtracted).toBeGreaterThan(0);
    // Inequalities that hold with equality (everyone came once; one year), so a wrong sense would fail.
    expect(reached.tight).toBeGreaterThan(100);
  });
});

describe("the reports people read", () => {
  it("the Markdown report says how people counts are protected; an exact one says it is for internal use only", () => {
    const published = must(renderReport(demoFigures, { secret: SECRET }));
    expect(published).toContain(en.noiseNote(2));
    expect(published).not.toContain(en.exactNote);
    const internal = must(renderReport(demoFigures, { exact: true }));
    expect(internal).toContain(en.exactNote);
    expect(internal).not.toContain(en.noiseNote(2));
  });

  it("free text is escaped: a rationale or KPI name cannot add markup to the page", () => {
    const hostile = withRationale(demoFigures, '<img src=x onerror="alert(1)">');
    const f = {
      ...hostile,
      impact: { ...hostile.impact, kpis: hostile.impact.kpis.map((k, i) => (i === 0 ? { ...k, name: "</table><script>alert(2)</script>" } : k)) },
    };
    const html = must(renderHtmlReport(f, { secret: SECRET }));
    expect(html).not.toMatch(/<img|<script/u);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("default-src 'none'");
    // Nothing the page could fetch: no src attribute, no link outside the page.
    expect(html).not.toMatch(/<[^>]+\ssrc=|<[^>]+href="(?!#)|url\(/u);
  });

  it("text and bars contrast with the page by at least 4.5:1 (WCAG AA)", () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return ((x ?? 0) + 0.05) / ((y ?? 0) + 0.05);
    };
    const html = must(renderHtmlReport(demoFigures, { secret: SECRET }));
    const inks = new Set([...html.matchAll(/(?:fill="|[;{]color:)(#[0-9a-f]{6})/gu)].map((m) => m[1] ?? ""));
    expect(inks.size).toBeGreaterThanOrEqual(4);
    for (const ink of inks) expect(ratio(ink, "#ffffff"), ink).toBeGreaterThanOrEqual(4.5);
    // Table headers sit on a tinted background.
    expect(ratio("#1a1a1a", "#eef2f7")).toBeGreaterThanOrEqual(4.5);
  });

  it("a translation is a labels object, not a fork: words and number formats change, machine names do not", () => {
    const pt: Labels = {
      ...en,
      locale: "pt-PT",
      title: "Relatório do laboratório de inovação",
      tables: {
        ...en.tables,
        headline: { ...en.tables.headline, title: "Números principais", columns: { ...en.tables.headline.columns, citizens: ["Cidadãos envolvidos", "…"] } },
      },
    };
    const html = must(renderHtmlReport(demoFigures, { labels: pt, secret: SECRET }));
    const citizens = cellOf(must(publishTables(demoFigures, { secret: SECRET })).tables, { table: "headline", row: 0, column: "citizens" });
    expect(html).toContain('<html lang="pt-PT">');
    expect(html).toContain("<h1>Relatório do laboratório de inovação</h1>");
    expect(html).toContain("Números principais");
    expect(html).toContain(`Cidadãos envolvidos</dt><dd>${Number(citizens).toLocaleString("pt-PT")}</dd>`);
    expect(figureTables(demoFigures, pt).tables.map((t) => t.id)).toEqual(figureTables(demoFigures).tables.map((t) => t.id));
  });
});
