/**
 * `npm run demo`: decode the bundled demonstration log, check it, rebuild every figure and print
 * the report (Markdown). Pass another JSON-lines file as the first argument to report on it.
 */
import { readFileSync } from "node:fs";
import { type Checkpoint, checkSequence, computeFigures, createCodec, decodeJsonl, labEvents, labHashView, renderReport, verify } from "../../src/index.js";
import { DEMO_CHECKPOINT, DEMO_LOG } from "./paths.js";

const file = process.argv[2] ?? DEMO_LOG;
const { events, stored, errors } = decodeJsonl(createCodec(labEvents), readFileSync(file, "utf8"));
for (const e of errors.slice(0, 20)) console.error(`${file}:${e.line}: ${e.reason}`);
if (errors.length > 0) {
  console.error(`${errors.length} line(s) could not be decoded; no report from a damaged log.`);
  process.exit(1);
}
// The published checkpoint goes with the bundled log; another file is checked on its own.
const published = file === DEMO_LOG ? (JSON.parse(readFileSync(DEMO_CHECKPOINT, "utf8")) as Checkpoint) : undefined;
const sealed = events.every((e) => e.hash !== undefined);
// Hashes cover the events as stored, before any upcast.
const check = sealed ? verify(stored, { hashView: labHashView, ...(published ? { checkpoint: published } : {}) }) : checkSequence(events);
if (!check.ok) {
  console.error(`${file}: ${check.error.message}`);
  process.exit(1);
}
console.log(renderReport(computeFigures(events), { title: "LabX-like innovation lab, 2017–2020 (demonstration log)" }));
const how = sealed ? `hash chains verified${published ? " against the published checkpoint" : ""}` : "not sealed: order checked only (versions gap-free, record time never backwards)";
console.log(`\n---\n${file}: ${events.length.toLocaleString("en-US")} events in ${check.value.streams.toLocaleString("en-US")} streams decoded; ${how}.`);
