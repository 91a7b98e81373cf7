import { describe, expect, it } from "vitest";
import { type EventStore, InMemoryEventStore } from "../../src/index.js";
import { eventStoreConformance, type Noted } from "../../src/testing/index.js";

describe("InMemoryEventStore passes the store conformance suite", () => {
  for (const c of eventStoreConformance(() => new InMemoryEventStore<Noted>())) it(c.name, c.run);
});

describe("the conformance suite catches a broken store", () => {
  // A store that forgets to check the expected version: the suite must say so.
  class Careless extends InMemoryEventStore<Noted> {
    override append(...[streamId, events, options]: Parameters<EventStore<Noted>["append"]>) {
      return super.append(streamId, events, { ...options, expectedVersion: this.readStreamSync(streamId).length });
    }
  }
  it("fails the concurrency case with a message that says what went wrong", async () => {
    const cases = eventStoreConformance(() => new Careless());
    const conflict = cases.find((c) => c.name.startsWith("refuses a stale expected version"));
    await expect(conflict?.run()).rejects.toThrow("stale append: expected concurrency_conflict, got validation_failed");
  });
});
