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
import { figureTables, isWithheld, PRECISION, protect, ptPT, type Table } from "../../src/publish/index.js";
import { renderHtmlReport } from "../../src/index.js";
import { demoFigures as f } from "./demo-figures.js";

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
    pages.set("/report.html", must(renderHtmlReport(f, { title: "LabX-like innovation lab (demonstration log)" })));
    pages.set("/withheld.html", must(renderHtmlReport(f, { title: "Withheld under 400", threshold: 400 })));
    pages.set("/relatorio.html", must(renderHtmlReport(f, { labels: ptPT })));
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

  it("the charts' numbers are the figures", async () => {
    const { page } = await open("/report.html", 1280);
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
    // Every chart against its published table.
    const { tables } = must(protect(figureTables(f)));
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

  it("withheld cells draw no bar and carry no number", async () => {
    const { page, problems } = await open("/withheld.html", 1280);
    expect(problems).toEqual([]);
    const { tables, withheld } = must(protect(figureTables(f), { threshold: 400 }));
    const sector = await bars(page, "participation_by_sector");
    expectChartIs(sector, tables.find((t) => t.id === "participation_by_sector") as Table, ["citizens", "civil_servants"]);
    expect(sector.filter((b) => b.state === "withheld").length).toBeGreaterThan(0);
    // The table after the chart says [c] where the cell is withheld, and the chart draws no bar for it.
    const cells = await page.$$eval("#participation_by_sector-table tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")));
    const raw = figureTables(f).tables.find((x) => x.id === "participation_by_sector") as Table;
    const ws = withheld.filter((x) => x.table === "participation_by_sector");
    expect(ws.length).toBeGreaterThan(0);
    for (const w of ws) {
      const j = raw.columns.findIndex((c) => c.key === w.column);
      expect(cells[w.row]?.[j]).toBe("[c]");
      expect(sector.find((b) => b.row === cells[w.row]?.[0] && b.series === raw.columns[j]?.title)?.value ?? null).toBeNull();
    }
    await page.screenshot({ path: join(artefacts, "report-withheld.png"), fullPage: false, clip: await clipOf(page, "#participation_by_sector") });
    await page.close();
  }, 60_000);

  // Every text of every chart, against the chart's own box: a label cut off at the edge lies outside it.
  const clipped = (page: Page) =>
    page.$$eval("svg.chart", (svgs) =>
      svgs.flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("text")].flatMap((t) => {
          const r = t.getBoundingClientRect();
          const inside = r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
          return inside ? [] : [`${svg.id}: "${t.textContent ?? ""}" ${Math.round(r.left - box.left)}…${Math.round(r.right - box.right)} px`];
        });
      }),
    );

  for (const width of [390, 1000, 1440])
    it(`at ${width} px, in English and in Portuguese, every chart label lies inside its chart`, async () => {
      for (const path of ["/report.html", "/relatorio.html"]) {
        const { page, problems } = await open(path, width);
        // Open the folded sections, so their charts are laid out and measured too.
        await page.$$eval("details", (ds) => ds.forEach((d) => d.setAttribute("open", "")));
        const texts = await page.$$eval("svg.chart text", (ts) => ts.length);
        expect(texts).toBeGreaterThan(200);
        expect(await clipped(page), path).toEqual([]);
        expect(problems).toEqual([]);
        await page.close();
      }
    }, 60_000);

  it("the decision trail is folded behind a summary that opens it, and printed unfolded", async () => {
    const { page } = await open("/report.html", 1000);
    const folded = await page.$eval("#decisions details", (d) => ({ open: d.hasAttribute("open"), summary: d.querySelector("summary")?.textContent ?? "" }));
    expect(folded).toEqual({ open: false, summary: `Show the whole table (${f.auditTrail.filter((x) => x.decision !== undefined).length} rows)` });
    const visible = () => page.$eval("#decisions-table", (t) => t.checkVisibility());
    expect(await visible()).toBe(false);
    await page.emulateMediaType("print");
    expect(await visible()).toBe(true);
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

const clipOf = async (page: Page, selector: string) => {
  const box = await (await page.$(selector))?.boundingBox();
  return box ? { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1400) } : undefined;
};
