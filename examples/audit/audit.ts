/**
 * The auditor's tool: read a JSON-lines event log, verify it, and print what an auditor asks for —
 * a project's history, its decision trail, and the figures as of a date.
 *
 *   npm run audit -- <file> [--as-of DATE] [--by occurredAt|recordedAt] [--project ID] [--checkpoint FILE]
 *
 * Exit codes: 0 verified, 1 unreadable or damaged lines, 2 a broken chain or checkpoint, 3 bad arguments.
 * The example may do I/O; the library it calls does none.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  auditTrail,
  type Checkpoint,
  checkSequence,
  computeFigures,
  createCodec,
  decodeJsonl,
  historyOf,
  IsoUtc,
  labEvents,
  labHashView,
  labProjections,
  project,
  verify,
} from "../../src/index.js";

const usage = "usage: npm run audit -- <file.jsonl> [--as-of 2019-12-31T23:59:59Z] [--by occurredAt|recordedAt] [--project ID] [--checkpoint FILE]";
const fail = (code: number, message: string): never => {
  console.error(message);
  process.exit(code);
};

const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { "as-of": { type: "string" }, by: { type: "string" }, project: { type: "string" }, checkpoint: { type: "string" } } });
  } catch (e) {
    return fail(3, `${(e as Error).message}\n${usage}`);
  }
})();
const file = positionals[0] ?? fail(3, usage);
if (!existsSync(file)) fail(3, `${file}: no such file.`);
const by = values.by ?? "occurredAt";
if (by !== "occurredAt" && by !== "recordedAt") fail(3, `--by must be occurredAt or recordedAt, not "${by}".`);
const asOfText = values["as-of"];
// A bare date means the end of that day.
const asOfAt = asOfText === undefined ? undefined : /^\d{4}-\d\d-\d\d$/u.test(asOfText) ? `${asOfText}T23:59:59.999Z` : asOfText;
if (asOfAt !== undefined && !IsoUtc.safeParse(asOfAt).success) fail(3, `--as-of "${asOfText}" is not a date: give YYYY-MM-DD or an ISO-8601 UTC time.`);
const asOf = asOfAt === undefined ? undefined : { at: asOfAt, by: by as "occurredAt" | "recordedAt" };

// 1. Read: every line must decode.
const { events, stored, errors } = decodeJsonl(createCodec(labEvents), readFileSync(file, "utf8"));
if (errors.length > 0) {
  for (const e of errors.slice(0, 50)) console.error(`${file}:${e.line}: ${e.reason}`);
  fail(1, `${file}: ${errors.length} damaged line(s) out of ${errors.length + events.length}; the log cannot be trusted as it is.`);
}

// 2. Verify: hash chains, and the published checkpoint if there is one.
const checkpointFile = values.checkpoint ?? file.replace(/\.jsonl$/u, ".checkpoint.json");
const published = existsSync(checkpointFile) ? (JSON.parse(readFileSync(checkpointFile, "utf8")) as Checkpoint) : undefined;
const sealed = stored.length > 0 && stored.every((e) => e.hash !== undefined);
if (sealed) {
  const r = verify(stored, { hashView: labHashView, ...(published ? { checkpoint: published } : {}) });
  if (!r.ok) fail(2, `${file}: NOT VERIFIED — ${r.error.message} [${r.error.code}]`);
  else {
    console.log(`${file}: ${r.value.events.toLocaleString("en-US")} events in ${r.value.streams} streams; every hash chain verified${published ? ` against checkpoint ${checkpointFile} (root ${published.root.slice(0, 16)}…)` : " (no checkpoint: a cut-off tail would not show)"}.`);
    if (r.value.beyondCheckpoint.length > 0) console.log(`  ${r.value.beyondCheckpoint.length} stream(s) hold events recorded after the checkpoint: ${r.value.beyondCheckpoint.slice(0, 5).join(", ")}${r.value.beyondCheckpoint.length > 5 ? ", …" : ""}`);
  }
} else {
  const r = checkSequence(events);
  if (!r.ok) fail(2, `${file}: NOT VERIFIED — ${r.error.message} [${r.error.code}]`);
  console.log(`${file}: not sealed — only the order of events could be checked (${events.length} events).`);
}

const table = (head: string[], rows: string[][]) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  console.log(head.map((h, i) => h.padEnd(widths[i] ?? 0)).join("  "));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  "));
};

// 3. A project's history and decision trail.
if (values.project !== undefined) {
  const history = historyOf(events, values.project).filter((h) => asOf === undefined || Date.parse(h[asOf.by]) <= Date.parse(asOf.at));
  if (history.length === 0) fail(3, `No events for project ${values.project}${asOf ? ` as of ${asOf.at}` : ""}.`);
  console.log(`\nHistory of ${values.project}${asOf ? ` as of ${asOf.at} (${asOf.by})` : ""}:`);
  table(
    ["occurred", "recorded", "v", "event", "actor", "stage", "status"],
    history.map((h) => [h.occurredAt.slice(0, 16), h.recordedAt.slice(0, 16), String(h.version), h.type, `${h.actor.id} (${h.actor.role})`, h.state.stage, h.state.status]),
  );
  const trail = auditTrail(project(labProjections, asOf ? events.filter((e) => Date.parse(e[asOf.by]) <= Date.parse(asOf.at)) : events).state.auditTrail, values.project);
  console.log(`\nDecision trail of ${values.project}:`);
  for (const x of trail) {
    console.log(`- ${x.occurredAt.slice(0, 10)} (recorded ${x.recordedAt.slice(0, 10)}) ${x.summary} — by ${x.actor.id} (${x.actor.role})`);
    if (x.decision) {
      if (x.decision.rationale) console.log(`    rationale: ${x.decision.rationale}`);
      if (x.decision.evidence.length > 0) console.log(`    evidence: ${x.decision.evidence.join(", ")}`);
      if (x.decision.conditions?.length) console.log(`    conditions: ${x.decision.conditions.join("; ")}`);
    }
  }
}

// 4. The figures, as of a date.
const f = computeFigures(events, asOf);
console.log(`\nFigures${asOf ? ` as of ${asOf.at} by ${asOf.by === "recordedAt" ? "record time" : "business time"}` : ""}:`);
table(
  ["figure", "value"],
  Object.entries(f.headline).map(([k, v]) => [k, v.toLocaleString("en-US")]),
);
