import { describe, expect, it } from "vitest";
import { execute, fold } from "../../src/index.js";
import { toEnvelopes } from "../../src/kernel/index.js";
import { fixedContext, scenario } from "../../src/testing/index.js";
import { tally } from "./tally.js";

const opened = { type: "TallyOpened", data: { tallyId: "t1", label: "Visits", unit: "items", limit: 10 } } as const;
const spec = scenario(tally);

describe("execute", () => {
  it("decides, numbers the new events after the history and stamps them from the context", () => {
    const ctx = fixedContext({
      at: "2019-05-01T09:00:00Z",
      commandId: "c-7",
      correlationId: "corr-1",
      causationId: "cause-1",
      actor: { id: "u-2", role: "facilitator" },
    });
    const history = toEnvelopes("tally:t1", 0, [opened], fixedContext());
    const r = execute(tally, history, { type: "Add", tallyId: "t1", by: 4 }, ctx);
    expect(r.ok && r.value).toMatchObject({
      streamId: "tally:t1",
      expectedVersion: 1,
      events: [
        {
          id: "evt-1",
          streamId: "tally:t1",
          version: 2,
          type: "Added",
          schemaVersion: 1,
          occurredAt: "2019-05-01T09:00:00.000Z",
          recordedAt: "2019-05-01T09:00:00.000Z",
          actor: { id: "u-2", role: "facilitator" },
          commandId: "c-7",
          correlationId: "corr-1",
          causationId: "cause-1",
          data: { tallyId: "t1", by: 4 },
        },
      ],
      state: { status: "open", total: 4, recent: [4] },
    });
  });

  it("stamps the current schema version of each event type", () => {
    const r = execute(tally, [], { type: "Open", tallyId: "t1", label: "Visits" }, fixedContext());
    expect(r.ok && r.value.events[0]?.schemaVersion).toBe(3);
  });

  it("returns the new state without touching the state of the history", () => {
    const history = toEnvelopes("tally:t1", 0, [opened], fixedContext());
    const before = fold(tally, history);
    const r = execute(tally, history, { type: "Add", tallyId: "t1", by: 4 }, fixedContext());
    expect(r.ok && r.value.state.total).toBe(4);
    expect(fold(tally, history)).toEqual(before);
  });

  it("refuses a command that fails its schema, naming the path", () => {
    const e = spec.given([opened]).whenInput({ type: "Add", tallyId: "t1", by: "four" }).thenError("validation_failed");
    expect(e.message).toBe("Invalid command Add at by: Invalid input: expected number, received string.");
    expect(e.details).toMatchObject({ issues: [{ path: ["by"] }] });
    expect(spec.given([]).whenInput(42).thenError("validation_failed").message).toMatch(/^Invalid command:/);
  });

  it("returns a rule violation as a value with its code and details", () => {
    const e = spec.given([opened]).when({ type: "Add", tallyId: "t1", by: 11 }).thenError("over_limit");
    expect(e).toMatchObject({ kind: "rule", message: "At most 10.", details: { limit: 10 } });
  });

  it("refuses, rather than stores, an event that fails its own schema", () => {
    // The tally decider lets a negative addition through; the `Added` schema does not.
    const e = spec.given([opened]).when({ type: "Add", tallyId: "t1", by: -2 }).thenError("validation_failed");
    expect(e.message).toContain("event Added emitted by the decider");
  });

  it("applies zod defaults of the command schema before deciding", () => {
    spec
      .given([])
      .whenInput({ type: "Open", tallyId: "t1", label: "Visits" })
      .then([{ type: "TallyOpened", data: { tallyId: "t1", label: "Visits", unit: "items", limit: 100 } }]);
  });
});
