import { describe, expect, it } from "vitest";
import { type Envelope, InMemoryEventStore, planAppend } from "../../src/index.js";
import { toEnvelopes } from "../../src/kernel/index.js";
import { fixedContext } from "../../src/testing/index.js";
import type { TallyEvent } from "./tally.js";

const add = (tallyId: string, by: number): TallyEvent => ({ type: "Added", data: { tallyId, by } });
const batch = (streamId: string, from: number, ...events: TallyEvent[]): Envelope<TallyEvent>[] =>
  toEnvelopes(streamId, from, events, fixedContext({ newId: () => `${streamId}@${from}-${Math.random()}` }));

describe("InMemoryEventStore", () => {
  it("reads back what was appended, per stream and in global order", async () => {
    const store = new InMemoryEventStore<TallyEvent>();
    const a1 = batch("tally:a", 0, add("a", 1), add("a", 2));
    const b1 = batch("tally:b", 0, add("b", 5));
    const a2 = batch("tally:a", 2, add("a", 3));
    expect((await store.append("tally:a", a1, { expectedVersion: 0 })).ok).toBe(true);
    expect((await store.append("tally:b", b1, { expectedVersion: 0 })).ok).toBe(true);
    expect(await store.append("tally:a", a2, { expectedVersion: 2 })).toMatchObject({ ok: true, value: { version: 3, replayed: false } });
    expect(await store.readStream("tally:a")).toEqual([...a1, ...a2]);
    expect(await store.readStream("tally:a", { fromVersion: 2 })).toEqual([a1[1], ...a2]);
    expect(await store.readStream("tally:a", { fromVersion: 2, toVersion: 2 })).toEqual([a1[1]]);
    expect(await store.readStream("tally:a", { fromVersion: 9 })).toEqual([]);
    expect(await store.readStream("tally:none")).toEqual([]);
    const all = await store.readAll();
    expect(all.map((r) => r.position)).toEqual([1, 2, 3, 4]);
    expect(all.map((r) => r.event)).toEqual([...a1, ...b1, ...a2]);
    expect((await store.readAll({ after: 2, limit: 1 })).map((r) => r.event)).toEqual(b1);
    expect(store.size).toBe(4);
  });

  it("rejects a stale expected version with a conflict and writes nothing", async () => {
    const store = new InMemoryEventStore<TallyEvent>();
    await store.append("tally:a", batch("tally:a", 0, add("a", 1)), { expectedVersion: 0 });
    const r = await store.append("tally:a", batch("tally:a", 0, add("a", 9)), { expectedVersion: 0 });
    expect(!r.ok && r.error).toMatchObject({ code: "concurrency_conflict", details: { streamId: "tally:a", expectedVersion: 0, actualVersion: 1 } });
    expect(await store.readStream("tally:a")).toHaveLength(1);
    expect(store.size).toBe(1);
  });

  it("rejects envelopes numbered wrongly or addressed to another stream, writing none of the batch", async () => {
    const store = new InMemoryEventStore<TallyEvent>();
    const good = batch("tally:a", 0, add("a", 1));
    const wrong = batch("tally:a", 5, add("a", 2));
    const r = await store.append("tally:a", [...good, ...wrong], { expectedVersion: 0 });
    expect(!r.ok && r.error.code).toBe("validation_failed");
    const other = await store.append("tally:a", batch("tally:b", 0, add("b", 1)), { expectedVersion: 0 });
    expect(!other.ok && other.error.code).toBe("validation_failed");
    expect(store.size).toBe(0);
  });

  it("answers a retried command id from the first append, and refuses it for a different request", async () => {
    const store = new InMemoryEventStore<TallyEvent>();
    const first = batch("tally:a", 0, add("a", 1));
    await store.append("tally:a", first, { expectedVersion: 0, commandId: "c-1" });
    // Same request: new ids and times, same types and data.
    const retry = await store.append("tally:a", batch("tally:a", 0, add("a", 1)), { expectedVersion: 0, commandId: "c-1" });
    expect(retry).toEqual({ ok: true, value: { events: first, version: 1, replayed: true } });
    const different = await store.append("tally:a", batch("tally:a", 1, add("a", 2)), { expectedVersion: 1, commandId: "c-1" });
    expect(!different.ok && different.error).toMatchObject({ code: "idempotency_conflict", details: { commandId: "c-1" } });
    const elsewhere = await store.append("tally:b", batch("tally:b", 0, add("a", 1)), { expectedVersion: 0, commandId: "c-1" });
    expect(!elsewhere.ok && elsewhere.error.code).toBe("idempotency_conflict");
    expect(store.size).toBe(1);
    expect(await store.findCommand("c-1")).toMatchObject({ streamId: "tally:a", events: first });
    expect(await store.findCommand("c-2")).toBeUndefined();
  });

  it("hands out copies: changing a returned array does not change the store", async () => {
    const store = new InMemoryEventStore<TallyEvent>();
    await store.append("tally:a", batch("tally:a", 0, add("a", 1)), { expectedVersion: 0 });
    ((await store.readStream("tally:a")) as Envelope<TallyEvent>[]).pop();
    expect(await store.readStream("tally:a")).toHaveLength(1);
  });
});

describe("planAppend: the rules every store applies before writing", () => {
  const events = batch("tally:a", 2, add("a", 3), add("a", 4));
  const earlier = (streamId: string, fingerprint: string) => ({ streamId, fingerprint });
  it("given no command id and the head at 2, when appending versions 3 and 4 at 2, then it writes and remembers nothing", () => {
    expect(planAppend("tally:a", events, { expectedVersion: 2 }, 2, undefined)).toEqual({ ok: true, value: { replay: false, fingerprint: undefined } });
  });
  it("given the same command stored before, then it is replayed, whatever the head is now; another command under that id is refused", () => {
    const first = planAppend("tally:a", events, { expectedVersion: 2, commandId: "c1" }, 2, undefined);
    const fingerprint = first.ok && !first.value.replay ? (first.value.fingerprint ?? "") : "";
    expect(fingerprint).toMatch(/\S/u);
    expect(planAppend("tally:a", events, { expectedVersion: 2, commandId: "c1" }, 4, earlier("tally:a", fingerprint))).toEqual({
      ok: true,
      value: { replay: true },
    });
    expect(planAppend("tally:b", events, { expectedVersion: 2, commandId: "c1" }, 4, earlier("tally:a", fingerprint))).toMatchObject({
      ok: false,
      error: { code: "idempotency_conflict" },
    });
    expect(planAppend("tally:a", events, { expectedVersion: 2, commandId: "c1" }, 4, earlier("tally:a", "other"))).toMatchObject({
      ok: false,
      error: { code: "idempotency_conflict" },
    });
  });
  it("given the head moved, then concurrency_conflict; given an event at the wrong version, then validation naming it", () => {
    expect(planAppend("tally:a", events, { expectedVersion: 2 }, 3, undefined)).toMatchObject({ ok: false, error: { code: "concurrency_conflict" } });
    const skipped = batch("tally:a", 3, add("a", 5));
    const r = planAppend("tally:a", skipped, { expectedVersion: 2 }, 2, undefined);
    expect(r).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    if (!r.ok) expect(r.error.message).toContain("event 1 must belong to tally:a at version 3, not tally:a at 4");
  });
});
