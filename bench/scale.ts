/**
 * How cost grows (npm run bench:scale): verify and figures over synthetic logs of 10 k, 100 k and
 * 1 M events; a project's history and one warm command as the project grows to 500, 2,000 and
 * 8,000 sessions. Linear cost grows by the same factor as the input; the table prints both.
 *
 * BENCH_SCALE=10000,100000 and BENCH_SESSIONS=500,2000 for a quicker look.
 */
import { hash } from "node:crypto";
import {
  checkpoint,
  computeFigures,
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
import { labSyntheticLog } from "./lab-synthetic.js";
import { median, medianTime } from "../examples/shared/timing.js";

const sizes = (process.env.BENCH_SCALE ?? "10000,100000,1000000").split(",").map(Number);
const sessions = (process.env.BENCH_SESSIONS ?? "500,2000,8000").split(",").map(Number);
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
  process.stderr.write(`… ${n.toLocaleString("en-US")} events\n`);
  const log = labSyntheticLog(Math.max(1, Math.round(n / 100)));
  const sealed = seal(log, { hashView: labHashView, sha256 });
  const published = checkpoint(sealed, { hashView: labHashView, sha256 });
  verifyRun.points.push({ n: log.length, ms: await time(() => must(verify(sealed, { hashView: labHashView, sha256, checkpoint: published }))) });
  figuresRun.points.push({ n: log.length, ms: await time(() => must(computeFigures(log))) });
}
series.push(verifyRun, figuresRun);

// One project growing session by session through the lab's own rules, with a warm state cache.
const c = labCommands("p1");
const historyRun: Series = { what: "historyOf one project", unit: "events", points: [] };
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
  const events = (await store.readAll()).map((r) => r.event) as Envelope<LabEvent>[];
  historyRun.points.push({ n: events.length, ms: await time(() => must(historyOf(events, "p1"))) });
}
series.push(historyRun, commandRun);

console.log(`\nlabx-core — how cost grows, Node ${process.version}, medians\n`);
console.log("| what | input | median | growth of input | growth of cost |");
console.log("|---|---|---|---|---|");
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
