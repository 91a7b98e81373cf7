/**
 * The auditor's tool: read a JSON-lines event log, verify it, and print what an auditor asks for —
 * a project's history, its decision trail, and the figures as of a date.
 *
 *   npm run audit -- <file> [--as-of DATE] [--by occurredAt|recordedAt] [--project ID] [--checkpoint FILE]
 *
 * Exit codes: 0 verified; 1 damaged lines; 2 a broken chain or checkpoint, or a log partly sealed,
 * or unsealed while a checkpoint vouches for it; 3 bad arguments or files; 4 a log with no hash at
 * all and no checkpoint: its order was checked, but nothing vouches for its content.
 * The example may do I/O; the library it calls does none.
 */
import { parseArgs } from "node:util";
import { type Envelope, historyOf, Instant, type LabEvent, startFigures } from "../../src/index.js";
import { failed } from "../shared/load-log.js";
import { readLog } from "../shared/read-log.js";

const usage = "usage: npm run audit -- <file.jsonl> [--as-of 2019-12-31T23:59:59Z] [--by occurredAt|recordedAt] [--project ID] [--checkpoint FILE]";
const help = `${usage}

Verifies every hash chain of the log (and the checkpoint: --checkpoint FILE, or <file>.checkpoint.json
beside the log), then prints a project's history and decision trail (--project) and the figures, as
of a date by business time (--as-of, --by occurredAt) or record time (--by recordedAt).
Exit codes: 0 verified, 1 damaged lines, 2 broken chain or checkpoint, 3 bad arguments or files,
4 not sealed and no checkpoint (order checked only: nothing vouches for the content).`;
const fail = (code: number, message: string): never => {
  console.error(message);
  process.exit(code);
};

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        "as-of": { type: "string" },
        by: { type: "string" },
        project: { type: "string" },
        checkpoint: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return fail(3, `${(e as Error).message}\n${usage}`);
  }
})();
if (values.help === true) {
  console.log(help);
  process.exit(0);
}
const file = positionals[0] ?? fail(3, usage);
if (positionals.length > 1) fail(3, `one log at a time, not ${positionals.length}.\n${usage}`);
const by = values.by ?? "occurredAt";
if (by !== "occurredAt" && by !== "recordedAt") fail(3, `--by must be occurredAt or recordedAt, not "${by}".\n${usage}`);
const asOfText = values["as-of"];
// A bare date means the end of that day.
const asOfAt = asOfText === undefined ? undefined : /^\d{4}-\d\d-\d\d$/u.test(asOfText) ? `${asOfText}T23:59:59.999Z` : asOfText;
if (asOfAt !== undefined && !Instant.safeParse(asOfAt).success)
  fail(3, `--as-of "${asOfText}" is not a date: give YYYY-MM-DD or an ISO-8601 UTC time.\n${usage}`);
const asOf = asOfAt === undefined ? undefined : { at: asOfAt, by: by as "occurredAt" | "recordedAt" };

// 1. Read and verify, in one pass over the file that also counts the figures as of the date and
// keeps the one project's events (with the log's erasures, which its history must honour): the
// log itself is never held, so a national log of millions of events fits in memory.
// The same pass verifies (or checks the order of) the log, which refuses a repeated event: the
// figures need remember no event id (`eachOnce`), so memory follows their state.
const figuresRun = startFigures(asOf, { eachOnce: true });
const ofProject: Envelope<LabEvent>[] = [];
const projectStream = values.project === undefined ? undefined : `project:${values.project}`;
const loaded = await readLog(file, values.checkpoint, (events) => {
  for (const e of events) {
    figuresRun.push(e);
    if (e.streamId === projectStream || (projectStream !== undefined && e.type === "ParticipantForgotten")) ofProject.push(e);
  }
});
if (failed(loaded)) {
  for (const line of loaded.lines) console.error(line);
  if (loaded.exit === 3) console.error(usage);
  process.exit(loaded.exit);
}
const figures = figuresRun.finish();
const events = loaded.events;
if (loaded.integrity === "sealed") {
  const cp = loaded.checkpoint;
  console.log(
    `${file}: ${events.toLocaleString("en-US")} events in ${loaded.streams} streams; every hash chain verified${cp ? ` against checkpoint ${cp.file} (root ${cp.value.root.slice(0, 16)}…)` : " (no checkpoint: a cut-off tail would not show)"}.`,
  );
  if (loaded.beyondCheckpoint.length > 0)
    console.log(
      `  ${loaded.beyondCheckpoint.length} stream(s) hold events recorded after the checkpoint: ${loaded.beyondCheckpoint.slice(0, 5).join(", ")}${loaded.beyondCheckpoint.length > 5 ? ", …" : ""}`,
    );
} else {
  console.log(`${file}: NOT SEALED — only the order of its ${events} events could be checked; nothing here vouches that they were not altered.`);
}

const table = (head: string[], rows: string[][]) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  console.log(head.map((h, i) => h.padEnd(widths[i] ?? 0)).join("  "));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  "));
};

// 3. A project's history and decision trail.
if (values.project !== undefined) {
  const steps = historyOf(ofProject, values.project);
  if (!steps.ok) fail(2, `${file}: NOT VERIFIED — ${steps.error.message} [${steps.error.code}]`);
  const history = (steps.ok ? steps.value : []).filter((h) => asOf === undefined || Date.parse(h[asOf.by]) <= Date.parse(asOf.at));
  if (history.length === 0) fail(3, `No events for project ${values.project}${asOf ? ` as of ${asOf.at}` : ""}.`);
  console.log(`\nHistory of ${values.project}${asOf ? ` as of ${asOf.at} (${asOf.by})` : ""}:`);
  table(
    ["occurred", "recorded", "v", "event", "actor", "stage", "status"],
    history.map((h) => [h.occurredAt.slice(0, 16), h.recordedAt.slice(0, 16), String(h.version), h.type, `${h.actor.id} (${h.actor.role})`, h.stage, h.status]),
  );
  // The trail of the events that count as of the date: the figures' own audit trail, for this project.
  if (!figures.ok) fail(2, `${file}: NOT VERIFIED — ${figures.error.message} [${figures.error.code}]`);
  const trail = figures.ok ? figures.value.auditTrail.filter((x) => x.projectId === values.project) : [];
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
if (!figures.ok) fail(2, `${file}: no figures — ${figures.error.message} [${figures.error.code}]`);
const f = figures.ok ? figures.value : fail(2, "");
console.log(`\nFigures${asOf ? ` as of ${asOf.at} by ${asOf.by === "recordedAt" ? "record time" : "business time"}` : ""}:`);
table(
  ["figure", "value"],
  Object.entries(f.headline).map(([k, v]) => [k, v.toLocaleString("en-US")]),
);
if (loaded.integrity === "unsealed") process.exit(4);
