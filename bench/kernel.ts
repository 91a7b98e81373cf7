/**
 * One kernel benchmark section, run in its own process by bench/run.ts so that one section's
 * garbage (a 240 MB JSON-lines text, a million decoded events) does not tax the next. Prints its
 * rows as JSON on stdout.
 */
import { type Context, createCodec, decodeJsonl, encodeJsonl, type Envelope, fold, handle, InMemoryEventStore, lruStateCache, project } from "../src/index.js";
import { type TallyEvent, type TallyState, tally, tallyEvents, totals } from "../test/kernel/tally.js";
import { medianTime } from "../examples/shared/timing.js";
import { type Row, prng, syntheticLog } from "./synthetic.js";
import { must } from "../src/testing/index.js";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PER = Math.max(2, Math.round(EVENTS / STREAMS));

const time = (fn: () => unknown, runs = RUNS): Promise<number> => medianTime(fn, runs);

const log = syntheticLog(STREAMS, PER);
const total = log.all.length;
const streams = [...log.byStream.values()];
let sink = 0;

// The baseline: hand-written mutable code doing the same work as the kernel's fold — rebuild the
// state of every stream from its own events (as a store's readStream hands them over).
const handWritten = (events: readonly Envelope<TallyEvent>[]): TallyState => {
  const s: TallyState = { status: "none", total: 0, limit: 0, recent: [] };
  for (const e of events) {
    if (e.type === "TallyOpened") {
      s.status = "open";
      s.limit = e.data.limit;
    } else if (e.type === "Added") {
      s.total += e.data.by;
      s.recent.push(e.data.by);
      if (s.recent.length > 5) s.recent.shift();
    } else s.status = "closed";
  }
  return s;
};

// The baseline store: what a hand-written in-process event store does for the same contract — a Map
// of streams, one global list, the expected version checked, answered asynchronously.
const handWrittenStore = <E extends { readonly streamId: string }>() => {
  const streams = new Map<string, E[]>();
  const all: E[] = [];
  return {
    size: () => all.length,
    version: (streamId: string) => streams.get(streamId)?.length ?? 0,
    append(streamId: string, events: readonly E[], expected: number): Promise<{ ok: boolean; version: number }> {
      let stream = streams.get(streamId);
      if ((stream?.length ?? 0) !== expected) return Promise.resolve({ ok: false, version: stream?.length ?? 0 });
      if (stream === undefined) streams.set(streamId, (stream = []));
      for (const e of events) {
        stream.push(e);
        all.push(e);
      }
      return Promise.resolve({ ok: true, version: stream.length });
    },
  };
};

const sections: Record<string, () => Promise<Row[]>> = {
  async fold() {
    const baseline = await time(() => {
      for (const events of streams) sink += handWritten(events).total;
    });
    const scratch = await time(() => {
      for (const events of streams) sink += fold(tally, events).total;
    });
    // On top of an existing state: the first half of each stream is folded beforehand (not timed),
    // the second half is folded onto it through immer.
    const halves = streams.map((events) => ({ state: fold(tally, events.slice(0, events.length >> 1)), rest: events.slice(events.length >> 1) }));
    const restCount = halves.reduce((n, h) => n + h.rest.length, 0);
    const baselineRest = await time(() => {
      for (const h of halves) sink += handWritten(h.rest).total;
    });
    const onto = await time(() => {
      for (const h of halves) sink += fold(tally, h.rest, h.state).total;
    });
    return [
      { what: "hand-written mutable fold, per stream (baseline)", n: total, ms: baseline, ratio: 1 },
      { what: "kernel fold from scratch, per stream", n: total, ms: scratch, ratio: scratch / baseline, target: "≤ 2×" },
      { what: "kernel fold on top of an existing state (immer)", n: restCount, ms: onto, ratio: onto / baselineRest },
    ];
  },

  async project() {
    const plain = await time(() => {
      const byTally: Record<string, number> = {};
      let n = 0;
      for (const e of log.all) {
        n++;
        if (e.type === "Added") byTally[e.data.tallyId] = (byTally[e.data.tallyId] ?? 0) + e.data.by;
      }
      sink += n + Object.keys(byTally).length;
    });
    // The same figures with the same at-most-once guarantee, written by hand.
    const guarded = await time(() => {
      const byTally: Record<string, number> = {};
      const seen = new Map<string, number>();
      let n = 0;
      for (const e of log.all) {
        if (e.version <= (seen.get(e.streamId) ?? 0)) continue;
        seen.set(e.streamId, e.version);
        n++;
        if (e.type === "Added") byTally[e.data.tallyId] = (byTally[e.data.tallyId] ?? 0) + e.data.by;
      }
      sink += n + Object.keys(byTally).length;
    });
    const kernel = await time(() => {
      sink += must(project(totals, log.all)).state.events;
    });
    return [
      { what: "hand-written projection, no redelivery guard", n: total, ms: plain, ratio: plain / guarded },
      { what: "hand-written projection, same guard (baseline)", n: total, ms: guarded, ratio: 1 },
      { what: "kernel project(), global order", n: total, ms: kernel, ratio: kernel / guarded, target: "≤ 2×" },
    ];
  },

  async decode() {
    const codec = createCodec(tallyEvents);
    const text = encodeJsonl(codec, log.all);
    // The baseline does the same work minus validation: every line parsed, every value kept.
    const parse = await time(() => {
      const out: unknown[] = [];
      let start = 0;
      while (start < text.length) {
        const end = text.indexOf("\n", start);
        out.push(JSON.parse(text.slice(start, end)));
        start = end + 1;
      }
      sink += out.length;
    }, 3);
    const ms = await time(() => {
      const r = decodeJsonl(codec, text);
      if (r.errors.length > 0) throw new Error(`decode errors: ${r.errors[0]?.reason}`);
      sink += r.events.length;
    }, 3);
    const mb = (text.length / 1e6).toFixed(0);
    return [
      { what: `JSON.parse of ${mb} MB of JSON lines, values kept (baseline)`, n: total, ms: parse, ratio: 1 },
      { what: "decodeJsonl: parse, validate, type", n: total, ms, ratio: ms / parse, target: "≤ 1.5×" },
    ];
  },

  async append() {
    const baseline = await time(async () => {
      const store = handWrittenStore<Envelope<TallyEvent>>();
      for (const e of log.all) {
        const r = await store.append(e.streamId, [e], e.version - 1);
        if (!r.ok) throw new Error("conflict");
      }
      sink += store.size();
    }, 3);
    const ms = await time(async () => {
      const store = new InMemoryEventStore<TallyEvent>();
      for (const e of log.all) {
        const r = await store.append(e.streamId, [e], { expectedVersion: e.version - 1 });
        if (!r.ok) throw new Error(r.error.message);
      }
      sink += store.size;
    }, 3);
    return [
      { what: "hand-written store: Map of streams, version check, async (baseline)", n: total, ms: baseline, ratio: 1 },
      { what: "in-memory append, one event per call", n: total, ms, ratio: ms / baseline, target: "≥ 1,500,000/s" },
    ];
  },

  async commands() {
    const store = new InMemoryEventStore<TallyEvent>();
    for (const e of log.all) await store.append(e.streamId, [e], { expectedVersion: e.version - 1 });
    const held = store.size;
    const random = prng(7);
    const COMMANDS = Math.min(50_000, total / 10);
    let seq = 0;
    const ctx: Context = { now: () => new Date(Date.UTC(2021, 0, 1)), newId: () => `cmd-evt-${++seq}`, actor: { id: "bench", role: "system" } };
    const commands = Array.from({ length: COMMANDS }, () => ({ type: "Add" as const, tallyId: `t${Math.floor(random() * STREAMS)}`, by: 1 }));
    const run = async (cache?: ReturnType<typeof lruStateCache<TallyState>>): Promise<void> => {
      for (const c of commands) {
        const r = await handle(store, tally, c, ctx, cache ? { cache } : {});
        if (!r.ok) throw new Error(r.error.message);
      }
    };
    const cold = await time(() => run(), 1);
    const cache = lruStateCache<TallyState>(STREAMS);
    await run(cache); // warm the cache once, not timed
    const warm = await time(() => run(cache), 3);
    // The same commands handled by hand: the command's shape checked, the state kept warm in a Map,
    // the rule applied, the event built and checked, appended to a hand-written store.
    const own = handWrittenStore<Envelope<TallyEvent>>();
    for (const e of log.all) await own.append(e.streamId, [e], e.version - 1);
    const states = new Map<string, TallyState>();
    for (const [streamId, events] of log.byStream) states.set(streamId, handWritten(events));
    const byHand = await time(async () => {
      for (const c of commands) {
        if (typeof c !== "object" || c.type !== "Add" || typeof c.tallyId !== "string" || !Number.isInteger(c.by)) throw new Error("bad command");
        const streamId = `tally:${c.tallyId}`;
        const state = states.get(streamId) as TallyState;
        if (state.status !== "open" || state.total + c.by > state.limit) throw new Error("refused");
        const version = own.version(streamId);
        const at = ctx.now().toISOString();
        const data = { tallyId: c.tallyId, by: c.by };
        if (!Number.isInteger(data.by) || data.tallyId.length === 0) throw new Error("bad event");
        const e = {
          id: ctx.newId(),
          streamId,
          version: version + 1,
          type: "Added",
          schemaVersion: 1,
          occurredAt: at,
          recordedAt: at,
          actor: ctx.actor,
          data,
        } as Envelope<TallyEvent>;
        const r = await own.append(streamId, [e], version);
        if (!r.ok) throw new Error("conflict");
        states.set(streamId, { ...state, total: state.total + c.by, recent: [...state.recent, c.by].slice(-5) });
      }
    }, 3);
    const n = held.toLocaleString("en-US");
    return [
      { what: `commands on a ${n}-event store, replaying each stream`, n: COMMANDS, ms: cold },
      { what: `commands by a hand-written handler, state kept in a Map (baseline)`, n: COMMANDS, ms: byHand, ratio: 1 },
      { what: `commands on a ${n}-event store, warm state cache`, n: COMMANDS, ms: warm, ratio: warm / byHand, target: "≥ 100,000/s" },
    ];
  },
};

const name = process.argv[2] ?? "";
const section = sections[name];
if (section === undefined) throw new Error(`unknown section "${name}"; one of ${Object.keys(sections).join(", ")}`);
process.stdout.write(`${JSON.stringify(await section())}\n`);
process.stderr.write(`(${name} checksum ${sink})\n`);
