/**
 * `npm run docs:screenshots`: the pictures of the HTML report in the README — docs/report-*.png, and
 * docs/screenshots/<locale>-<phone|desktop>.png at 390 and 1440 px in English and Portuguese — taken
 * in the machine's headless Chromium (LABX_CHROMIUM, else Debian's chromium-headless-shell) from the
 * demonstration log's figures.
 */
import { mkdirSync, readFileSync } from "node:fs";
import puppeteer, { type Page } from "puppeteer-core";
import { DEMO_LOG } from "../examples/demo/paths.js";
import { computeFigures, createCodec, decodeJsonl, labEvents, renderHtmlReport } from "../src/index.js";
import { en, ptPT, type Labels } from "../src/publish/index.js";

const { events } = decodeJsonl(createCodec(labEvents), readFileSync(DEMO_LOG, "utf8"));
const figures = computeFigures(events);
if (!figures.ok) throw new Error(figures.error.message);
const browser = await puppeteer.launch({
  executablePath: process.env.LABX_CHROMIUM ?? "/usr/bin/chromium-headless-shell",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const titles: Record<string, string> = {
  en: "LabX-like innovation lab, 2017–2020 (demonstration log)",
  "pt-PT": "Laboratório de inovação tipo LabX, 2017–2020 (registo de demonstração)",
};
// The secret that keys the noise on people counts; the pictures use the demonstration's.
const secret = process.env.LABX_SECRET ?? "the demonstration's secret: a real host keeps its own, out of its code";
const open = async (labels: Labels, width: number, height: number): Promise<Page> => {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const html = renderHtmlReport(figures.value, { title: titles[labels.locale === "en-GB" ? "en" : labels.locale], labels, secret });
  if (!html.ok) throw new Error(html.error.message);
  await page.setContent(html.value);
  return page;
};
const bottom = (page: Page, selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().bottom + window.scrollY);
const top = (page: Page, selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().top + window.scrollY);

// The README's two pictures: the headline cards and one chart.
const page = await open(en, 900, 1200);
await page.screenshot({ path: "docs/report-headline.png", clip: { x: 0, y: 0, width: 900, height: (await bottom(page, "#headline-cards")) + 16 } });
const from = (await top(page, "#participation_by_year")) - 8;
await page.screenshot({
  path: "docs/report-chart.png",
  clip: { x: 0, y: from, width: 900, height: (await bottom(page, "#participation_by_year figure")) - from + 16 },
});
await page.close();

// Phone and desktop, in both languages: the top of the report, and on a phone the first charts.
mkdirSync("docs/screenshots", { recursive: true });
const written = ["docs/report-headline.png", "docs/report-chart.png"];
const shots = [
  ["phone", 390, "body", "#headline-cards"],
  ["phone-charts", 390, "#stages", "#gates figure"],
  ["desktop", 1440, "body", "#stages figure"],
] as const;
for (const labels of [en, ptPT])
  for (const [name, width, first, last] of shots) {
    const p = await open(labels, width, 900);
    const path = `docs/screenshots/${labels === en ? "en" : "pt-PT"}-${name}.png`;
    const y = first === "body" ? 0 : (await top(p, first)) - 8;
    await p.screenshot({ path, clip: { x: 0, y, width, height: (await bottom(p, last)) - y + 16 } });
    written.push(path);
    await p.close();
  }
await browser.close();
console.log(`wrote ${written.join(", ")}`);
