// The HTML report in a real browser (headless Chromium, the machine's own, driven by puppeteer-core):
// no console errors, no request beyond the page itself, charts whose numbers are the figures, a
// phone-width layout without sideways scrolling, A4 printing; screenshots kept as CI artefacts.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { must } from "../../src/testing/index.js";
import { isWithheld, PRECISION, ptPT, publishTables, type Table } from "../../src/publish/index.js";
import { renderHtmlReport } from "../../src/index.js";
import { demoFigures as f, SECRET } from "./demo-figures.js";

const candidates = [process.env.LABX_CHROMIUM, "/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].filter((x): x is string => !!x);
const executablePath = candidates.find((x) => existsSync(x));
const required = process.env.LABX_BROWSER_REQUIRED === "1";
const artefacts = resolve(process.env.LABX_ARTIFACTS ?? "artifacts", "browser");

// Without the background-networking flags Chromium tries to reach Google's hosts at start.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface Bar {
  row: string;
  series: string;
  state: string;
  value: number | null;
}

describe.skipIf(executablePath === undefined && !required)("the HTML report in headless Chromium", () => {
  let browser: Browser;
  let server: Server;
  const pages = new Map<string, string>();
  let base = "";

  beforeAll(async () => {
    if (executablePath === undefined) throw new Error(`no Chromium found at ${candidates.join(", ")}: install Debian's chromium-headless-shell`);
    pages.set("/report.html", must(renderHtmlReport(f, { title: "LabX-like innovation lab (demonstration log)", secret: SECRET })));
    pages.set("/relatorio.html", must(renderHtmlReport(f, { labels: ptPT, secret: SECRET })));
    pages.set("/exact.html", must(renderHtmlReport(f, { title: "Exact counts, for internal use", exact: true })));
    server = createServer((req, res) => {
      const body = pages.get(req.url ?? "");
      res.writeHead(body === undefined ? 404 : 200, { "content-type": "text/html; charset=utf-8" });
      res.end(body ?? "not found");
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await puppeteer.launch({ executablePath, args: ARGS });
    mkdirSync(artefacts, { recursive: true });
    console.log(`browser screenshots and PDF: ${artefacts}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
  });

  // Open a page, recording every request it makes and every console message and page error.
  const open = async (path: string, width: number, height = 900) => {
    const page = await browser.newPage();
    await page.setViewport({ width, height });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warn") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${String(e)}`));
    await page.goto(`${base}${path}`, { waitUntil: "load" });
    return { page, requests, problems };
  };

  const bars = (page: Page, chart: string): Promise<Bar[]> =>
    page.$$eval(`#${chart}-chart g[data-series]`, (gs) =>
      gs.map((g) => ({
        row: g.getAttribute("data-row") ?? "",
        series: g.getAttribute("data-series") ?? "",
        state: g.getAttribute("data-state") ?? "",
        value: g.hasAttribute("data-value") ? Number(g.getAttribute("data-value")) : null,
      })),
    );

  // The chart's bars, series by series, against the table's cells.
  const expectChartIs = (got: Bar[], t: Table, series: readonly string[]) => {
    const expected = t.rows.flatMap((row) =>
      series.map((key) => {
        const v = row[t.columns.findIndex((c) => c.key === key)] ?? null;
        return { state: isWithheld(v) ? "withheld" : typeof v === "number" ? "value" : "none", value: typeof v === "number" ? v : null };
      }),
    );
    expect(got.map(({ state, value }) => ({ state, value }))).toEqual(expected);
  };

  it("loads with no console error and no request but its own; every chart is named, described and followed by its table", async () => {
    const { page, requests, problems } = await open("/report.html", 1280);
    expect(problems).toEqual([]);
    expect(requests).toEqual([`${base}/report.html`]);
    const charts = await page.$$eval("svg.chart", (svgs) =>
      svgs.map((s) => ({
        role: s.getAttribute("role"),
        title: s.querySelector("title")?.textContent ?? "",
        desc: s.querySelector("desc")?.textContent ?? "",
        tableAfter: s.closest("figure")?.nextElementSibling?.querySelector("table") !== null,
      })),
    );
    expect(charts.length).toBe(10);
    for (const c of charts) expect(c).toMatchObject({ role: "img", tableAfter: true, title: expect.stringMatching(/\S/u), desc: expect.stringMatching(/\S/u) });
    expect(await page.$$eval("h1", (h) => h.length)).toBe(1);
    await page.screenshot({ path: join(artefacts, "report-desktop.png"), fullPage: true });
    await page.screenshot({ path: join(artefacts, "report-top.png") });
    await page.close();
  }, 60_000);

  it("the exact report's charts are the figures themselves, and its footer says it is for internal use", async () => {
    const { page } = await open("/exact.html", 1280);
    const year = await bars(page, "participation_by_year");
    const years = Object.keys(f.participation.slices).filter((k) => k.startsWith("year:"));
    expect(year.filter((b) => b.series === "Citizens").map((b) => [b.row, b.value])).toEqual(
      years.map((k) => [k.slice(5), f.participation.slices[k]?.distinctByRole.citizen]),
    );
    expect(year.filter((b) => b.series === "Civil servants").map((b) => b.value)).toEqual(
      years.map((k) => f.participation.slices[k]?.distinctByRole.civil_servant),
    );
    // Shares are published to PRECISION.share decimal places.
    const share = (x: number | null) => (x === null ? null : Math.round(x * 10 ** PRECISION.share) / 10 ** PRECISION.share);
    expect((await bars(page, "gates")).map((b) => b.value)).toEqual(["G1", "G2", "G3", "G4"].map((g) => share(f.portfolio.gateConversion[g as "G1"].rate)));
    expect((await bars(page, "kpis")).map((b) => b.value)).toEqual(f.impact.kpis.map((k) => share(k.progress)));
    const cards = await page.$$eval("#headline-cards dd", (dd) => dd.map((d) => Number((d.textContent ?? "").replaceAll(",", ""))));
    const h = f.headline;
    const o = f.participation.overall;
    expect(cards.slice(0, 8)).toEqual([
      h.projects,
      h.projectsImplemented,
      h.citizens,
      h.civilServants,
      h.civilServantsTrained,
      o.citizensAlsoCivilServants,
      o.othersInvolved,
      h.distinctParticipants,
    ]);
    // The cards reconcile: people = citizens + civil servants − both + others (13,853 = 11,351 + 2,369 − 0 + 133 on the demo log).
    expect((cards[2] ?? 0) + (cards[3] ?? 0) - (cards[5] ?? 0) + (cards[6] ?? 0)).toBe(cards[7]);
    expect(await page.$eval("footer", (x) => x.textContent ?? "")).toContain("internal use only");
    await page.close();
  }, 60_000);

  it("the protected report's charts and cards are the published tables', noise and all", async () => {
    const { page } = await open("/report.html", 1280);
    const { tables } = must(publishTables(f, { secret: SECRET }));
    const headline = tables.find((t) => t.id === "headline") as Table;
    const cards = await page.$$eval("#headline-cards dd", (dd) => dd.map((d) => Number((d.textContent ?? "").replaceAll(",", ""))));
    expect(cards).toEqual(headline.rows[0]);
    const charted: Record<string, string[]> = {
      stages: ["entered", "now"],
      gates: ["conversion"],
      participation_by_year: ["citizens", "civil_servants"],
      participation_by_sector: ["citizens", "civil_servants"],
      age_bands: ["people"],
      gender: ["people"],
      time_in_stage: ["median_days", "median_days_net"],
      pauses: ["days_paused"],
      procurement: ["median_days"],
      kpis: ["progress"],
    };
    for (const [id, series] of Object.entries(charted)) expectChartIs(await bars(page, id), tables.find((t) => t.id === id) as Table, series);
    await page.close();
  }, 60_000);

  it("on a phone the page does not scroll sideways; printed, it fills A4 pages", async () => {
    const { page } = await open("/report.html", 390, 844);
    const [scrollWidth, innerWidth] = (await page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")) as number[];
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth ?? 0);
    await page.screenshot({ path: join(artefacts, "report-phone.png") });
    const pdf = Buffer.from(await page.pdf({ format: "A4", printBackground: true }));
    writeFileSync(join(artefacts, "report.pdf"), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pagesPrinted = pdf.toString("latin1").match(/\/Type\s*\/Page\b/gu)?.length ?? 0;
    expect(pagesPrinted).toBeGreaterThan(3);
    await page.close();
  }, 60_000);
});
