// The PostgreSQL host against a real server. The sections live under ./postgres/ and run in this one
// file, one after another (see kit.ts).
import { describe, expect, it } from "vitest";
import { handle } from "../../src/index.js";
import { eventStoreConformance, fixedContext, type Noted } from "../../src/testing/index.js";
import { PostgresEventStore } from "../../examples/postgres-host/postgres-event-store.js";
import { tally, type TallyEvent } from "../kernel/tally.js";
import { db, fresh, notes, pool, schemaName, terminate } from "./postgres/kit.js";
import "./postgres/order.js";
import "./postgres/catch-up.js";

describe.skipIf(pool === undefined)("PostgresEventStore (a real server) passes the store conformance suite", () => {
  // Four hosts opening one new schema at once: each `open` runs the migrations, under their lock.
  const sameStore = () => {
    const schema = schemaName();
    return () => PostgresEventStore.open<Noted>(db(), { schema });
  };
  // The dying host's backend is terminated between its insert and its commit, as a restart would.
  const lostConnection = async () => {
    const schema = schemaName();
    const dying = await PostgresEventStore.open<Noted>(db(), { schema, beforeCommit: (client) => terminate(client) });
    return { dying, healthy: await PostgresEventStore.open<Noted>(db(), { schema }) };
  };
  const cases = eventStoreConformance(() => fresh<Noted>(), { largeStream: 2_000, sameStore, lostConnection });
  for (const c of cases) it(c.name, c.run, 60_000);
});

describe.skipIf(pool === undefined)("PostgresEventStore under real concurrency and at its limits", () => {
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

  it("a batch of 12,000 events in chunks is one transaction: a duplicate id in its last chunk leaves none of it", async () => {
    const store = await fresh<Noted>({ chunk: { events: 1_000 } });
    const taken = notes("s-before", 0, 1);
    expect((await store.append("s-before", taken, { expectedVersion: 0 })).ok).toBe(true);
    const batch = notes("s-huge", 0, 12_000);
    const last = batch.length - 1;
    batch[last] = { ...(batch[last] as (typeof batch)[number]), id: (taken[0] as (typeof taken)[number]).id };
    const r = await store.append("s-huge", batch, { expectedVersion: 0, commandId: "cmd-huge" });
    expect(!r.ok && r.error).toMatchObject({ code: "validation_failed", message: expect.stringContaining("already stored") });
    expect(await store.readStream("s-huge")).toEqual([]);
    expect(await store.findCommand("cmd-huge")).toBeUndefined();
    expect((await store.readAll()).length).toBe(1);
  }, 60_000);
});

describe.skipIf(pool === undefined)("npm run example:postgres", () => {
  it("imports, verifies, handles a command and keeps the figures of a full rebuild", async () => {
    const { execFileSync } = await import("node:child_process");
    const out = execFileSync(process.execPath, ["--import", "tsx", "examples/postgres-host/demo.ts"], { encoding: "utf8", env: process.env });
    expect(out).not.toContain("✗");
    expect(out).toContain("every hash chain intact");
    expect(out).toContain("The figures the projection keeps equal a full rebuild.");
  }, 180_000);
});
