/**
 * Kernel benchmarks over a synthetic log (default 1,000,000 events in 10,000 streams). Each section
 * runs in a fresh process; every figure is the median of several runs, and each ratio compares
 * two figures measured in the same process.
 *
 * Run: npm run bench   (BENCH_EVENTS=100000 BENCH_STREAMS=1000 for a quick look)
 */
import { spawnSync } from "node:child_process";
import type { Row } from "./synthetic.js";

const only = process.argv.slice(2);
// Sections are "file:name" (file under bench/); kernel sections may be named alone.
const names =
  only.length > 0 ? only : ["fold", "project", "decode", "append", "commands", "lab:integrity", "lab:decode", "lab:projections", "lab:demo", "lab:live"];
const rows: Row[] = [];
for (const name of names) {
  process.stderr.write(`… ${name}\n`);
  const [file, section] = name.includes(":") ? name.split(":") : ["kernel", name];
  const child = spawnSync(process.execPath, ["--max-old-space-size=8192", "--expose-gc", "--import", "tsx", `bench/${file}.ts`, section ?? ""], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`section ${name} failed`);
  rows.push(...(JSON.parse(child.stdout) as Row[]));
}

const events = Number(process.env.BENCH_EVENTS ?? 1_000_000).toLocaleString("en-US");
const streams = Number(process.env.BENCH_STREAMS ?? 10_000).toLocaleString("en-US");
console.log(`\nlabx-core benchmark — ${events} events in ${streams} streams, Node ${process.version}, medians\n`);
// A row without a time (memory) shows its ratio only.
const table = rows.map((r) => [
  r.what,
  r.n.toLocaleString("en-US"),
  r.ms === 0 ? "" : `${r.ms.toFixed(1)} ms`,
  r.ms === 0 ? "" : `${Math.round((r.n / r.ms) * 1000).toLocaleString("en-US")}/s`,
  r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}×`,
  r.target ?? "",
]);
const header = ["what", "events", "median", "rate", "ratio", "target"];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] as string).length)));
const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
console.log(line(header));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const r of table) console.log(line(r));
