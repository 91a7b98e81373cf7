/**
 * `npm run docs:screenshots`: the pictures of the HTML report in the README (docs/report-*.png),
 * taken in the machine's headless Chromium (LABX_CHROMIUM, else Debian's chromium-headless-shell)
 * from the demonstration log's figures.
 */
import { readFileSync } from "node:fs";
import puppeteer from "puppeteer-core";
import { DEMO_LOG } from "../examples/demo/paths.js";
import { computeFigures, createCodec, decodeJsonl, labEvents, renderHtmlReport } from "../src/index.js";

const { events } = decodeJsonl(createCodec(labEvents), readFileSync(DEMO_LOG, "utf8"));
const figures = computeFigures(events);
if (!figures.ok) throw new Error(figures.error.message);
const browser = await puppeteer.launch({
  executablePath: process.env.LABX_CHROMIUM ?? "/usr/bin/chromium-headless-shell",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const page = await browser.newPage();
await page.setViewport({ width: 900, height: 1200 });
const html = renderHtmlReport(figures.value, {
  title: "LabX-like innovation lab, 2017–2020 (demonstration log)",
  secret: process.env.LABX_SECRET ?? "the demonstration's secret: a real host keeps its own, out of its code",
});
if (!html.ok) throw new Error(html.error.message);
await page.setContent(html.value);
const bottom = (selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().bottom + window.scrollY);
const top = (selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().top + window.scrollY);
await page.screenshot({ path: "docs/report-headline.png", clip: { x: 0, y: 0, width: 900, height: (await bottom("#headline-cards")) + 16 } });
const from = (await top("#participation_by_year")) - 8;
await page.screenshot({
  path: "docs/report-chart.png",
  clip: { x: 0, y: from, width: 900, height: (await bottom("#participation_by_year figure")) - from + 16 },
});
await browser.close();
console.log("wrote docs/report-headline.png and docs/report-chart.png");
