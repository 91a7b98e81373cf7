/**
 * Projection benchmark sections (run by bench/run.ts, one process each): rebuilding the four lab
 * projections over a synthetic log against the hand-written single-pass fold, and following the log
 * one event at a time through a live projection against the batch rebuild.
 */
import { checkpoint, figuresOf, labHashView, labProjections, live, project, seal, verify } from "../src/index.js";
import { handWritten } from "./hand-written.js";
import { labSyntheticLog } from "./lab-synthetic.js";
import { median, type Row } from "./synthetic.js";
import { must } from "../src/testing/index.js";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const log = labSyntheticLog(Math.max(1, Math.round(EVENTS / 100)));
const time = (fn: () => unknown, runs = RUNS): number => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
};
let sink = 0;

const sections: Record<string, () => Row[]> = {
  integrity() {
    const sealed = seal(log, { hashView: labHashView });
    const published = checkpoint(sealed, { hashView: labHashView });
    const sealMs = time(() => {
      sink += seal(log, { hashView: labHashView }).length;
    }, 3);
    const verifyMs = time(() => {
      const r = verify(sealed, { hashView: labHashView, checkpoint: published });
      if (!r.ok) throw new Error(r.error.message);
      sink += r.value.events;
    }, 3);
    return [
      { what: "seal (SHA-256 chains over canonical JSON)", n: log.length, ms: sealMs },
      { what: "verify, with a checkpoint", n: log.length, ms: verifyMs },
    ];
  },
  projections() {
    // Same figures from both, or the comparison means nothing.
    const a = JSON.stringify(figuresOf(handWritten(log)));
    const b = JSON.stringify(figuresOf(must(project(labProjections, log)).state));
    if (a !== b) throw new Error("the hand-written fold and the projections disagree");
    const base = time(() => {
      sink += handWritten(log).portfolio.portfolio.size;
    });
    const kernel = time(() => {
      sink += must(project(labProjections, log)).state.portfolio.portfolio.size;
    });
    return [
      { what: "hand-written single-pass fold, same four states (baseline)", n: log.length, ms: base, ratio: 1 },
      { what: "labProjections rebuilt with project()", n: log.length, ms: kernel, ratio: kernel / base, target: "≤ 2×" },
    ];
  },
  live() {
    const batch = time(() => {
      sink += must(project(labProjections, log)).state.portfolio.portfolio.size;
    }, 3);
    const following = time(() => {
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
process.stdout.write(`${JSON.stringify(section())}\n`);
process.stderr.write(`(${name} checksum ${sink})\n`);
