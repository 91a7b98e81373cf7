import { describe, expect, it } from "vitest";
import { type Envelope, type EventStore, InMemoryEventStore } from "../../src/index.js";
import { eventStoreConformance, type Noted } from "../../src/testing/index.js";

describe("InMemoryEventStore passes the store conformance suite", () => {
  for (const c of eventStoreConformance(() => new InMemoryEventStore<Noted>())) it(c.name, c.run, 30_000);
});

describe("the conformance suite catches a broken store", () => {
  // A store that forgets to check the expected version: the suite must say so.
  class Careless extends InMemoryEventStore<Noted> {
    override async append(...[streamId, events, options]: Parameters<EventStore<Noted>["append"]>) {
      return super.append(streamId, events, { ...options, expectedVersion: (await this.readStream(streamId)).length });
    }
  }
  it("fails the concurrency case with a message that says what went wrong", async () => {
    const cases = eventStoreConformance(() => new Careless());
    const conflict = cases.find((c) => c.name.startsWith("refuses a stale expected version"));
    await expect(conflict?.run()).rejects.toThrow("stale append: expected concurrency_conflict, got validation_failed");
  });
});

describe("the conformance suite catches a store that mangles hostile values or fails at the limits", () => {
  // What a JSON column does without the schemas' check: NaN and Infinity become null, silently.
  class Lax extends InMemoryEventStore<Noted> {
    override append(...[streamId, events, options]: Parameters<EventStore<Noted>["append"]>) {
      return super.append(streamId, JSON.parse(JSON.stringify(events)) as Envelope<Noted>[], options);
    }
  }
  // What a 32-bit version column does with a bound of 2^31.
  class Narrow extends InMemoryEventStore<Noted> {
    override readStream(...[streamId, options]: Parameters<EventStore<Noted>["readStream"]>) {
      if ((options?.toVersion ?? 0) > 2 ** 31 - 1) return Promise.reject(new Error("value out of range for type integer (22003)"));
      return super.readStream(streamId, options);
    }
  }
  const find = (cases: readonly { name: string; run: () => Promise<void> }[], start: string) => cases.find((c) => c.name.startsWith(start));
  it("a store that keeps NaN as null fails the hostile-value case, naming the value", async () => {
    await expect(
      find(
        eventStoreConformance(() => new Lax()),
        "refuses what no store can keep",
      )?.run(),
    ).rejects.toThrow("NaN: expected validation_failed, got success");
  });
  it("a store that throws on a version past 2^31 fails the limits case", async () => {
    await expect(
      find(
        eventStoreConformance(() => new Narrow()),
        "reads with versions",
      )?.run(),
    ).rejects.toThrow("22003");
  });
});

describe("the conformance suite compares events as JSON values, every field of every event", () => {
  // Keys come back in another order, as PostgreSQL's jsonb gives them: nothing is lost, so it passes.
  const reverseKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(reverseKeys)
      : typeof v === "object" && v !== null
        ? Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reverseKeys(x)]),
          )
        : v;
  class Reordering extends InMemoryEventStore<Noted> {
    override async readStream(...args: Parameters<EventStore<Noted>["readStream"]>) {
      return (await super.readStream(...args)).map((e) => reverseKeys(e) as Envelope<Noted>);
    }
    override async readAll(...args: Parameters<EventStore<Noted>["readAll"]>) {
      return (await super.readAll(...args)).map((r) => ({ position: r.position, event: reverseKeys(r.event) as Envelope<Noted> }));
    }
  }
  for (const c of eventStoreConformance(() => new Reordering())) it(`a store that reorders keys passes: ${c.name}`, c.run);

  // A field deep in a long stream comes back changed: the large-stream case must find it.
  class Corrupting extends InMemoryEventStore<Noted> {
    override async readStream(...args: Parameters<EventStore<Noted>["readStream"]>) {
      return (await super.readStream(...args)).map((e) => (e.version === 2_500 ? { ...e, data: { ...e.data, text: "note 2500 (changed)" } } : e));
    }
  }
  it("a store that corrupts data at version 2,500 of a long stream fails, naming the event", async () => {
    const large = eventStoreConformance(() => new Corrupting()).find((c) => c.name.startsWith("keeps a large stream"));
    await expect(large?.run()).rejects.toThrow(
      /the large stream read back: item 2500 \(- expected, \+ actual\):[\s\S]*- {5}"text": "note 2500"\n\+ {5}"text": "note 2500 \(changed\)"/u,
    );
  });
});
