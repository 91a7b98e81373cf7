/**
 * Lab benchmark sections (run by bench/run.ts, one process each) over the synthetic lab log (see
 * lab-synthetic.ts: 100 events a project, 1% of the people erased) and the demonstration log:
 * integrity, decoding, projections against a hand-written baseline, figures, live projections.
 * Every figure is a median; every ratio compares two figures measured in the same process.
 */
import { hash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { createSHA256 } from "hash-wasm";
import { canonicalJson } from "../src/kernel/index.js";
import {
  checkpoint,
  computeFigures,
  createCodec,
  decodeJsonl,
  encodeJsonl,
  labEvents,
  labHashView,
  labProjections,
  live,
  project,
  seal,
  verify,
} from "../src/index.js";
import { participation, participationFigures } from "../src/projections/index.js";
import { must } from "../src/testing/index.js";
import { DEMO_LOG } from "../examples/demo/paths.js";
import { handWrittenParticipation } from "./hand-written.js";
import { labSyntheticLog } from "./lab-synthetic.js";
import { medianTime } from "../examples/shared/timing.js";
import type { Row } from "./synthetic.js";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const log = labSyntheticLog(Math.max(1, Math.round(EVENTS / 100)));
const time = (fn: () => unknown, runs = RUNS): Promise<number> => medianTime(fn, runs);
let sink = 0;
const nodeSha256 = (text: string): string => hash("sha256", text, "hex");
const heapMb = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};
const codec = createCodec(labEvents);
const lines = (text: string): string[] => text.split("\n").filter((l) => l !== "");

const sections: Record<string, () => Row[] | Promise<Row[]>> = {
  async integrity() {
    const wasm = await createSHA256();
    const wasmSha256 = (text: string): string => wasm.init().update(text).digest("hex");
    const sealed = seal(log, { hashView: labHashView, sha256: nodeSha256 });
    const published = checkpoint(sealed, { hashView: labHashView, sha256: nodeSha256 });
    // The floor: SHA-256 (node:crypto) of each event's canonical bytes, computed beforehand.
    const texts = sealed.map((e) => canonicalJson(labHashView({ ...e, hash: undefined }, nodeSha256)));
    const floor = await time(() => {
      for (const t of texts) sink += nodeSha256(t).length;
    }, 3);
    // The baseline the target is set against: the same events written by JSON.stringify and hashed.
    const plain = await time(() => {
      for (const e of sealed) sink += nodeSha256(JSON.stringify(e)).length;
    }, 3);
    const rows: Row[] = [
      { what: "SHA-256 alone (node:crypto) of each event's canonical bytes (floor)", n: log.length, ms: floor, ratio: floor / plain },
      { what: "JSON.stringify + SHA-256 (node:crypto) of each event (baseline)", n: log.length, ms: plain, ratio: 1 },
    ];
    for (const [name, sha256] of [
      ["node:crypto", nodeSha256],
      ["hash-wasm", wasmSha256],
      ["pure JavaScript, the default", undefined],
    ] as const) {
      // Writers compiled from the schemas (`events`), as a host that knows its log's types passes them.
      const options = { hashView: labHashView, events: labEvents, ...(sha256 === undefined ? {} : { sha256 }) };
      const sealMs = await time(() => {
        sink += seal(log, options).length;
      }, 3);
      const verifyMs = await time(() => {
        const r = verify(sealed, { ...options, checkpoint: published });
        if (!r.ok) throw new Error(r.error.message);
        sink += r.value.events;
      }, 3);
      const target = name === "node:crypto" ? "≥ 150,000/s, ≤ 1.5×" : undefined;
      rows.push({ what: `seal, SHA-256 by ${name}`, n: log.length, ms: sealMs, ratio: sealMs / plain, ...(target ? { target } : {}) });
      rows.push({ what: `verify with a checkpoint, SHA-256 by ${name}`, n: log.length, ms: verifyMs, ratio: verifyMs / plain, ...(target ? { target } : {}) });
    }
    return rows;
  },

  async decode() {
    const rows: Row[] = [];
    for (const [name, text] of [
      ["the synthetic lab log", encodeJsonl(codec, log)],
      ["the demonstration log", readFileSync(DEMO_LOG, "utf8")],
    ] as const) {
      const split = lines(text);
      const runs = split.length < 10_000 ? 21 : 3;
      const parse = await time(() => {
        const out: unknown[] = [];
        for (const l of split) out.push(JSON.parse(l));
        sink += out.length;
      }, runs);
      const decode = await time(() => {
        const r = decodeJsonl(codec, text);
        if (r.errors.length > 0) throw new Error(`${name}: ${r.errors[0]?.reason}`);
        sink += r.events.length;
      }, runs);
      rows.push({ what: `JSON.parse of ${name}'s lines, values kept (baseline)`, n: split.length, ms: parse, ratio: 1 });
      rows.push({ what: `decodeJsonl of ${name}`, n: split.length, ms: decode, ratio: decode / parse, target: "≤ 1.5×" });
    }
    return rows;
  },

  async projections() {
    // Same figures from both, or the comparison means nothing.
    const ours = participationFigures(must(project(participation, log)).state);
    if (!isDeepStrictEqual(handWrittenParticipation(log), { overall: ours.overall, slices: ours.slices }))
      throw new Error("the hand-written pass and the participation projection disagree");
    const base = await time(() => {
      sink += handWrittenParticipation(log).overall.distinctParticipants;
    });
    const alone = await time(() => {
      sink += participationFigures(must(project(participation, log)).state).overall.distinctParticipants;
    });
    const four = await time(() => {
      sink += must(project(labProjections, log)).state.portfolio.portfolio.size;
    });
    const figures = await time(() => {
      sink += must(computeFigures(log)).headline.projects;
    });
    // Memory: the decoded events (their text held apart, so that strings sliced from it are not
    // counted twice), and what the four projections' state adds beside them.
    const text = encodeJsonl(codec, log);
    const before = heapMb();
    const decoded = decodeJsonl(codec, text).events;
    const withLog = heapMb();
    const state = must(project(labProjections, decoded)).state;
    const withState = heapMb();
    sink += decoded.length + state.portfolio.portfolio.size + text.length;
    const logMb = withLog - before;
    const stateMb = withState - withLog;
    return [
      { what: "participation figures by hand, one mutable pass, erasures (baseline)", n: log.length, ms: base, ratio: 1 },
      { what: "participation projection + figures", n: log.length, ms: alone, ratio: alone / base },
      { what: "the four lab projections (participation, impact, portfolio, trail)", n: log.length, ms: four, ratio: four / base, target: "≥ 300,000/s" },
      { what: "computeFigures: the four projections and every figure", n: log.length, ms: figures, ratio: figures / base },
      {
        what: `memory: the four projections' state ${stateMb.toFixed(0)} MB beside the decoded log's ${logMb.toFixed(0)} MB`,
        n: log.length,
        ms: 0,
        ratio: stateMb / logMb,
        target: "≤ 1.5×",
      },
    ];
  },

  async demo() {
    const text = readFileSync(DEMO_LOG, "utf8");
    const split = lines(text);
    const events = decodeJsonl(codec, text).events;
    const parse = await time(() => {
      const out: unknown[] = [];
      for (const l of split) out.push(JSON.parse(l));
      sink += out.length;
    }, 31);
    const figures = await time(() => {
      sink += must(computeFigures(events)).headline.projects;
    }, 31);
    return [
      { what: "JSON.parse of the demonstration log's lines (baseline)", n: events.length, ms: parse, ratio: 1 },
      { what: "computeFigures on the demonstration log", n: events.length, ms: figures, ratio: figures / parse, target: "≤ 1×" },
    ];
  },

  async live() {
    const batch = await time(() => {
      sink += must(project(labProjections, log)).state.portfolio.portfolio.size;
    }, 3);
    const following = await time(() => {
      const view = live(labProjections);
      for (const e of log) view.apply(e);
      sink += view.snapshot().state.portfolio.portfolio.size;
    }, 3);
    return [
      { what: "labProjections, batch rebuild", n: log.length, ms: batch, ratio: 1 },
      { what: "labProjections, live, one event at a time + one snapshot", n: log.length, ms: following, ratio: following / batch, target: "≤ 2×" },
    ];
  },
};

const name = process.argv[2] ?? "";
const section = sections[name];
if (section === undefined) throw new Error(`unknown section "${name}"`);
process.stdout.write(`${JSON.stringify(await section())}\n`);
process.stderr.write(`(${name} checksum ${sink})\n`);
