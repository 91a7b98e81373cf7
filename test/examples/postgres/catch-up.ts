// The catch-up projection on PostgreSQL: killed and restarted.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { computeFigures, createCodec, decodeJsonl, type Envelope, figuresOf, labEvents, labProjections, type LabEvent } from "../../../src/index.js";
import { storedProjection } from "../../../examples/postgres-host/catch-up.js";
import type { PostgresEventStore } from "../../../examples/postgres-host/postgres-event-store.js";
import { DEMO_LOG } from "../../../examples/demo/paths.js";
import { db, fresh, pool } from "./kit.js";

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
});
