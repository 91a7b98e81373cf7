// The PostgreSQL host against a real server: LABX_PG_URL (scripts/postgres.sh starts one; CI does,
// and sets LABX_PG_REQUIRED=1 so that these tests cannot be skipped there).
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import {
  computeFigures,
  createCodec,
  decodeJsonl,
  type Envelope,
  figuresOf,
  handle,
  labEvents,
  labProjections,
  type LabEvent,
  toEnvelopes,
} from "../../src/index.js";
import { eventStoreConformance, fixedContext, type Noted } from "../../src/testing/index.js";
import { storedProjection } from "../../examples/postgres-host/catch-up.js";
import { poolFromEnv } from "../../examples/postgres-host/connect.js";
import { PostgresEventStore } from "../../examples/postgres-host/postgres-event-store.js";
import { DEMO_LOG } from "../../examples/demo/paths.js";
import { tally, type TallyEvent } from "../kernel/tally.js";

const pool = poolFromEnv(12);
if (pool === undefined) {
  if (process.env.LABX_PG_REQUIRED === "1") throw new Error("LABX_PG_REQUIRED=1 but LABX_PG_URL is not set: the PostgreSQL tests would be skipped");
  console.log("PostgreSQL tests skipped: LABX_PG_URL is not set (scripts/postgres.sh start DIR prints one).");
}
const run = `t${Date.now().toString(36)}`;
let n = 0;
const schemas: string[] = [];
const fresh = async <E extends { type: string; data: unknown }>() => {
  const schema = `${run}_${++n}`;
  schemas.push(schema);
  return PostgresEventStore.open<E>(pool as NonNullable<typeof pool>, { schema });
};
afterAll(async () => {
  if (pool === undefined) return;
  for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await pool.end();
});

describe.skipIf(pool === undefined)("PostgresEventStore (a real server) passes the store conformance suite", () => {
  for (const c of eventStoreConformance(() => fresh<Noted>(), { largeStream: 2_000 })) it(c.name, c.run, 60_000);
});

describe.skipIf(pool === undefined)("PostgresEventStore under real concurrency and failure", () => {
  it("several connections writing the same streams: nothing lost, nothing duplicated, versions contiguous, conflicts as values, no throw", async () => {
    const store = await fresh<TallyEvent>();
    const streams = ["a", "b", "c"];
    const at = "2021-01-01T00:00:00.000Z";
    for (const id of streams) {
      const opened = await handle(store, tally, { type: "Open", tallyId: id, label: id, limit: 1_000_000 }, fixedContext({ at, newId: () => `open-${id}` }));
      expect(opened.ok).toBe(true);
    }
    // Every append the store answers is counted, so conflicts it returned are seen even when a retry then wins.
    const answers = { written: 0, conflicts: 0, other: [] as string[], threw: [] as string[] };
    const counted = {
      ...store,
      append: async (...args: Parameters<typeof store.append>) => {
        const r = await store.append(...args);
        if (r.ok) answers.written += r.value.events.length;
        else if (r.error.code === "concurrency_conflict") answers.conflicts++;
        else answers.other.push(r.error.code);
        return r;
      },
      readStream: store.readStream.bind(store),
      readAll: store.readAll.bind(store),
      findCommand: store.findCommand.bind(store),
    };
    const writers = 6;
    const perWriter = 60;
    let ids = 0;
    const results = await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        let ok = 0;
        let gaveUp = 0;
        for (let i = 0; i < perWriter; i++) {
          const command = { type: "Add", tallyId: streams[(w + i) % streams.length], by: 1 };
          try {
            const r = await handle(counted, tally, command, fixedContext({ at, newId: () => `w${w}-${++ids}` }), { retries: 20 });
            if (r.ok) ok++;
            else if (r.error.code === "concurrency_conflict") gaveUp++;
            else answers.other.push(r.error.code);
          } catch (e) {
            answers.threw.push(String(e));
          }
        }
        return { ok, gaveUp };
      }),
    );
    const succeeded = results.reduce((s, r) => s + r.ok, 0);
    const gaveUp = results.reduce((s, r) => s + r.gaveUp, 0);
    let stored = 0;
    for (const id of streams) {
      const events = await store.readStream(`tally:${id}`);
      stored += events.length - 1;
      expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    }
    const all = await store.readAll();
    expect(all.map((r) => r.position)).toEqual([...all.map((r) => r.position)].sort((a, b) => a - b));
    console.log(
      `PostgreSQL, ${writers} connections × ${perWriter} commands on ${streams.length} streams: ${succeeded} written, ${answers.conflicts} conflicts returned as values (${gaveUp} gave up after 20 retries), ${stored} events stored`,
    );
    expect(answers.threw).toEqual([]);
    expect(answers.other).toEqual([]);
    expect(stored).toBe(succeeded);
    expect(answers.written).toBe(succeeded);
    expect(succeeded + gaveUp).toBe(writers * perWriter);
    expect(answers.conflicts).toBeGreaterThan(0);
  }, 120_000);

  it("a connection killed between the insert and the commit leaves nothing half-written, and the store carries on", async () => {
    const killer = poolFromEnv(1) as NonNullable<typeof pool>;
    const schema = `${run}_${++n}`;
    schemas.push(schema);
    const dying = await PostgresEventStore.open<Noted>(pool as NonNullable<typeof pool>, {
      schema,
      beforeCommit: async (client) => {
        const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
        await killer.query("SELECT pg_terminate_backend($1)", [pid]);
      },
    });
    const batch = toEnvelopes<Noted>(
      "s-1",
      0,
      Array.from({ length: 50 }, (_, i) => ({ type: "Noted" as const, data: { n: i, text: `note ${i}` } })),
      fixedContext({
        newId: (() => {
          let k = 0;
          return () => `kill-${++k}`;
        })(),
      }),
    );
    await expect(dying.append("s-1", batch, { expectedVersion: 0 })).rejects.toThrow();
    const healthy = await PostgresEventStore.open<Noted>(pool as NonNullable<typeof pool>, { schema });
    expect(await healthy.readStream("s-1")).toEqual([]);
    expect(await healthy.readAll()).toEqual([]);
    const again = await healthy.append("s-1", batch, { expectedVersion: 0 });
    expect(again.ok).toBe(true);
    expect((await healthy.readStream("s-1")).length).toBe(50);
    await killer.end();
  }, 60_000);
});

describe.skipIf(pool === undefined)("the catch-up projection on PostgreSQL", () => {
  const demo = decodeJsonl(createCodec(labEvents), readFileSync(DEMO_LOG, "utf8"));

  it("killed half-way and started again, it keeps figures equal to a full rebuild: nothing lost, nothing counted twice", async () => {
    const store = await fresh<LabEvent>();
    const schema = schemas.at(-1) as string;
    for (const e of demo.stored) {
      const r = await store.append(e.streamId, [e as Envelope<LabEvent>], { expectedVersion: e.version - 1 });
      expect(r.ok).toBe(true);
    }
    const start = (batch: number, pause: number): ChildProcess =>
      spawn(process.execPath, ["--import", "tsx", "examples/postgres-host/catch-up-run.ts", schema, String(batch), String(pause)], {
        stdio: ["ignore", "pipe", "pipe"],
        env: process.env,
      });
    // First run: small batches, slowed down, killed once it has committed some of them.
    const first = start(50, 30);
    let committed = 0;
    await new Promise<void>((resolve, reject) => {
      first.stdout?.on("data", (chunk: Buffer) => {
        committed += chunk
          .toString()
          .split("\n")
          .filter((l) => l.startsWith("committed")).length;
        if (committed >= 8) first.kill("SIGKILL");
      });
      first.on("exit", () => resolve());
      first.on("error", reject);
    });
    const halfway = await storedProjection(pool as NonNullable<typeof pool>, labProjections, "figures", schema);
    expect(halfway.position).toBeGreaterThan(0);
    expect(halfway.position).toBeLessThan(demo.stored.length);
    // Second run, to the end.
    const second = start(200, 0);
    const out = await new Promise<string>((resolve, reject) => {
      let text = "";
      second.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
      second.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`catch-up exited ${code}`))));
    });
    expect(out).toMatch(/caught up: \d+ events/u);
    const kept = await storedProjection(pool as NonNullable<typeof pool>, labProjections, "figures", schema);
    expect(kept.position).toBe(demo.stored.length);
    const rebuilt = computeFigures(demo.events);
    expect(rebuilt.ok && isDeepStrictEqual(figuresOf(kept.projected.state), rebuilt.value)).toBe(true);
    console.log(`Catch-up killed at position ${halfway.position} of ${demo.stored.length}, resumed, and ended with the figures of a full rebuild`);
  }, 180_000);

  it("npm run example:postgres imports, verifies, handles a command and keeps the figures of a full rebuild", async () => {
    const { execFileSync } = await import("node:child_process");
    const out = execFileSync(process.execPath, ["--import", "tsx", "examples/postgres-host/demo.ts"], { encoding: "utf8", env: process.env });
    expect(out).not.toContain("✗");
    expect(out).toContain("every hash chain intact");
    expect(out).toContain("The figures the projection keeps equal a full rebuild.");
  }, 180_000);
});
