import type { Envelope, EventStore } from "../kernel/index.js";
import { type Case, check, type Kit, type Noted, same, sameList } from "./conformance-kit.js";

const hugeBatch: Case = (k) => ({
  name: `appends a batch of ${k.hugeBatch.toLocaleString("en-US")} events in one call, whole and in order`,
  run: async () => {
    const store = await k.makeStore();
    const before = k.events("s-0", 0, 1);
    await k.must(store.append("s-0", before, { expectedVersion: 0 }), "an event before the batch");
    const batch = k.events("s-huge", 0, k.hugeBatch);
    const r = await k.must(store.append("s-huge", batch, { expectedVersion: 0, commandId: "cmd-huge" }), "the huge append");
    same(r.version, k.hugeBatch, "version after the append");
    sameList(await store.readStream("s-huge"), batch, "the batch read back");
    const all = await store.readAll();
    sameList(
      all.map((e) => e.event),
      [...before, ...batch],
      "the store in global order",
    );
    const retry = await k.must(store.append("s-huge", batch, { expectedVersion: 0, commandId: "cmd-huge" }), "the retried huge append");
    same(retry.replayed, true, "the retry replayed");
    same(retry.events.length, k.hugeBatch, "events answered to the retry");
  },
});

// Bounds no database integer holds: 2^31 overflows a 32-bit column, 2^53 - 1 is the largest safe number.
const BIG = [2 ** 31, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER] as const;

const readsPastAnyBound: Case = (k) => ({
  name: "reads with versions, positions and limits past any database integer (2^31, 2^53 - 1) without failing",
  run: async () => {
    const store = await k.makeStore();
    const a = k.events("s-1", 0, 3);
    await k.must(store.append("s-1", a, { expectedVersion: 0 }), "append");
    for (const big of BIG) {
      same(await store.readStream("s-1", { toVersion: big }), a, `to version ${big}`);
      same(await store.readStream("s-1", { fromVersion: 2, toVersion: big }), a.slice(1), `from version 2 to ${big}`);
      same(await store.readStream("s-1", { fromVersion: big }), [], `from version ${big}`);
      same(await store.readAll({ after: big }), [], `everything after position ${big}`);
      same((await store.readAll({ limit: big })).length, 3, `a page of ${big}`);
    }
    same(await store.readAll({ limit: 0 }), [], "a page of none");
    same(await store.readStream("s-1", { fromVersion: -5, toVersion: 1 }), a.slice(0, 1), "from a negative version");
  },
});

const concurrentFirstStart: Case = (k) => ({
  name: "several hosts starting at once on one new, empty store all open it, and each sees every host's events",
  run: async () => {
    const open = k.sameStore();
    const hosts: EventStore<Noted>[] = await Promise.all(Array.from({ length: 4 }, () => open()));
    const written: Envelope<Noted>[][] = await Promise.all(
      hosts.map(async (host, h) => {
        const events = k.events(`s-host-${h}`, 0, 2);
        await k.must(host.append(`s-host-${h}`, events, { expectedVersion: 0 }), `host ${h}'s append`);
        return events;
      }),
    );
    for (const [h, host] of hosts.entries()) {
      const all = await host.readAll();
      same(all.length, 8, `events host ${h} reads`);
      for (const [w, events] of written.entries()) same(await host.readStream(`s-host-${w}`), events, `host ${w}'s stream as host ${h} reads it`);
    }
  },
});

const lostConnection: Case = (k) => ({
  name: "a connection lost (or a disk failing) mid-append is store_unavailable, not a throw; nothing is half-written and the command replays exactly once",
  run: async () => {
    const make = k.lostConnection;
    if (make === undefined) throw new Error("this case needs the lostConnection option");
    const { dying, healthy } = await make();
    const batch = k.events("s-1", 0, 50);
    let outcome: Awaited<ReturnType<EventStore<Noted>["append"]>>;
    try {
      outcome = await dying.append("s-1", batch, { expectedVersion: 0, commandId: "cmd-lost" });
    } catch (e) {
      throw new Error(`the append whose connection was lost threw instead of returning store_unavailable: ${String(e)}`, { cause: e });
    }
    check(!outcome.ok && outcome.error.code === "store_unavailable", `expected store_unavailable, got ${outcome.ok ? "success" : outcome.error.code}`);
    same(await healthy.readStream("s-1"), [], "the stream after the lost append");
    same(await healthy.readAll(), [], "the store after the lost append");
    const replay = await k.must(healthy.append("s-1", batch, { expectedVersion: 0, commandId: "cmd-lost" }), "the replay on another host");
    same(replay.replayed, false, "the replay wrote (nothing had been written)");
    const again = await k.must(healthy.append("s-1", batch, { expectedVersion: 0, commandId: "cmd-lost" }), "a second replay");
    same(again.replayed, true, "the second replay answered from the first");
    sameList(await healthy.readStream("s-1"), batch, "the stream, written once");
  },
});

/** The limits section of the store conformance suite; the lost connection only for stores that have one. */
export const limitCases = (k: Kit): readonly Case[] => [
  hugeBatch,
  readsPastAnyBound,
  concurrentFirstStart,
  ...(k.lostConnection === undefined ? [] : [lostConnection]),
];
