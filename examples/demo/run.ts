/**
 * `npm run demo`: decode the bundled demonstration log, verify it, rebuild every figure and print
 * one screen — the verification first, then the headline, then where the full reports went. Pass
 * another JSON-lines file to report on it (its checkpoint, `<file>.checkpoint.json`, is used when it
 * is beside it). `--locale pt-PT` speaks Portuguese; `--markdown <file>`, `--html <file>` and
 * `--open-data <folder>` write the full reports (the Markdown report, the HTML page, the open-data
 * package: datapackage.json and CSVs).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { exportOpenData, renderHtmlReport, renderReport, startFigures } from "../../src/index.js";
import { en, markdownTable, ptPT, publishTables } from "../../src/publish/index.js";
import { failed } from "../shared/load-log.js";
import { readLog } from "../shared/read-log.js";
import { DEMO_LOG } from "./paths.js";

// The demo's own sentences, in each language it speaks; the report's words are the library's labels.
const SAYS = {
  en: {
    labels: en,
    demoTitle: "LabX-like innovation lab, 2017–2020 (demonstration log)",
    otherTitle: (file: string) => `Innovation lab report: ${file}`,
    decoded: (file: string, events: string, streams: string, how: string) => `${file}: ${events} events in ${streams} streams decoded; ${how}.`,
    sealed: (checkpoint: boolean) => `hash chains verified${checkpoint ? " against the published checkpoint" : ""}`,
    unsealed: "NOT SEALED: only the order was checked (versions gap-free, record time never backwards); nothing vouches for the content",
    wrote: "Full reports written:",
    markdown: "Markdown report",
    html: "HTML report",
    openData: (n: string) => `Open data (datapackage.json and ${n} CSV files)`,
    none: "Full reports: add --markdown report.md, --html report.html or --open-data open-data (and --locale pt-PT for Portuguese).",
  },
  "pt-PT": {
    labels: ptPT,
    demoTitle: "Laboratório de inovação tipo LabX, 2017–2020 (registo de demonstração)",
    otherTitle: (file: string) => `Relatório do laboratório de inovação: ${file}`,
    decoded: (file: string, events: string, streams: string, how: string) => `${file}: ${events} eventos em ${streams} fluxos descodificados; ${how}.`,
    sealed: (checkpoint: boolean) => `cadeias de hashes verificadas${checkpoint ? " face ao ponto de controlo publicado" : ""}`,
    unsealed: "SEM SELO: só a ordem foi verificada (versões sem falhas, tempo de registo nunca para trás); nada garante o conteúdo",
    wrote: "Relatórios completos escritos:",
    markdown: "Relatório Markdown",
    html: "Relatório HTML",
    openData: (n: string) => `Dados abertos (datapackage.json e ${n} ficheiros CSV)`,
    none: "Relatórios completos: acrescente --markdown relatorio.md, --html relatorio.html ou --open-data dados-abertos.",
  },
};

const usage =
  "usage: npm run demo [-- [<file.jsonl>] [--locale en|pt-PT] [--markdown <report.md>] [--html <report.html>] [--open-data <folder>]]" +
  "   (default: the bundled demonstration log, in English)";
const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(
    `${usage}\n\nDecodes the log, verifies its hash chains (and the checkpoint beside it), rebuilds every figure and prints the headline.\n` +
      "--markdown writes the full report as Markdown, --html as one self-contained HTML page, --open-data as a Frictionless Data Package;\n" +
      "--locale pt-PT writes them (and prints) in Portuguese. People counts carry small noise (at most ±2; the cell-key method) keyed by LABX_SECRET.",
  );
  process.exit(0);
}
// Options with a value, then at most one log file.
const OPTIONS = ["--locale", "--markdown", "--html", "--open-data"] as const;
type Option = (typeof OPTIONS)[number];
const given: Partial<Record<Option, string>> = {};
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i] ?? "";
  const value = args[i + 1];
  const option = OPTIONS.find((o) => o === a);
  if (option !== undefined && value !== undefined && !value.startsWith("-")) {
    given[option] = value;
    i++;
  } else if (a.startsWith("-") || files.length > 0) {
    console.error(`unexpected argument: ${a}\n${usage}`);
    process.exit(3);
  } else files.push(a);
}
const locale = given["--locale"] ?? "en";
if (locale !== "en" && locale !== "pt-PT") {
  console.error(`unknown locale: ${locale} (en or pt-PT)\n${usage}`);
  process.exit(3);
}
const says = SAYS[locale];
const labels = says.labels;
const count = (n: number) => n.toLocaleString(labels.locale);
const file = files[0] ?? DEMO_LOG;
// One pass over the file: decoded, verified and counted as it is read, never held whole.
const run = startFigures(undefined, { eachOnce: true }); // a repeated event fails the verification of the same pass
const loaded = await readLog(file, undefined, (events) => {
  for (const e of events) run.push(e);
});
if (failed(loaded)) {
  for (const line of loaded.lines) console.error(line);
  if (loaded.exit === 1) console.error("no report from a damaged log.");
  if (loaded.exit === 3) console.error(usage);
  process.exit(loaded.exit);
}
const figures = run.finish();
if (!figures.ok) {
  console.error(`${file}: no report — ${figures.error.message} [${figures.error.code}]`);
  process.exit(2);
}
// The secret that keys the noise on people counts: a host keeps its own (here LABX_SECRET) and reuses it
// for every release; the demonstration falls back to a fixed one, so its report is the same every run.
const secret = process.env.LABX_SECRET ?? "the demonstration's secret: a real host keeps its own, out of its code";
const title = file === DEMO_LOG ? says.demoTitle : says.otherTitle(file);
// Every output is made before anything is printed or written: a refusal leaves no half-written set.
const options = { title, labels, secret };
const made = {
  headline: publishTables(figures.value, { secret, labels }),
  markdown: given["--markdown"] === undefined ? undefined : renderReport(figures.value, options),
  html: given["--html"] === undefined ? undefined : renderHtmlReport(figures.value, options),
  openData: given["--open-data"] === undefined ? undefined : exportOpenData(figures.value, { ...options, created: new Date().toISOString() }),
};
for (const r of [made.headline, made.markdown, made.html, made.openData])
  if (r !== undefined && !r.ok) {
    console.error(`${file}: no report — ${r.error.message} [${r.error.code}]`);
    process.exit(2);
  }
const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
const written: string[] = [];
if (given["--markdown"] !== undefined && made.markdown?.ok) {
  write(given["--markdown"], made.markdown.value);
  written.push(`${says.markdown}: ${given["--markdown"]}`);
}
if (given["--html"] !== undefined && made.html?.ok) {
  write(given["--html"], made.html.value);
  written.push(`${says.html}: ${given["--html"]}`);
}
if (given["--open-data"] !== undefined && made.openData?.ok) {
  const data = made.openData.value.files;
  for (const [path, text] of Object.entries(data)) write(join(given["--open-data"], path), text);
  written.push(`${says.openData(count(Object.keys(data).length - 1))}: ${join(given["--open-data"], "datapackage.json")}`);
}

// One screen: what was verified, the headline, where the full reports went.
const how = loaded.integrity === "sealed" ? says.sealed(loaded.checkpoint !== null) : says.unsealed;
console.log(says.decoded(file, count(loaded.events), count(loaded.streams), how));
const headline = made.headline.ok ? made.headline.value.tables.find((t) => t.id === "headline") : undefined;
if (headline !== undefined) console.log(`\n# ${title}\n\n${markdownTable(headline, labels)}\n`);
console.log(written.length === 0 ? says.none : [says.wrote, ...written.map((w) => `- ${w}`)].join("\n"));
