import { type Envelope, toEnvelopes } from "../kernel/index.js";
import { type Case, check, type ConformanceCase, type Kit, type LostConnection, type Noted, same, sameList, type StoreOrPromise } from "./conformance-kit.js";
import { hostileValueCases } from "./conformance-hostile.js";
import { limitCases } from "./conformance-limits.js";
import { fixedContext } from "./context.js";

export type { ConformanceCase, LostConnection, Noted, StoreOrPromise } from "./conformance-kit.js";

const appendsAndReadsBack: Case = (k) => ({
  name: "appends events and reads the stream back in order, unchanged",
  run: async () => {
    const store = await k.makeStore();
    const a = k.events("s-1", 0, 3);
    const r = await k.must(store.append("s-1", a, { expectedVersion: 0 }), "first append");
    same(r.version, 3, "version after the append");
    same(r.replayed, false, "replayed");
    const b = k.events("s-1", 3, 2);
    await k.must(store.append("s-1", b, { expectedVersion: 3 }), "second append");
    same(await store.readStream("s-1"), [...a, ...b], "the stream as read back");
    same(await store.readStream("unknown"), [], "an unknown stream");
  },
});

const readsBetweenVersions: Case = (k) => ({
  name: "reads a stream from a version, to a version",
  run: async () => {
    const store = await k.makeStore();
    const a = k.events("s-1", 0, 5);
    await k.must(store.append("s-1", a, { expectedVersion: 0 }), "append");
    same(await store.readStream("s-1", { fromVersion: 3 }), a.slice(2), "from version 3");
    same(await store.readStream("s-1", { toVersion: 2 }), a.slice(0, 2), "to version 2");
    same(await store.readStream("s-1", { fromVersion: 2, toVersion: 4 }), a.slice(1, 4), "versions 2 to 4");
    same(await store.readStream("s-1", { fromVersion: 9 }), [], "past the end");
  },
});

const readsAllInGlobalOrder: Case = (k) => ({
  name: "reads every stream in global order, after a position, page by page",
  run: async () => {
    const store = await k.makeStore();
    const order: Envelope<Noted>[] = [];
    for (let round = 0; round < 3; round++) {
      for (const s of ["s-a", "s-b", "s-c"]) {
        const batch = k.events(s, round, 1);
        await k.must(store.append(s, batch, { expectedVersion: round }), `append to ${s}`);
        order.push(...batch);
      }
    }
    const all = await store.readAll();
    same(
      all.map((r) => r.event),
      order,
      "global order",
    );
    const positions = all.map((r) => r.position);
    check(
      positions.every((p, i) => i === 0 || p > (positions[i - 1] ?? 0)),
      `positions must increase: ${positions.join(", ")}`,
    );
    const after = positions[3] ?? 0;
    same(
      (await store.readAll({ after })).map((r) => r.event),
      order.slice(4),
      "after the fourth position",
    );
    same(
      (await store.readAll({ after, limit: 2 })).map((r) => r.event),
      order.slice(4, 6),
      "a page of two",
    );
  },
});

const refusesStaleVersion: Case = (k) => ({
  name: "refuses a stale expected version with concurrency_conflict and writes nothing",
  run: async () => {
    const store = await k.makeStore();
    await k.must(store.append("s-1", k.events("s-1", 0, 2), { expectedVersion: 0 }), "append");
    await k.fails(store.append("s-1", k.events("s-1", 0, 1), { expectedVersion: 0 }), "concurrency_conflict", "stale append");
    await k.fails(store.append("s-1", k.events("s-1", 5, 1), { expectedVersion: 5 }), "concurrency_conflict", "append ahead of the stream");
    same((await store.readStream("s-1")).length, 2, "events in the stream");
    same((await store.readAll()).length, 2, "events in the store");
  },
});

const batchAllOrNothing: Case = (k) => ({
  name: "writes a batch all or nothing: a wrongly numbered batch leaves no trace",
  run: async () => {
    const store = await k.makeStore();
    const good = k.events("s-1", 0, 2);
    const bad = [...good, ...k.events("s-1", 7, 1)];
    const r = await store.append("s-1", bad, { expectedVersion: 0 });
    check(!r.ok, "a batch with a version gap must be refused");
    same(await store.readStream("s-1"), [], "the stream after a refused batch");
    await k.must(store.append("s-1", good, { expectedVersion: 0 }), "the good batch afterwards");
  },
});

const concurrentAppends: Case = (k) => ({
  name: "under concurrent appends at one expected version, exactly one wins; retried, none is lost or duplicated",
  run: async () => {
    const store = await k.makeStore();
    const writers = 8;
    const results = await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        store.append(
          "s-1",
          k.events("s-1", 0, 1).map((e) => ({ ...e, data: { n: w, text: `writer ${w}` } })),
          { expectedVersion: 0 },
        ),
      ),
    );
    same(results.filter((r) => r.ok).length, 1, "writers that won the first round");
    check(
      results.every((r) => r.ok || r.error.code === "concurrency_conflict"),
      "losers must get concurrency_conflict",
    );
    // Every loser reloads and tries again until it gets in, as `handle` does.
    const winner = results.findIndex((r) => r.ok);
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        if (w === winner) return;
        for (let attempt = 0; attempt < writers * 4; attempt++) {
          const version = (await store.readStream("s-1")).length;
          const r = await store.append(
            "s-1",
            k.events("s-1", version, 1).map((e) => ({ ...e, data: { n: w, text: `writer ${w}` } })),
            { expectedVersion: version },
          );
          if (r.ok) return;
          check(r.error.code === "concurrency_conflict", `retry of writer ${w}: ${r.error.code}`);
        }
        throw new Error(`writer ${w} never got in`);
      }),
    );
    const stream = await store.readStream("s-1");
    same(
      stream.map((e) => e.version),
      Array.from({ length: writers }, (_, i) => i + 1),
      "versions",
    );
    same(
      [...stream.map((e) => e.data.n)].sort((x, y) => x - y),
      Array.from({ length: writers }, (_, i) => i),
      "every writer's event exactly once",
    );
  },
});

const idempotentRetries: Case = (k) => ({
  name: "answers a retried command id from the first append; the same id for another request is idempotency_conflict",
  run: async () => {
    const store = await k.makeStore();
    const first = k.events("s-1", 0, 1);
    await k.must(store.append("s-1", first, { expectedVersion: 0, commandId: "cmd-1", fingerprint: "request-A" }), "first try");
    const retry = await k.must(store.append("s-1", k.events("s-1", 0, 1), { expectedVersion: 0, commandId: "cmd-1", fingerprint: "request-A" }), "retry");
    same(retry.replayed, true, "replayed");
    same(retry.events, first, "events answered to the retry");
    await k.fails(
      store.append("s-1", k.events("s-1", 1, 1), { expectedVersion: 1, commandId: "cmd-1", fingerprint: "request-B" }),
      "idempotency_conflict",
      "reuse for another request",
    );
    same((await store.readStream("s-1")).length, 1, "events written");
    const found = await store.findCommand("cmd-1");
    same(found && { streamId: found.streamId, events: found.events }, { streamId: "s-1", events: first }, "the recorded command");
    same(await store.findCommand("cmd-unknown"), undefined, "an unknown command id");
  },
});

const largeStream: Case = (k) => ({
  name: `keeps a large stream (${k.largeStream} events) whole and in order`,
  run: async () => {
    const store = await k.makeStore();
    const size = k.largeStream;
    const all = k.events("s-big", 0, size);
    for (let i = 0; i < size; i += 250) await k.must(store.append("s-big", all.slice(i, i + 250), { expectedVersion: i }), `append from ${i}`);
    await k.must(store.append("s-other", k.events("s-other", 0, 1), { expectedVersion: 0 }), "another stream");
    sameList(await store.readStream("s-big"), all, "the large stream read back");
    same(await store.readStream("s-big", { fromVersion: size }), all.slice(-1), "the last one alone");
    sameList(
      (await store.readAll()).map((r) => r.event),
      [...all, ...(await store.readStream("s-other"))],
      "the whole store in global order",
    );
  },
});

/** Options of `eventStoreConformance`: sizes, and what only some stores can do. */
export interface ConformanceOptions {
  /** Events in the large-stream case (default 5,000). */
  readonly largeStream?: number;
  /** Events in the one append of the huge-batch case (default 12,000: past 65,535 bind parameters at six a row). */
  readonly hugeBatch?: number;
  /** Characters in the big-string case (default 10,000,000). */
  readonly bigString?: number;
  /**
   * Hosts of one new, empty store: each call of the function returned opens one more host on it
   * (its own connections), as processes starting at once would. Default: one `makeStore()` shared.
   */
  readonly sameStore?: () => () => StoreOrPromise;
  /**
   * Two hosts of one new store, one about to lose its connection (or its disk) mid-append; without
   * it (a store with nothing to lose, as the in-memory one) that case is left out.
   */
  readonly lostConnection?: () => Promise<LostConnection>;
}

/**
 * The contract every `EventStore` must keep, as named cases any test runner can run: append and read
 * back, reading between versions, global order with paging, optimistic concurrency (also under
 * concurrent appends: none lost, none duplicated), all-or-nothing batches, idempotent retries, a
 * large stream; hostile values (every value JSON can hold kept exactly, everything no store can keep
 * refused as the same `validation_failed` value, a 10 MB string); and limits (a batch of 12,000
 * events, reads bounded past any database integer, several hosts starting on one empty store at
 * once, a connection lost mid-append). `makeStore` must return a new, empty store each time.
 *
 * @example
 * // in vitest, jest, node:test, mocha…: `for (const c of cases) it(c.name, c.run);`
 * const cases = eventStoreConformance(() => new InMemoryEventStore<Noted>());
 * for (const c of cases) await c.run();
 */
export const eventStoreConformance = (makeStore: () => StoreOrPromise, options: ConformanceOptions = {}): ConformanceCase[] => {
  let id = 0;
  const context = () => fixedContext({ at: "2020-01-01T00:00:00.000Z", newId: () => `conformance-${++id}` });
  const kit: Kit = {
    makeStore,
    events: (streamId, after, count) =>
      toEnvelopes<Noted>(
        streamId,
        after,
        Array.from({ length: count }, (_, i) => ({ type: "Noted" as const, data: { n: after + i + 1, text: `note ${after + i + 1}` } })),
        context(),
      ),
    raw: (streamId, after, data, type = "Noted") =>
      toEnvelopes(
        streamId,
        after,
        data.map((d) => ({ type, data: d })),
        context(),
      ) as unknown as Envelope<Noted>[],
    must: async (p, what) => {
      const r = await p;
      if (!r.ok) throw new Error(`${what}: expected success, got ${r.error.code} — ${r.error.message}`);
      return r.value;
    },
    fails: async (p, code, what) => {
      const r = await p;
      check(!r.ok && r.error?.code === code, `${what}: expected ${code}, got ${r.ok ? "success" : r.error?.code}`);
    },
    largeStream: options.largeStream ?? 5_000,
    hugeBatch: options.hugeBatch ?? 12_000,
    bigString: options.bigString ?? 10_000_000,
    sameStore:
      options.sameStore ??
      (() => {
        const one = makeStore();
        return () => one;
      }),
    lostConnection: options.lostConnection,
  };
  const basics: Case[] = [
    appendsAndReadsBack,
    readsBetweenVersions,
    readsAllInGlobalOrder,
    refusesStaleVersion,
    batchAllOrNothing,
    concurrentAppends,
    idempotentRetries,
    largeStream,
  ];
  return [...basics, ...hostileValueCases, ...limitCases(kit)].map((c) => c(kit));
};
