// The catch-up projection on PostgreSQL: killed and restarted, several runners on a small pool,
// connections terminated under it, hosts starting at once on an empty database.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { computeFigures, createCodec, decodeJsonl, type Envelope, figuresOf, labEvents, labProjections, type LabEvent } from "../../../src/index.js";
import { catchUp, storedProjection } from "../../../examples/postgres-host/catch-up.js";
import { PostgresEventStore } from "../../../examples/postgres-host/postgres-event-store.js";
import { DEMO_LOG } from "../../../examples/demo/paths.js";
import { db, fresh, otherPool, pool, schemaName, terminate } from "./kit.js";

const demo = decodeJsonl(createCodec(labEvents), readFileSync(DEMO_LOG, "utf8"));
const rebuilt = computeFigures(demo.events);

// A store holding the demonstration log, appended stream by stream as a migrating host would.
const demoStore = async (): Promise<PostgresEventStore<LabEvent>> => {
  const store = await fresh<LabEvent>();
  for (const e of demo.stored) {
    const r = await store.append(e.streamId, [e as Envelope<LabEvent>], { expectedVersion: e.version - 1 });
    expect(r.ok).toBe(true);
  }
  return store;
};

// The figures the checkpoint keeps, against a rebuild from the whole log.
const keepsRebuiltFigures = async (store: PostgresEventStore<LabEvent>): Promise<void> => {
  const kept = await storedProjection(db(), labProjections, "figures", store.schema);
  expect(kept.position).toBe((await store.readAll()).at(-1)?.position);
  expect(rebuilt.ok && isDeepStrictEqual(figuresOf(kept.projected.state), rebuilt.value)).toBe(true);
};

describe.skipIf(pool === undefined)("the catch-up projection on PostgreSQL", () => {
  it("killed half-way and started again, it keeps figures equal to a full rebuild: nothing lost, nothing counted twice", async () => {
    const store = await demoStore();
    const start = (batch: number, pause: number): ChildProcess =>
      spawn(process.execPath, ["--import", "tsx", "examples/postgres-host/catch-up-run.ts", store.schema, String(batch), String(pause)], {
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
    const halfway = await storedProjection(db(), labProjections, "figures", store.schema);
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
    await keepsRebuiltFigures(store);
    console.log(`Catch-up killed at position ${halfway.position} of ${demo.stored.length}, resumed, and ended with the figures of a full rebuild`);
  }, 180_000);

  it("runners outnumbering their pool (two on a pool of 2, three on a pool of 1) take turns and settle: each event applied once", async () => {
    const store = await demoStore();
    for (const [runners, size] of [
      [2, 2],
      [3, 1],
    ] as const) {
      const small = otherPool(size);
      const name = `figures-${runners}-on-${size}`;
      const results = await Promise.all(Array.from({ length: runners }, () => catchUp(small, store, labProjections, name, { batch: 100 })));
      const applied = results.reduce((sum, r) => sum + (r.ok ? r.value.applied : 0), 0);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(applied).toBe(demo.stored.length);
      // Each runner did some of the work: they took turns rather than one waiting for the other to finish.
      expect(results.every((r) => r.ok && r.value.batches > 0)).toBe(true);
      const kept = await storedProjection(db(), labProjections, name, store.schema);
      expect(rebuilt.ok && isDeepStrictEqual(figuresOf(kept.projected.state), rebuilt.value)).toBe(true);
      console.log(
        `${runners} catch-up runners on a pool of ${size}: ${results.map((r) => (r.ok ? r.value.batches : 0)).join(" + ")} batches, ${applied} events applied once`,
      );
    }
  }, 180_000);

  it("its connection terminated three times mid-batch (as by a restart), it resumes from the checkpoint and the host lives on", async () => {
    const store = await demoStore();
    let batches = 0;
    const r = await catchUp(db(), store, labProjections, "figures", {
      batch: 150,
      afterRead: async (client) => {
        if ([2, 5, 9].includes(++batches)) await terminate(client);
      },
    });
    expect(r.ok && r.value).toMatchObject({ resumed: 3, applied: demo.stored.length });
    await keepsRebuiltFigures(store);
  }, 120_000);

  it("four hosts opening the store and catching up at once on an empty database all succeed", async () => {
    const schema = schemaName();
    const hosts = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const store = await PostgresEventStore.open<LabEvent>(db(), { schema });
        return catchUp(db(), store, labProjections, "figures");
      }),
    );
    expect(hosts.map((r) => r.ok && r.value.position)).toEqual([0, 0, 0, 0]);
  }, 60_000);

  it("gives up with store_unavailable, not a throw, when every connection it gets is lost", async () => {
    const store = await demoStore();
    const r = await catchUp(db(), store, labProjections, "figures", { resumes: 2, afterRead: (client) => terminate(client) });
    expect(!r.ok && r.error).toMatchObject({ code: "store_unavailable", message: expect.stringContaining("lost 3 times in a row") });
    expect((await storedProjection(db(), labProjections, "figures", store.schema)).position).toBe(0);
  }, 60_000);
});
