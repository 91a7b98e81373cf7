/**
 * `npm run demo`: decode the bundled demonstration log, check it, rebuild every figure and print
 * the report (Markdown). Pass another JSON-lines file as the first argument to report on it.
 */
import { readFileSync } from "node:fs";
import { checkSequence, computeFigures, createCodec, decodeJsonl, labEvents, renderReport } from "../../src/index.js";
import { DEMO_LOG } from "./paths.js";

const file = process.argv[2] ?? DEMO_LOG;
const { events, errors } = decodeJsonl(createCodec(labEvents), readFileSync(file, "utf8"));
for (const e of errors.slice(0, 20)) console.error(`${file}:${e.line}: ${e.reason}`);
if (errors.length > 0) {
  console.error(`${errors.length} line(s) could not be decoded; no report from a damaged log.`);
  process.exit(1);
}
const sequence = checkSequence(events);
if (!sequence.ok) {
  console.error(`${file}: ${sequence.error.message}`);
  process.exit(1);
}
console.log(renderReport(computeFigures(events), { title: "LabX-like innovation lab, 2017–2020 (demonstration log)" }));
console.log(`\n---\n${file}: ${events.length.toLocaleString("en-US")} events in ${sequence.value.streams.toLocaleString("en-US")} streams decoded and checked (versions gap-free, record time never backwards).`);
