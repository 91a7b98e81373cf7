/**
 * Rebuilding the figures across worker threads: the log is split by stream into one part per
 * worker, each worker decodes and projects its part, and the parts' states are merged with
 * `mergeProjected`. The merge law — projecting a log equals merging the projections of any split
 * of it by stream, in any grouping — is what makes this correct; a property test in this project
 * checks it on generated logs, and this program checks the figures against a single-threaded
 * rebuild of the same log.
 *
 * Run: npm run example:parallel                      (the demonstration log)
 *      npm run example:parallel -- --synthetic 1000000 (a synthetic log of that many events)
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isDeepStrictEqual } from "node:util";
import { Worker } from "node:worker_threads";
import { createCodec, decodeJsonl, encodeJsonl, figuresOf, labEvents, labProjections, mergeProjected, project, type Projected } from "../../src/index.js";
import { type LabProjectionsState } from "../../src/projections/index.js";
import { DEMO_LOG } from "../demo/paths.js";
import { medianTime } from "../shared/timing.js";

type Answer = { ok: true; projected: Projected<LabProjectionsState> } | { ok: false; error: string };

const args = process.argv.slice(2);
const synthetic = args.includes("--synthetic") ? Number(args[args.indexOf("--synthetic") + 1] ?? 1_000_000) : undefined;
const workers = Number(process.env.WORKERS ?? Math.max(2, availableParallelism()));
const runs = Number(process.env.RUNS ?? (synthetic === undefined ? 9 : 3));
const codec = createCodec(labEvents);

const text =
  synthetic === undefined
    ? readFileSync(DEMO_LOG, "utf8")
    : encodeJsonl(codec, (await import("../../bench/lab-synthetic.js")).labSyntheticLog(Math.max(1, Math.round(synthetic / 100))));
const lines = text.split("\n").filter((l) => l !== "");

// A stream's part: a hash of its id, so every event of a stream goes to the same worker.
const partOf = (line: string): number => {
  const at = line.indexOf('"streamId":"') + 12;
  let h = 0;
  for (let i = at; i < line.length && line.charCodeAt(i) !== 34; i++) h = (Math.imul(h, 31) + line.charCodeAt(i)) | 0;
  return (h >>> 0) % workers;
};

const pool = Array.from({ length: workers }, () => new Worker(new URL("./worker.mjs", import.meta.url)));
const ask = (w: Worker, part: string): Promise<Answer> =>
  new Promise((resolve, reject) => {
    // Each answer removes the other listener, so a worker asked many times holds one of each.
    const onError = (e: unknown) => {
      w.off("message", onMessage);
      reject(e);
    };
    const onMessage = (a: Answer) => {
      w.off("error", onError);
      resolve(a);
    };
    w.once("message", onMessage);
    w.once("error", onError);
    w.postMessage(part);
  });

const single = (): Projected<LabProjectionsState> => {
  const decoded = decodeJsonl(codec, text);
  const r = project(labProjections, decoded.events);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const parallel = async (): Promise<Projected<LabProjectionsState>> => {
  const parts: string[][] = Array.from({ length: workers }, () => []);
  for (const line of lines) parts[partOf(line)]?.push(line);
  const answers = await Promise.all(pool.map((w, i) => ask(w, `${(parts[i] ?? []).join("\n")}\n`)));
  let merged: Projected<LabProjectionsState> | undefined;
  for (const a of answers) {
    if (!a.ok) throw new Error(a.error);
    if (merged === undefined) merged = a.projected;
    else {
      const m = mergeProjected(labProjections, merged, a.projected);
      if (!m.ok) throw new Error(m.error.message);
      merged = m.value;
    }
  }
  if (merged === undefined) throw new Error("no worker answered");
  return merged;
};

const timeIt = (f: () => unknown): Promise<number> => medianTime(f, runs);

await parallel(); // the workers load their code once, as a host's long-lived workers would
const same = isDeepStrictEqual(figuresOf(single().state), figuresOf((await parallel()).state));
const one = await timeIt(single);
const many = await timeIt(parallel);
const what = synthetic === undefined ? "the demonstration log" : "a synthetic log";
console.log(`${what}: ${lines.length.toLocaleString("en-US")} events, ${workers} workers, median of ${runs} runs (decode + project + merge)`);
console.log(`  single thread: ${one.toFixed(0)} ms`);
console.log(`  ${workers} workers:     ${many.toFixed(0)} ms (×${(one / many).toFixed(2)})`);
console.log(same ? "  The merged figures equal the single-threaded ones." : "  ✗ The merged figures differ from the single-threaded ones.");
for (const w of pool) await w.terminate();
if (!same) process.exit(1);
