/**
 * How cost grows (npm run bench:scale): verify and figures over synthetic logs of 10 k, 100 k and
 * 1 M events, each size and pass in a fresh process; a project's history and one warm command as the project grows to 500, 2,000 and
 * 8,000 sessions; and the streaming path — a sealed JSON-lines file of 1 M and 10 M events read,
 * decoded and verified or counted piece by piece, each in a fresh process whose peak memory (RSS)
 * is reported. The streamed logs describe the same 10,000 projects, people and organisations at
 * every size (more sessions per project, as a lab's log grows over the years), so memory that
 * follows the state stays put while memory that follows the log grows with it. Linear cost grows
 * by the same factor as the input; the table prints both.
 *
 * BENCH_SCALE=10000,100000, BENCH_SESSIONS=500,2000 and BENCH_STREAM=100000,1000000 for a quicker
 * look (BENCH_STREAM= to skip the streaming path). The streamed files are written once to the
 * system's temporary folder and reused.
 */
import { spawnSync } from "node:child_process";
import { hash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import {
  type Checkpoint,
  checkpoint,
  computeFigures,
  createCodec,
  decodeJsonlChunks,
  labEvents,
  startFigures,
  startVerification,
  type StoredRecord,
  type Envelope,
  handle,
  historyOf,
  InMemoryEventStore,
  labDecider,
  type LabEvent,
  labHashView,
  lruStateCache,
  seal,
  verify,
} from "../src/index.js";
import { day, fixedContext, labCommands, must, sequentialIds } from "../src/testing/index.js";
import { labSyntheticLog, labSyntheticStream } from "./lab-synthetic.js";
import { median, medianTime } from "../examples/shared/timing.js";

// A child run of the in-memory series: one size, one pass, in a fresh process that holds only what
// that pass reads (the sealed log for verify, the log for figures), so that a size's cost is not
// that of the sizes before it, whose garbage and copies would otherwise share its heap.
if (process.argv[2] === "--size") {
  const [, , , size = "", what = ""] = process.argv;
  const sha = (text: string): string => hash("sha256", text, "hex");
  const log = labSyntheticLog(Math.max(1, Math.round(Number(size) / 100)));
  let ms: number;
  if (what === "verify") {
    const sealed = seal(log, { hashView: labHashView, sha256: sha });
    log.length = 0;
    const published = checkpoint(sealed, { hashView: labHashView, sha256: sha });
    ms = await medianTime(() => must(verify(sealed, { hashView: labHashView, sha256: sha, checkpoint: published })), 3);
    process.stdout.write(JSON.stringify({ n: sealed.length, ms }));
  } else {
    ms = await medianTime(() => must(computeFigures(log)), 3);
    process.stdout.write(JSON.stringify({ n: log.length, ms }));
  }
  process.exit(0);
}

// A child run of the streaming path: read one file piece by piece, verify or count it, report time and peak memory.
if (process.argv[2] === "--stream") {
  const [, , , file = "", what = "", checkpointFile = ""] = process.argv;
  const sha = (text: string): string => hash("sha256", text, "hex");
  const codec = createCodec(labEvents);
  const published = JSON.parse(readFileSync(checkpointFile, "utf8")) as Checkpoint;
  const t0 = performance.now();
  // "bounded": ids are not remembered (a source that guarantees them unique); otherwise every id is kept to tell a repeat.
  const bounded = process.argv[6] === "bounded";
  const verification = startVerification({ hashView: labHashView, events: labEvents, sha256: sha, checkpoint: published, checkIds: !bounded });
  const figures = startFigures(undefined, { eachOnce: bounded });
  let events = 0;
  for await (const part of decodeJsonlChunks(codec, createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 }))) {
    if (part.errors.length > 0) throw new Error(`line ${part.errors[0]?.line}: ${part.errors[0]?.reason}`);
    if (what === "verify") for (const record of part.stored) verification.push(record);
    else for (const e of part.events) figures.push(e);
    events += part.events.length;
  }
  const r = what === "verify" ? verification.finish() : figures.finish();
  if (!r.ok) throw new Error(r.error.message);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ events, ms, rssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const sizes = (process.env.BENCH_SCALE ?? "10000,100000,1000000").split(",").map(Number);
const sessions = (process.env.BENCH_SESSIONS ?? "500,2000,8000").split(",").map(Number);
// The history of a project larger than this many sessions is not timed (reading every step's state
// was quadratic: hours at 8,000 sessions), so the warm command can still be measured there.
const historyUpTo = Number(process.env.BENCH_HISTORY_UP_TO ?? Infinity);
const sha256 = (text: string): string => hash("sha256", text, "hex");
const time = (fn: () => unknown, runs = 3): Promise<number> => medianTime(fn, runs);

interface Series {
  readonly what: string;
  readonly unit: string;
  readonly points: { readonly n: number; readonly ms: number }[];
}
const series: Series[] = [];

const verifyRun: Series = { what: "verify with a checkpoint (node:crypto)", unit: "events", points: [] };
const figuresRun: Series = { what: "computeFigures", unit: "events", points: [] };
for (const n of sizes) {
  for (const [what, run] of [
    ["verify", verifyRun],
    ["figures", figuresRun],
  ] as const) {
    process.stderr.write(`… ${what}, ${n.toLocaleString("en-US")} events\n`);
    const child = spawnSync(process.execPath, ["--max-old-space-size=8192", "--import", "tsx", "bench/scale.ts", "--size", String(n), what], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (child.status !== 0) throw new Error(`${what} at ${n} events failed`);
    run.points.push(JSON.parse(child.stdout) as { n: number; ms: number });
  }
}
series.push(verifyRun, figuresRun);

// One project growing session by session through the lab's own rules, with a warm state cache.
const c = labCommands("p1");
const historyRun: Series = { what: "historyOf one project", unit: "events", points: [] };
const historyReadRun: Series = { what: "historyOf one project, every step's state read (JSON.stringify of it)", unit: "events", points: [] };
const commandRun: Series = { what: "one command, warm cache, as the project grows", unit: "sessions", points: [] };
for (const count of sessions) {
  process.stderr.write(`… a project of ${count.toLocaleString("en-US")} sessions\n`);
  const store = new InMemoryEventStore<LabEvent>();
  const cache = lruStateCache<never>(4);
  const ids = sequentialIds("e");
  const run = async (command: unknown, actor = { id: "u1", role: "lab_team" }) => {
    const r = await handle(store, labDecider, command, fixedContext({ at: day(1000), newId: ids, actor }), { cache });
    if (!r.ok) throw new Error(r.error.message);
  };
  for (const command of [{ ...c.submit(), occurredAt: day(0) }, c.accept(), c.join()]) await run(command);
  await run(c.gate("G1"), { id: "dm-1", role: "decision_maker" });
  await run(c.advance());
  for (let i = 0; i < count; i++) await run(c.schedule(`s${i}`, { scheduledFor: day(5) }));
  let next = 0;
  const one: number[] = [];
  for (let i = 0; i < 41; i++) one.push(await time(() => run(c.schedule(`x${next++}`, { scheduledFor: day(5) })), 1));
  commandRun.points.push({ n: count, ms: median(one) });
  if (count > historyUpTo) continue;
  const events = (await store.readAll()).map((r) => r.event) as Envelope<LabEvent>[];
  historyRun.points.push({ n: events.length, ms: await time(() => must(historyOf(events, "p1")), 5) });
  // Medians of 5: with persistent maps a history takes well under a second, and a single run of it
  // is mostly the garbage collector's timing.
  historyReadRun.points.push({ n: events.length, ms: await time(() => JSON.stringify(must(historyOf(events, "p1"))).length, 5) });
}
series.push(historyRun, historyReadRun, commandRun);

// The streaming path: a sealed file of `n` events about the same 10,000 projects, written once.
const STREAM_PROJECTS = 10_000;
const streamFile = async (n: number): Promise<{ file: string; checkpointFile: string }> => {
  const sessionsPerProject = Math.max(1, Math.round((n / STREAM_PROJECTS - 33) / 3));
  const base = join(tmpdir(), `labx-stream-v1-${STREAM_PROJECTS}x${sessionsPerProject}`);
  const file = `${base}.jsonl`;
  const checkpointFile = `${base}.checkpoint.json`;
  if (existsSync(file) && existsSync(checkpointFile)) return { file, checkpointFile };
  process.stderr.write(`… writing ${file}\n`);
  const codec = createCodec(labEvents);
  const out = createWriteStream(`${file}.part`, { encoding: "utf8" });
  const heads = new Map<string, { version: number; hash: string }>();
  for (const batch of labSyntheticStream(STREAM_PROJECTS, sessionsPerProject)) {
    const sealed = seal(batch, { hashView: labHashView, events: labEvents, sha256, heads });
    let text = "";
    for (const e of sealed) {
      heads.set(e.streamId, { version: e.version, hash: e.hash as string });
      text += `${JSON.stringify(codec.encode(e))}\n`;
    }
    if (!out.write(text)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  const tips: StoredRecord[] = [...heads].map(([streamId, h]) => ({ id: streamId, streamId, version: h.version, recordedAt: "", hash: h.hash }));
  writeFileSync(checkpointFile, JSON.stringify(checkpoint(tips, { hashView: labHashView, sha256 })));
  renameSync(`${file}.part`, file);
  return { file, checkpointFile };
};
const streamSizes = (process.env.BENCH_STREAM ?? "1000000,10000000")
  .split(",")
  .filter((x) => x !== "")
  .map(Number);
const memory: { what: string; points: { n: number; ms: number; rssMb: number }[] }[] = [];
const streamRuns = [
  ["verify", "exact", "read, decode and verify (node:crypto, compiled writers), every id kept to tell a duplicate"],
  ["verify", "bounded", "the same, ids unique by the source (checkIds: false)"],
  ["figures", "exact", "read, decode and count every figure, every id kept to tell a redelivery"],
  ["figures", "bounded", "the same, each event once (eachOnce)"],
] as const;
for (const [what, mode, label] of streamRuns) {
  const run = { what: label, points: [] as { n: number; ms: number; rssMb: number }[] };
  for (const n of streamSizes) {
    const { file, checkpointFile } = await streamFile(n);
    process.stderr.write(`… ${what} (${mode}), streamed, ${n.toLocaleString("en-US")} events\n`);
    const child = spawnSync(
      process.execPath,
      ["--max-old-space-size=8192", "--import", "tsx", "bench/scale.ts", "--stream", file, what, checkpointFile, mode],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    if (child.status !== 0) throw new Error(`streaming ${what} of ${file} failed`);
    const r = JSON.parse(child.stdout) as { events: number; ms: number; rssMb: number };
    run.points.push({ n: r.events, ms: r.ms, rssMb: r.rssMb });
  }
  memory.push(run);
}

console.log(`\nlabx-core — how cost grows, Node ${process.version}, medians\n`);
console.log("| what | input | median | growth of input | growth of cost |");
console.log("|---|---|---|---|---|");
for (const m of memory) series.push({ what: m.what, unit: "events", points: m.points });
for (const s of series) {
  s.points.forEach((p, i) => {
    const prev = s.points[i - 1];
    const input = prev === undefined ? "" : `×${(p.n / prev.n).toFixed(1)}`;
    const cost = prev === undefined ? "" : `×${(p.ms / prev.ms).toFixed(1)}`;
    console.log(
      `| ${i === 0 ? s.what : ""} | ${p.n.toLocaleString("en-US")} ${s.unit} | ${p.ms < 10 ? p.ms.toFixed(2) : p.ms.toFixed(0)} ms | ${input} | ${cost} |`,
    );
  });
}

if (memory.length > 0) {
  console.log("\n| streamed | events | time | events/s | peak RSS | growth of input | growth of time | growth of RSS |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const m of memory)
    m.points.forEach((p, i) => {
      const first = m.points[0] as (typeof m.points)[number];
      const rate = Math.round((p.n / p.ms) * 1000).toLocaleString("en-US");
      const growth = i === 0 ? ["", "", ""] : [`×${(p.n / first.n).toFixed(1)}`, `×${(p.ms / first.ms).toFixed(1)}`, `×${(p.rssMb / first.rssMb).toFixed(2)}`];
      console.log(
        `| ${i === 0 ? m.what : ""} | ${p.n.toLocaleString("en-US")} | ${(p.ms / 1000).toFixed(1)} s | ${rate} | ${p.rssMb.toFixed(0)} MB | ${growth.join(" | ")} |`,
      );
    });
}
