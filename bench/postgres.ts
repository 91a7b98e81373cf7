/**
 * The PostgreSQL store under load (npm run bench:postgres): appends per second with p50 and p99 at
 * 1, 4, 8 and 16 connections, with fsync off and on, for the gap-safe store and, beside it, the same
 * transactions without the ordering guarantee (no position lock, readers not held at the horizon):
 * the upper bound. Each append is what `handle` sends for a command: one event, a command id, its
 * own stream (no conflicts), one transaction.
 *
 * It starts a throwaway cluster of its own with scripts/postgres.sh (and switches fsync with ALTER
 * SYSTEM between the two halves), and stops it at the end. Each figure pools `BENCH_ROUNDS` runs
 * (default 2) of `BENCH_SECONDS` (default 3, after a warm-up second), the gap-safe store and the
 * upper bound in turn, so that the drift of a shared machine falls on both; BENCH_CONNECTIONS sets
 * the connection counts.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { toEnvelopes } from "../src/kernel/index.js";
import { fixedContext, type Noted } from "../src/testing/index.js";
import { PostgresEventStore } from "../examples/postgres-host/postgres-event-store.js";

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const connections = (process.env.BENCH_CONNECTIONS ?? "1,4,8,16").split(",").map(Number);
const dir = mkdtempSync(join(tmpdir(), "labx-bench-pg-"));
// The server runs as `postgres`, which must be able to enter the folder.
chmodSync(dir, 0o755);
const port = String(20_000 + Math.floor(Math.random() * 20_000));
const url = execFileSync("scripts/postgres.sh", ["start", dir, port], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
const stop = () => execFileSync("scripts/postgres.sh", ["stop", dir], { stdio: "inherit" });

interface Figure {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}
// One run: its latencies (ms) and how long it was measured (s).
interface Run {
  readonly latencies: readonly number[];
  readonly seconds: number;
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

let schemas = 0;
// `n` connections appending for `seconds` (after a warm-up), each to its own streams.
const measure = async (n: number, gapSafe: boolean): Promise<Run> => {
  const pool = new pg.Pool({ connectionString: url, max: n });
  pool.on("error", () => undefined);
  const schema = `bench_${++schemas}`;
  const store = await PostgresEventStore.open<Noted>(pool, { schema, gapSafe });
  let ids = 0;
  const ctx = fixedContext({ newId: () => `e-${++ids}` });
  const latencies: number[] = [];
  let measuring = false;
  let stopAt = Number.POSITIVE_INFINITY;
  const worker = async (w: number): Promise<void> => {
    for (let version = 0; performance.now() < stopAt; version++) {
      const streamId = `w-${w}`;
      const events = toEnvelopes<Noted>(streamId, version, [{ type: "Noted", data: { n: version, text: `append ${version} of ${w}` } }], ctx);
      const t0 = performance.now();
      const r = await store.append(streamId, events, { expectedVersion: version, commandId: `c-${w}-${version}` });
      if (!r.ok) throw new Error(r.error.message);
      if (measuring) latencies.push(performance.now() - t0);
    }
  };
  const warm = performance.now();
  stopAt = warm + (1 + seconds) * 1000;
  const running = Array.from({ length: n }, (_, w) => worker(w));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  measuring = true;
  const t0 = performance.now();
  await Promise.all(running);
  const elapsed = (performance.now() - t0) / 1000;
  await pool.query(`DROP SCHEMA ${schema} CASCADE`);
  await pool.end();
  return { latencies, seconds: elapsed };
};

// Runs pooled into one figure: all their appends over all their time, the quantiles of all latencies.
const pooled = (runs: readonly Run[]): Figure => {
  const sorted = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const time = runs.reduce((t, r) => t + r.seconds, 0);
  return { perSecond: sorted.length / time, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
};

// `rounds` runs of each, alternating which goes first.
const compare = async (n: number): Promise<{ safe: Figure; bound: Figure }> => {
  const safe: Run[] = [];
  const bound: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      safe.push(await measure(n, true));
      bound.push(await measure(n, false));
    } else {
      bound.push(await measure(n, false));
      safe.push(await measure(n, true));
    }
  }
  return { safe: pooled(safe), bound: pooled(bound) };
};

const admin = new pg.Pool({ connectionString: url, max: 1 });
const rows: string[][] = [];
const verdicts: string[] = [];
try {
  for (const fsync of ["off", "on"]) {
    await admin.query(`ALTER SYSTEM SET fsync = ${fsync}`);
    await admin.query("SELECT pg_reload_conf()");
    // What the other half left unwritten is flushed now, not during the first figure.
    await admin.query("CHECKPOINT");
    // A run thrown away: the first after a change pays for files and caches the others find ready.
    await measure(4, true);
    const figures = new Map<number, { safe: Figure; bound: Figure }>();
    for (const n of connections) {
      process.stderr.write(`… fsync ${fsync}, ${n} connection${n > 1 ? "s" : ""}\n`);
      const { safe, bound } = await compare(n);
      figures.set(n, { safe, bound });
      const one = figures.get(connections[0] ?? 1)?.safe ?? safe;
      rows.push([
        fsync,
        String(n),
        Math.round(safe.perSecond).toLocaleString("en-US"),
        `${safe.p50.toFixed(2)} / ${safe.p99.toFixed(2)} ms`,
        Math.round(bound.perSecond).toLocaleString("en-US"),
        `${bound.p50.toFixed(2)} / ${bound.p99.toFixed(2)} ms`,
        `${(safe.perSecond / one.perSecond).toFixed(2)}×`,
        `${(safe.perSecond / bound.perSecond).toFixed(2)}×`,
        `${(safe.p99 / one.p99).toFixed(2)}×`,
      ]);
    }
    const one = figures.get(1)?.safe;
    const eight = figures.get(8);
    if (one !== undefined && eight !== undefined) {
      const scale = eight.safe.perSecond / one.perSecond;
      const bound = eight.safe.perSecond / eight.bound.perSecond;
      const p99 = eight.safe.p99 / one.p99;
      const mark = (ok: boolean) => (ok ? "met" : "not met");
      verdicts.push(
        `fsync ${fsync}, 8 connections: ${scale.toFixed(2)}× one connection (target ≥ 1.5×: ${mark(scale >= 1.5)}), ` +
          `${bound.toFixed(2)}× the upper bound (≥ 0.8×: ${mark(bound >= 0.8)}), p99 ${p99.toFixed(2)}× one connection's (≤ 3×: ${mark(p99 <= 3)})`,
      );
    }
  }
} finally {
  await admin.end();
  stop();
}

const header = [
  "fsync",
  "connections",
  "gap-safe appends/s",
  "p50 / p99",
  "upper bound appends/s",
  "p50 / p99",
  "vs 1 connection",
  "vs upper bound",
  "p99 vs 1 connection",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
console.log(`\nPostgreSQL 15, ${cpus().length} cores, Node ${process.version}; each figure pools ${rounds} runs of ${seconds} s\n`);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i < 2 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
for (const r of rows) console.log(line(r));
console.log("");
for (const v of verdicts) console.log(v);
