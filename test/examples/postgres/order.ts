// The global order under attack: many writers and a paging reader (with a control run without the
// safety, to show the attack can see a gap), and a frozen writer (which may hold readers back,
// never other writers).
import { describe, expect, it } from "vitest";
import type { Envelope } from "../../../src/index.js";
import { type Noted, prng } from "../../../src/testing/index.js";
import { PostgresEventStore } from "../../../examples/postgres-host/postgres-event-store.js";
import { db, notes, pool, schemaName } from "./kit.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Writers append while a reader pages `readAll` after its last position, as a catch-up does; at the
// end the reader drains, and what it read is compared with what the store holds.
const attack = async (gapSafe: boolean) => {
  const schema = schemaName();
  const random = prng(gapSafe ? 24 : 42);
  // Each append lingers between its insert and its commit, so commits overtake one another.
  const store = await PostgresEventStore.open<Noted>(db(), {
    schema,
    gapSafe,
    beforeCommit: async () => {
      await sleep(Math.floor(random() * 4));
    },
  });
  const writers = 12;
  const appends = 40;
  let writing = true;
  const seen: { position: number; id: string }[] = [];
  const reader = (async () => {
    let cursor = 0;
    for (;;) {
      const done = !writing;
      const page = await store.readAll({ after: cursor, limit: 25 });
      for (const r of page) seen.push({ position: r.position, id: r.event.id });
      cursor = page.at(-1)?.position ?? cursor;
      if (done && page.length === 0) return;
    }
  })();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < appends; i++) {
        const r = await store.append(`w-${w}`, notes(`w-${w}`, i, 1, gapSafe ? "safe" : "unsafe"), { expectedVersion: i });
        expect(r.ok).toBe(true);
      }
    }),
  );
  writing = false;
  await reader;
  const stored = (await store.readAll()).map((r) => r.event.id);
  const read = new Set(seen.map((s) => s.id));
  return { stored, seen, skipped: stored.filter((id) => !read.has(id)).length };
};

describe.skipIf(pool === undefined)("the global order under 12 writers and a paging reader", () => {
  it("a reader resuming after its last position never skips an event, and reads positions in increasing order", async () => {
    const { stored, seen, skipped } = await attack(true);
    console.log(`gap attack, gap-safe store: ${stored.length} events written by 12 writers, ${seen.length} read while they wrote, ${skipped} skipped`);
    expect(stored.length).toBe(12 * 40);
    expect(skipped).toBe(0);
    expect(seen.length).toBe(stored.length);
    expect(seen.every((s, i) => i === 0 || s.position > (seen[i - 1]?.position ?? 0))).toBe(true);
  }, 120_000);

  it("control: the same attack on the store without the safety skips events, so the test can see a gap", async () => {
    const { stored, skipped } = await attack(false);
    console.log(`gap attack, control without the safety: ${skipped} of ${stored.length} events skipped (${((100 * skipped) / stored.length).toFixed(1)}%)`);
    expect(stored.length).toBe(12 * 40);
    expect(skipped).toBeGreaterThan(0);
  }, 120_000);
});

// An append that stops between its insert and its commit, until `release` is called; `client` is
// its connection once it has stopped.
const frozenWriter = () => {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let stopped = (): void => undefined;
  const frozen = new Promise<void>((resolve) => (stopped = resolve));
  return {
    beforeCommit: async () => {
      stopped();
      await gate;
    },
    frozen,
    release: () => release(),
  };
};

describe.skipIf(pool === undefined)("a frozen writer holds back readers, never other writers, and not for ever", () => {
  it("while one append is stopped before its commit, other streams keep appending, its own stream is refused as busy, and readers wait", async () => {
    const schema = schemaName();
    const freeze = frozenWriter();
    const stuck = await PostgresEventStore.open<Noted>(db(), { schema, beforeCommit: freeze.beforeCommit });
    const store = await PostgresEventStore.open<Noted>(db(), { schema, lockTimeoutMs: 300 });
    const frozenAppend = stuck.append("s-frozen", notes("s-frozen", 0, 3, "frozen"), { expectedVersion: 0, commandId: "cmd-frozen" });
    await freeze.frozen;
    // Eight writers, twenty appends each, on their own streams: none waits for the frozen one.
    const written: Envelope<Noted>[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 20; i++) {
          const events = notes(`s-${w}`, i, 1, "free");
          const r = await store.append(`s-${w}`, events, { expectedVersion: i });
          expect(r.ok, JSON.stringify(r)).toBe(true);
          written.push(...events);
        }
      }),
    );
    expect(written).toHaveLength(160);
    // A writer of the frozen stream waits on its row, up to the lock timeout, and is told so.
    const same = await store.append("s-frozen", notes("s-frozen", 0, 1, "rival"), { expectedVersion: 0 });
    expect(!same.ok && same.error).toMatchObject({ code: "concurrency_conflict", message: expect.stringContaining("lock timeout") });
    // Readers stop at the frozen transaction: everything after it waits.
    expect(await store.readAll()).toEqual([]);
    freeze.release();
    const r = await frozenAppend;
    expect(r.ok).toBe(true);
    const all = await store.readAll();
    expect(all.map((e) => e.event.id).sort()).toEqual([...notes("s-frozen", 0, 3, "frozen"), ...written].map((e) => e.id).sort());
  }, 60_000);

  it("the server ends a writer frozen past the idle-in-transaction timeout: store_unavailable, readers go on, the command replays once", async () => {
    const schema = schemaName();
    let ended = (): void => undefined;
    const sessionEnded = new Promise<void>((resolve) => (ended = resolve));
    // Frozen until the server ends its session: the client hears of it as an 'error' event.
    const stuck = await PostgresEventStore.open<Noted>(db(), {
      schema,
      idleInTransactionTimeoutMs: 500,
      beforeCommit: (client) => {
        client.once("error", () => ended());
        return sessionEnded;
      },
    });
    const store = await PostgresEventStore.open<Noted>(db(), { schema });
    const batch = notes("s-frozen", 0, 3, "ended");
    const frozenAppend = stuck.append("s-frozen", batch, { expectedVersion: 0, commandId: "cmd-ended" });
    const other = notes("s-other", 0, 2, "other");
    expect((await store.append("s-other", other, { expectedVersion: 0 })).ok).toBe(true);
    const r = await frozenAppend;
    expect(!r.ok && r.error).toMatchObject({ code: "store_unavailable" });
    expect((await store.readAll()).map((e) => e.event)).toEqual(other);
    const replay = await store.append("s-frozen", batch, { expectedVersion: 0, commandId: "cmd-ended" });
    expect(replay.ok && replay.value.replayed).toBe(false);
    expect(await store.readStream("s-frozen")).toEqual(batch);
  }, 60_000);
});
