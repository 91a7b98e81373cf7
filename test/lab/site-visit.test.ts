// The feature added after the lab was sliced, touching only the sessions slice: a site visit, the
// team at a service's counter or site watching and talking with the people it serves.
import { describe, expect, it } from "vitest";
import { createCodec, labEvents } from "../../src/index.js";
import { c, day, given, ref, steps } from "./fixtures.js";

describe("site visits", () => {
  it("is scheduled, attended by citizens, and held like any session", () => {
    given(steps.inCoDesign)
      .when(c.schedule("v1", { kind: "site_visit", scheduledFor: day(5) }))
      .thenState({ sessions: new Map([["v1", { kind: "site_visit", status: "scheduled" }]]) });
    const visited = [...steps.inCoDesign, c.schedule("v1", { kind: "site_visit", scheduledFor: day(5) }), c.attend("v1", [ref(1)])];
    given(visited)
      .when(c.close("v1"))
      .thenState({ sessions: new Map([["v1", { kind: "site_visit", status: "closed" }]]) });
  });

  it("counts as co-design for G2: a held site visit with citizens meets citizen_session_closed", () => {
    const held = [...steps.inCoDesign, c.schedule("v1", { kind: "site_visit", scheduledFor: day(5) }), c.attend("v1", [ref(1)]), c.close("v1"), c.defineKpi()];
    given(held)
      .when(c.gate("G2"))
      .thenState({ decisions: [{}, { gate: "G2", outcome: "go" }] });
  });

  it("is schema version 3 of SessionScheduled; versions 1 and 2 still read as they were", () => {
    const codec = createCodec(labEvents);
    expect(labEvents.SessionScheduled.schemaVersion).toBe(3);
    const envelope = (schemaVersion: number, kind: string) => ({
      id: `e-${schemaVersion}-${kind}`,
      streamId: "project:p1",
      version: 1,
      type: "SessionScheduled",
      schemaVersion,
      occurredAt: day(1),
      recordedAt: day(1),
      actor: { id: "fa-1", role: "facilitator" },
      data: { projectId: "p1", sessionId: "s1", kind, mode: "in_person", scheduledFor: day(2) },
    });
    expect(codec.decode(envelope(1, "workshop")).ok).toBe(true);
    expect(codec.decode(envelope(2, "training")).ok).toBe(true);
    expect(codec.decode(envelope(3, "site_visit")).ok).toBe(true);
    // An older version never held a site visit: such a record is not what it claims to be.
    expect(codec.decode(envelope(2, "site_visit")).ok).toBe(false);
  });
});
