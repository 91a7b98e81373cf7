// The rules an auditor expects: every organisation a project names is in the register, sponsors are
// public and stay committed, business time never runs backwards across a decision and what it
// authorises, measurements are of periods already over, and a gate decision is recorded by one who
// took it — never the project's lead.
import { describe, expect, it } from "vitest";
import { testRegister } from "../../src/testing/index.js";
import { as, c, DM, day, given, LEAD, ref, spec, steps } from "./fixtures.js";

describe("organisations come from the register", () => {
  it("a challenge's owner must be registered", () => {
    const e = given([])
      .when(c.submit({ ownerEntityId: "ent-x" }))
      .thenError("entity_not_registered");
    expect(e.details).toEqual({ entityIds: ["ent-x"] });
    expect(e.message).toBe("ent-x is not in the organisation register; register it (RegisterEntity) first.");
  });
  it("so must partners, suppliers, adopters, decliners, civil servants' affiliations and approvers' entities", () => {
    given(steps.readyForG1).when(c.join("ent-x", "partner")).thenError("entity_not_registered");
    given(steps.readyForG1).when(c.decline("ent-x")).thenError("entity_not_registered");
    given([...steps.readyForG2, c.request()])
      .when(c.contract("r1", { supplierEntityId: "ent-x" }))
      .thenError("entity_not_registered");
    given(steps.inScale)
      .when(c.adopt({ entityId: "ent-x" }))
      .thenError("entity_not_registered");
    given([...steps.inCoDesign, c.schedule()])
      .when(c.attend("s1", [ref(1)], "civil_servant", { attendees: [{ participantRef: ref(1), role: "civil_servant", affiliationEntityId: "ent-x" }] }))
      .thenError("entity_not_registered");
    given(steps.readyForG1)
      .when(c.gate("G1", "go", { approvers: [{ ...DM, entityId: "ent-x" }] }))
      .thenError("entity_not_registered");
  });
  it("a sponsor is a registered public entity: a business cannot sponsor, and so cannot open G1", () => {
    const e = given([c.submit(), c.accept()]).when(c.join("ent-supplier", "sponsor")).thenError("sponsor_not_public");
    expect(e.message).toBe("A sponsor must be a public entity; the register lists ent-supplier as business.");
    given([c.submit(), c.accept()]).when(c.join("ent-b", "sponsor")).thenError("sponsor_not_public");
    const s = given([c.submit(), c.accept()])
      .when(c.join("ent-a", "sponsor"))
      .thenState({ entities: new Map([["ent-a", { active: true }]]) });
    expect([...(s.entities.get("ent-a")?.roles.keys() ?? [])]).toEqual(["sponsor"]);
  });
  it("the register is the context's: another register, another answer", () => {
    spec
      .given([])
      .when(c.submit(), { register: testRegister({ entities: {} }) })
      .thenError("entity_not_registered");
    spec.given([]).when(c.submit()).thenState({ ownerEntityId: "ent-owner" });
  });
});

describe("a sponsor stays committed through every gate", () => {
  const gone = <T>(setup: readonly T[]) => [...setup, c.leave() as T];
  it("G2, G3 and G4 each need the sponsor still there", () => {
    const readyForG4 = [...steps.inScale, c.adopt()];
    expect(given(gone(steps.readyForG2)).when(c.gate("G2")).thenError("gate_requirements_missing").details).toEqual({
      gate: "G2",
      missing: ["sponsor_committed"],
    });
    expect(given(gone(steps.readyForG3)).when(c.gate("G3")).thenError("gate_requirements_missing").details).toEqual({
      gate: "G3",
      missing: ["sponsor_committed"],
    });
    expect(given(gone(readyForG4)).when(c.gate("G4")).thenError("gate_requirements_missing").details).toEqual({ gate: "G4", missing: ["sponsor_committed"] });
    given(readyForG4)
      .when(c.gate("G4"))
      .thenState({ decisions: [{}, {}, {}, { gate: "G4", outcome: "go" }] });
  });
  it("a go taken while the sponsor was there does not carry the project on after the sponsor leaves", () => {
    given([...steps.readyForG2, c.gate("G2"), c.leave()])
      .when(c.advance())
      .thenError("gate_requirements_missing");
  });
  it("a pilot does not start without a sponsor", () => {
    const e = given([...steps.inPilot, c.leave()])
      .when(c.startPilot())
      .thenError("sponsor_not_committed");
    expect(e.message).toContain("A pilot needs a committed sponsor");
    given([...steps.inPilot, c.leave(), c.join()])
      .when(c.startPilot())
      .thenState({ pilots: new Map([["", { sites: 3 }]]) });
  });
});

describe("business time does not run backwards across a decision", () => {
  // Setup commands run one day apart from day 0, so each decision below is dated the day after the step before it.
  it("a stage is entered no earlier than the decision that authorises it", () => {
    const history = [...steps.readyForG1, c.gate("G1")]; // the go on day 3
    const e = given(history)
      .when(c.advance({ occurredAt: day(2) }))
      .thenError("occurred_before_decision");
    expect(e.details).toMatchObject({ effect: "StageEntered", cause: "GateDecisionRecorded", causeAt: day(3), occurredAt: day(2) });
    expect(e.message).toMatch(
      new RegExp(`^The StageEntered is dated ${day(2)}, before the GateDecisionRecorded it depends on .*happened on ${day(3)}\\.`, "u"),
    );
    given(history)
      .when(c.advance({ occurredAt: day(3) }))
      .thenState({ stage: "co_design" });
  });
  it("mainstreaming comes after the G4 decision, a pivot after its recycle decision", () => {
    const g4 = [...steps.inScale, c.adopt(), c.gate("G4")]; // the go on day 17
    given(g4)
      .when(c.mainstream({ occurredAt: day(16) }))
      .thenError("occurred_before_decision");
    given(g4)
      .when(c.mainstream({ occurredAt: day(17) }))
      .thenState({ status: "mainstreamed" });
    const recycle = [...steps.inPilot, c.gate("G3", "recycle", { recycleTo: "co_design" })]; // on day 11
    given(recycle)
      .when(c.pivot({ occurredAt: day(10) }))
      .thenError("occurred_before_decision");
  });
  it("a session closes no earlier than its attendance, and nobody attends before it is held", () => {
    // Scheduled for day 6; attendance recorded as happening on day 7.
    const held = [...steps.inCoDesign, c.schedule("s1", { scheduledFor: day(6) }), c.defineKpi(), c.attend("s1", [ref(1)])];
    const e = given(held)
      .when(c.close("s1", { occurredAt: day(6) }))
      .thenError("closed_before_attendance");
    expect(e.details).toMatchObject({ effect: "SessionClosed", cause: "AttendanceRecorded", causeAt: day(7), occurredAt: day(6) });
    given(held)
      .when(c.close("s1", { occurredAt: day(7) }))
      .thenState({ sessions: new Map([["s1", { status: "closed" }]]) });
    given([...steps.inCoDesign, c.schedule("s1", { scheduledFor: day(20) })])
      .when(c.attend("s1", [ref(1)], "citizen", { occurredAt: day(19) }))
      .thenError("session_not_held_yet");
  });
});

describe("measurements by a comparative method carry their comparison", () => {
  it("an A/B test, a randomised trial or difference-in-differences needs the comparison group's value and both sample sizes", () => {
    const defined = [...steps.inCoDesign, c.defineKpi()];
    for (const method of ["ab_test", "randomised_trial", "difference_in_differences"] as const) {
      const e = given(defined)
        .when(c.measure("k1", { method, comparison: 20, sampleSize: 300 }))
        .thenError("comparison_required");
      expect(e.message).toBe(
        `A ${method} measurement needs the comparison group's value (comparison) and both sample sizes (sampleSize, comparisonSampleSize).`,
      );
    }
    given(defined)
      .when(c.measure("k1", { method: "ab_test", comparison: 20, sampleSize: 300, comparisonSampleSize: 280 }))
      .thenState({ kpis: new Map([["k1", { measurements: [{ value: 12 }] }]]) });
    // Before/after compares with the baseline: no comparison group is asked for.
    given(defined)
      .when(c.measure("k1", { method: "before_after" }))
      .thenState({ kpis: new Map([["k1", { measurements: [{ value: 12 }] }]]) });
  });
});

describe("measurements are of periods already over", () => {
  it("a period may not end after the measurement is dated", () => {
    const defined = [...steps.inCoDesign, c.defineKpi()];
    const e = given(defined)
      .when(c.measure("k1", { periodStart: day(90), periodEnd: day(120) }), { at: day(100) })
      .thenError("period_in_future");
    expect(e.details).toEqual({ periodEnd: day(120), occurredAt: day(100) });
    given(defined)
      .when(c.measure("k1", { periodStart: day(90), periodEnd: day(100) }), { at: day(100) })
      .thenState({ kpis: new Map([["k1", { measurements: [{ value: 12 }] }]]) });
  });
});

describe("a gate decision is recorded by one who took it, never the lead", () => {
  it("whoever records it must be among its approvers", () => {
    const e = given(steps.readyForG1)
      .when(c.gate("G1"), { actor: as("decision_maker", "dm-9") })
      .thenError("recorder_not_approver");
    expect(e.message).toBe("dm-9 records this decision but is not among its approvers (dm-1); the decision is recorded by one who took it.");
  });
  it("the lead, acting as a decision maker, cannot record a decision on their own project, whoever it names", () => {
    const e = given(steps.readyForG1)
      .when(c.gate("G1"), { actor: { id: LEAD, role: "decision_maker" } })
      .thenError("recorder_is_lead");
    expect(e.details).toEqual({ leadId: LEAD });
  });
  it("an import (system) records decisions others took, as long as none of them leads the project", () => {
    given(steps.readyForG1)
      .when(c.gate("G1"), { actor: { id: "sys-import", role: "system" } })
      .thenState({ decisions: [{ gate: "G1", actorId: "sys-import" }] });
    given(steps.readyForG1)
      .when(c.gate("G1", "go", { approvers: [{ id: LEAD, role: "decision_maker" }] }), { actor: { id: "sys-import", role: "system" } })
      .thenError("approver_is_lead");
  });
});
