import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AppendOptions, type Envelope, handle, InMemoryEventStore, lruStateCache } from "../../src/index.js";
import { toEnvelopes } from "../../src/kernel/index.js";
import { fixedContext, sequentialIds } from "../../src/testing/index.js";
import { type TallyEvent, type TallyState, tally } from "./tally.js";

const ctx = (commandId?: string) => fixedContext({ newId: sequentialIds(`evt-${commandId ?? "x"}`), ...(commandId ? { commandId } : {}) });

/** A store where another writer slips an event in before each of the first `times` appends. */
class RacingStore extends InMemoryEventStore<TallyEvent> {
  constructor(public times = 0) {
    super();
  }
  override async append(streamId: string, events: readonly Envelope<TallyEvent>[], options: AppendOptions) {
    if (this.times > 0) {
      this.times--;
      const current = (await this.readStream(streamId)).length;
      const rival = toEnvelopes<TallyEvent>(
        streamId,
        current,
        [{ type: "Added", data: { tallyId: "t1", by: 1 } }],
        fixedContext({ newId: sequentialIds(`rival-${this.times}`) }),
      );
      await super.append(streamId, rival, { expectedVersion: current });
    }
    return super.append(streamId, events, options);
  }
}

describe("handle", () => {
  it("loads, decides, appends and returns the new state", async () => {
    const store = new InMemoryEventStore<TallyEvent>();
    await handle(store, tally, { type: "Open", tallyId: "t1", label: "Visits", limit: 10 }, ctx());
    const r = await handle(store, tally, { type: "Add", tallyId: "t1", by: 3 }, ctx());
    expect(r.ok && r.value).toMatchObject({ streamId: "tally:t1", version: 2, replayed: false, state: { total: 3 } });
    expect(await store.readStream("tally:t1")).toHaveLength(2);
  });

  it("stores events frozen through, data and actor too: what was checked is what stays stored", async () => {
    const store = new InMemoryEventStore<TallyEvent>();
    const r = await handle(store, tally, { type: "Open", tallyId: "t1", label: "Visits", limit: 10 }, ctx());
    const [stored] = await store.readStream("tally:t1");
    expect(r.ok && r.value.events[0]).toBe(stored);
    for (const part of [stored, stored?.data, stored?.actor]) expect(Object.isFrozen(part)).toBe(true);
    expect(() => {
      (stored?.data as { label: string }).label = "a\u0000b";
    }).toThrow(TypeError);
    // An equal envelope the kernel did not stamp is checked as any other: a copy with bad text is refused.
    const copy = { ...(stored as Envelope<TallyEvent>), version: 2, id: "evt-copy", data: { tallyId: "t1", label: "a\u0000b", limit: 10 } };
    const refused = await store.append("tally:t1", [copy as Envelope<TallyEvent>], { expectedVersion: 1 });
    expect(!refused.ok && refused.error.code).toBe("validation_failed");
  });

  it("reloads and decides again when another writer got there first, within the retry bound", async () => {
    const racing = new RacingStore();
    await handle(racing, tally, { type: "Open", tallyId: "t1", label: "Visits", limit: 10 }, ctx());
    racing.times = 2;
    const r = await handle(racing, tally, { type: "Add", tallyId: "t1", by: 5 }, ctx(), { retries: 2 });
    // Two rival additions of 1 landed first; ours was decided on top of them.
    expect(r.ok && r.value).toMatchObject({ version: 4, state: { total: 7, recent: [1, 1, 5] } });
  });

  it("gives up with the conflict after the retry bound, having written nothing of its own", async () => {
    const store = new RacingStore(3);
    const r = await handle(store, tally, { type: "Open", tallyId: "t1", label: "Visits" }, ctx(), { retries: 2 });
    expect(!r.ok && r.error.code).toBe("concurrency_conflict");
    expect((await store.readStream("tally:t1")).every((e) => e.id.startsWith("rival"))).toBe(true);
  });

  it("decides on the reloaded state: a rule that now fails is reported, not overwritten", async () => {
    const racing = new RacingStore();
    await handle(racing, tally, { type: "Open", tallyId: "t1", label: "Visits", limit: 2 }, ctx());
    racing.times = 1;
    await handle(racing, tally, { type: "Add", tallyId: "t1", by: 1 }, ctx());
    const r = await handle(racing, tally, { type: "Add", tallyId: "t1", by: 1 }, ctx());
    expect(!r.ok && r.error.code).toBe("over_limit");
  });

  it("answers a retried command id without writing twice, and refuses the id for another command", async () => {
    const store = new InMemoryEventStore<TallyEvent>();
    await handle(store, tally, { type: "Open", tallyId: "t1", label: "Visits", limit: 10 }, ctx("c-1"));
    const first = await handle(store, tally, { type: "Add", tallyId: "t1", by: 2 }, ctx("c-2"));
    const again = await handle(store, tally, { type: "Add", tallyId: "t1", by: 2 }, ctx("c-2"));
    expect(again.ok && again.value.replayed).toBe(true);
    expect(again.ok && first.ok && again.value.events).toEqual(first.ok && first.value.events);
    expect(store.size).toBe(2);
    const misuse = await handle(store, tally, { type: "Add", tallyId: "t1", by: 3 }, ctx("c-2"));
    expect(!misuse.ok && misuse.error.code).toBe("idempotency_conflict");
    expect(store.size).toBe(2);
  });

  it("refuses an invalid command before touching the store", async () => {
    const store = new InMemoryEventStore<TallyEvent>();
    const r = await handle(store, tally, { type: "Add", tallyId: "" }, ctx());
    expect(!r.ok && r.error.code).toBe("validation_failed");
    expect(store.size).toBe(0);
  });

  it("with a cache, reads only the events appended since the cached version", async () => {
    const reads: (number | undefined)[] = [];
    class SpyStore extends InMemoryEventStore<TallyEvent> {
      override readStream(id: string, o?: { fromVersion?: number }) {
        reads.push(o?.fromVersion);
        return super.readStream(id, o);
      }
    }
    const store = new SpyStore();
    const spy = store;
    const cache = lruStateCache<TallyState>(10);
    await handle(spy, tally, { type: "Open", tallyId: "t1", label: "Visits", limit: 10 }, ctx(), { cache });
    await handle(spy, tally, { type: "Add", tallyId: "t1", by: 1 }, ctx(), { cache });
    // Someone else appends outside this cache.
    await handle(store, tally, { type: "Add", tallyId: "t1", by: 2 }, ctx());
    reads.pop();
    const r = await handle(spy, tally, { type: "Add", tallyId: "t1", by: 3 }, ctx(), { cache });
    expect(reads).toEqual([1, 2, 3]);
    expect(r.ok && r.value.state).toMatchObject({ total: 6, recent: [1, 2, 3] });
  });

  it("the LRU cache answers as a list in order of use would, whatever the gets and sets", () => {
    // The model: keys in order of use, most recent last, cut to the capacity from the front.
    const ops = fc.array(fc.tuple(fc.boolean(), fc.constantFrom("a", "b", "c", "d", "e"), fc.nat(9)), { minLength: 20, maxLength: 60 });
    let hits = 0;
    let evicted = 0;
    fc.assert(
      fc.property(fc.nat(4), ops, (capacity, steps) => {
        const cache = lruStateCache<number>(capacity);
        let model: [string, number][] = [];
        for (const [isSet, key, value] of steps) {
          const at = model.findIndex(([k]) => k === key);
          if (isSet) {
            model = [...model.filter(([k]) => k !== key), [key, value]];
            if (model.length > capacity) {
              model = model.slice(1);
              evicted++;
            }
            cache.set(key, { state: value, version: 1 });
          } else {
            const expected = at === -1 ? undefined : model[at];
            if (expected !== undefined) {
              model = [...model.filter(([k]) => k !== key), expected];
              hits++;
            }
            expect(cache.get(key)?.state).toBe(expected?.[1]);
          }
        }
      }),
      { numRuns: 500, seed: 21 },
    );
    expect(hits).toBeGreaterThan(1_000);
    expect(evicted).toBeGreaterThan(1_000);
  });

  it("the LRU cache keeps at most its capacity, evicting the least recently used", () => {
    const cache = lruStateCache<number>(2);
    cache.set("a", { state: 1, version: 1 });
    cache.set("b", { state: 2, version: 1 });
    cache.get("a");
    cache.set("c", { state: 3, version: 1 });
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.state).toBe(1);
    expect(cache.get("c")?.state).toBe(3);
  });
});
