/**
 * Kernel benchmarks over a synthetic log (default 1,000,000 events in 10,000 streams).
 * Prints events/s (median of several runs) and each fold's ratio to a hand-written mutable fold
 * measured in the same run. Run: npm run bench  (BENCH_EVENTS=100000 for a quick look)
 */
import {
  type Context,
  createCodec,
  decodeJsonl,
  encodeJsonl,
  type Envelope,
  fold,
  handle,
  InMemoryEventStore,
  lruStateCache,
  project,
} from "../src/index.js";
import { type TallyEvent, type TallyState, tally, tallyEvents, totals } from "../test/kernel/tally.js";
import { prng, syntheticLog } from "./synthetic.js";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PER = Math.max(2, Math.round(EVENTS / STREAMS));

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const time = (fn: () => void, runs = RUNS): number => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
};
const timeAsync = async (fn: () => Promise<void>, runs = RUNS): Promise<number> => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
};
const rate = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString("en-US")}/s`;
const rows: string[][] = [];
const row = (what: string, n: number, ms: number, ratio?: number, target?: string): void => {
  rows.push([what, n.toLocaleString("en-US"), `${ms.toFixed(1)} ms`, rate(n, ms), ratio === undefined ? "" : `${ratio.toFixed(2)}×`, target ?? ""]);
  console.error(`  … ${what}: ${ms.toFixed(1)} ms`);
};

console.error(`Generating ${STREAMS.toLocaleString()} streams × ${PER} events…`);
const log = syntheticLog(STREAMS, PER);
const total = log.all.length;
const streams = [...log.byStream.values()];

// The baseline: hand-written mutable code doing the same work as the kernel's fold — rebuild the
// state of every stream from its own events (as a store's readStream hands them over).
const handWritten = (events: readonly Envelope<TallyEvent>[]): TallyState => {
  const s: TallyState = { status: "none", total: 0, limit: 0, adds: [] };
  for (const e of events) {
    if (e.type === "TallyOpened") {
      s.status = "open";
      s.limit = e.data.limit;
    } else if (e.type === "Added") {
      s.total += e.data.by;
      s.adds.push(e.data.by);
    } else s.status = "closed";
  }
  return s;
};
let sink = 0;
const baseline = time(() => {
  for (const events of streams) sink += handWritten(events).total;
});
row("hand-written mutable fold, per stream (baseline)", total, baseline, 1);

const scratch = time(() => {
  for (const events of streams) sink += fold(tally, events).total;
});
row("kernel fold from scratch, per stream", total, scratch, scratch / baseline, "≤ 2×");

// On top of an existing state: the first half of each stream is folded beforehand (not timed),
// the second half is folded onto it through immer.
const halves = streams.map((events) => ({ state: fold(tally, events.slice(0, events.length >> 1)), rest: events.slice(events.length >> 1) }));
const restCount = halves.reduce((n, h) => n + h.rest.length, 0);
const baselineRest = time(() => {
  for (const h of halves) sink += handWritten(h.rest).total;
});
const onto = time(() => {
  for (const h of halves) sink += fold(tally, h.rest, h.state).total;
});
row("kernel fold on top of an existing state (immer)", restCount, onto, onto / baselineRest);

// A projection over the whole log in global order, against the same work written by hand.
const globalBaseline = time(() => {
  const byTally: Record<string, number> = {};
  let n = 0;
  for (const e of log.all) {
    n++;
    if (e.type === "Added") byTally[e.data.tallyId] = (byTally[e.data.tallyId] ?? 0) + e.data.by;
  }
  sink += n + Object.keys(byTally).length;
});
row("hand-written projection, global order (baseline)", total, globalBaseline, 1);
const projected = time(() => {
  sink += project(totals, log.all).state.events;
});
row("kernel project(), with redelivery guard", total, projected, projected / globalBaseline, "≤ 2×");

// Decoding JSON lines: JSON.parse + envelope and data validation for every line.
const codec = createCodec(tallyEvents);
const text = encodeJsonl(codec, log.all);
const decodeMs = time(() => {
  const r = decodeJsonl(codec, text);
  if (r.errors.length > 0) throw new Error(`decode errors: ${r.errors[0]?.reason}`);
  sink += r.events.length;
}, Math.min(RUNS, 3));
row(`decode ${(text.length / 1e6).toFixed(0)} MB of JSON lines`, total, decodeMs);

// Appending: every event through the async port, one append per event (the worst case).
const appendMs = await timeAsync(async () => {
  const store = new InMemoryEventStore<TallyEvent>();
  for (const e of log.all) {
    const r = await store.append(e.streamId, [e], { expectedVersion: e.version - 1 });
    if (!r.ok) throw new Error(r.error.message);
  }
  sink += store.size;
}, 3);
row("in-memory append, one event per call", total, appendMs, undefined, "≥ 500,000/s");

// Command handling on a store that already holds the whole log.
const store = new InMemoryEventStore<TallyEvent>();
for (const e of log.all) store.appendSync(e.streamId, [e], { expectedVersion: e.version - 1 });
const random = prng(7);
const COMMANDS = Math.min(50_000, total / 10);
let seq = 0;
const ctx: Context = { now: () => new Date(Date.UTC(2021, 0, 1)), newId: () => `cmd-evt-${++seq}`, actor: { id: "bench", role: "system" } };
const commands = Array.from({ length: COMMANDS }, () => ({ type: "Add" as const, tallyId: `t${Math.floor(random() * STREAMS)}`, by: 1 }));
const runCommands = async (cache?: ReturnType<typeof lruStateCache<TallyState>>): Promise<void> => {
  for (const c of commands) {
    const r = await handle(store, tally, c, ctx, cache ? { cache } : {});
    if (!r.ok) throw new Error(r.error.message);
  }
};
const cold = await timeAsync(() => runCommands(), 1);
row(`commands on a ${(store.size - COMMANDS).toLocaleString("en-US")}-event store, replaying each stream`, COMMANDS, cold);
const cache = lruStateCache<TallyState>(STREAMS);
await runCommands(cache); // warm the cache once, not timed
const warm = await timeAsync(() => runCommands(cache), 3);
row("commands with a warm state cache", COMMANDS, warm, undefined, "≥ 50,000/s");

const header = ["what", "events", "median", "rate", "ratio", "target"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
console.log(`\nlabx-core kernel benchmark — ${total.toLocaleString("en-US")} events in ${STREAMS.toLocaleString("en-US")} streams, Node ${process.version}, median of ${RUNS} runs\n`);
console.log(line(header));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const r of rows) console.log(line(r));
console.error(`(checksum ${sink})`);
