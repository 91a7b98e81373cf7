import { describe, expect, it } from "vitest";
import { testRegister } from "../../src/testing/index.js";
import { by, c, day, given, ref, run, spec, steps } from "./fixtures.js";

describe("sessions and attendance", () => {
  const scheduled = [...steps.inCoDesign, c.schedule()];
  it("a session id is scheduled once", () => {
    given(scheduled).when(c.schedule()).thenError("session_exists");
  });
  it("attendance is recorded for a scheduled session, with the role held then", () => {
    given(scheduled)
      .when(c.attend("s1", [ref(1), ref(2)]))
      .thenState({
        sessions: new Map([
          [
            "s1",
            {
              attendees: new Map([
                [ref(1), "citizen"],
                [ref(2), "citizen"],
              ]),
            },
          ],
        ]),
      });
  });
  it("attendance is refused for an unknown, cancelled or closed session", () => {
    given(scheduled).when(c.attend("s9")).thenError("session_not_found");
    given([...scheduled, c.cancelSession()])
      .when(c.attend())
      .thenError("session_cancelled");
    given([...scheduled, c.close()])
      .when(c.attend())
      .thenError("session_closed");
  });
  it("the same attendee twice in a session is reported, not counted twice", () => {
    const e = given([...scheduled, c.attend("s1", [ref(1)])])
      .when(c.attend("s1", [ref(3), ref(1)]))
      .thenError("attendee_already_recorded");
    expect(e.details).toEqual({ sessionId: "s1", participantRefs: [ref(1)] });
    expect(e.message).toBe(`Already recorded in session s1, so not counted twice: ${ref(1)}. Record the others without them.`);
    expect(
      given(scheduled)
        .when(c.attend("s1", [ref(4), ref(4)]))
        .thenError("attendee_already_recorded").details,
    ).toEqual({ sessionId: "s1", participantRefs: [ref(4)] });
  });
  it("the same person may attend another session, in another role", () => {
    given([...scheduled, c.attend("s1", [ref(1)]), c.schedule("s2")])
      .when(c.attend("s2", [ref(1)], "civil_servant"))
      .thenState({
        sessions: new Map([
          ["s1", { attendees: new Map([[ref(1), "citizen"]]) }],
          ["s2", { attendees: new Map([[ref(1), "civil_servant"]]) }],
        ]),
      });
  });
  it("closing and cancelling need a scheduled, open session; closing only once it could have been held", () => {
    given(scheduled).when(c.close("s9")).thenError("session_not_found");
    given([...scheduled, c.close()])
      .when(c.close())
      .thenError("session_closed");
    given([...scheduled, c.close()])
      .when(c.cancelSession())
      .thenError("session_closed");
    given([...scheduled, c.cancelSession()])
      .when(c.cancelSession())
      .thenError("session_cancelled");
    given([...steps.inCoDesign, c.schedule("s5", { scheduledFor: day(300) })])
      .when(c.close("s5"))
      .thenError("session_not_held_yet");
  });
});

describe("procurement", () => {
  const requested = [...steps.inCoDesign, c.request()];
  it("is requested once, then contracted or cancelled once", () => {
    given(requested).when(c.request()).thenError("procurement_exists");
    given(requested)
      .when(c.contract())
      .thenState({ procurements: new Map([["r1", { status: "contracted", supplierEntityId: "ent-supplier", value: { amount: 38000, currency: "EUR" } }]]) });
    given([...requested, c.contract()])
      .when(c.contract())
      .thenError("procurement_already_contracted");
    given([...requested, c.contract()])
      .when(c.cancelProcurement())
      .thenError("procurement_already_contracted");
    given([...requested, c.cancelProcurement()])
      .when(c.contract())
      .thenError("procurement_cancelled");
    given(requested).when(c.contract("r9")).thenError("procurement_not_found");
  });
  it("amounts are not negative and carry an ISO-4217 currency", () => {
    given(steps.inCoDesign)
      .when(c.request("r2", { estimatedValue: { amount: -1, currency: "EUR" } }))
      .thenError("validation_failed");
    given(steps.inCoDesign)
      .when(c.request("r2", { estimatedValue: { amount: 10, currency: "euro" } }))
      .thenError("validation_failed");
  });
});

describe("KPIs", () => {
  const defined = [...steps.inCoDesign, c.defineKpi()];
  it("a KPI is defined once; its baseline changes only through RedefineKpi with a reason", () => {
    expect(
      given(defined)
        .when(c.defineKpi("k1", { baseline: { value: 25, measuredAt: day(1), source: "x" } }))
        .thenError("kpi_exists").message,
    ).toContain("RedefineKpi");
    given(defined)
      .when(c.redefineKpi("k1", { baseline: { value: 28, measuredAt: day(2), source: "audit" }, target: undefined }))
      .thenState({ kpis: new Map([["k1", { baseline: { value: 28 }, redefinitions: 1 }]]) });
    given(defined)
      .when(c.redefineKpi("k1", { reason: undefined }))
      .thenError("validation_failed");
    given(defined)
      .when(c.redefineKpi("k1", { target: undefined }))
      .thenError("nothing_to_redefine");
    given(defined).when(c.redefineKpi("k9")).thenError("kpi_not_found");
  });
  it("the target must move the way the KPI's direction says, away from the baseline", () => {
    given(steps.inCoDesign)
      .when(c.defineKpi("k2", { target: { value: 40, by: day(700) } }))
      .thenError("target_against_direction");
    given(steps.inCoDesign)
      .when(c.defineKpi("k2", { target: { value: 30, by: day(700) } }))
      .thenError("target_equals_baseline");
    given(defined)
      .when(c.redefineKpi("k1", { direction: "increase", target: undefined }))
      .thenError("target_against_direction");
  });
  it("a KPI is measured only if defined, over a period that ends after it starts", () => {
    given(defined)
      .when(c.measure())
      .thenState({ kpis: new Map([["k1", { measurements: [{ value: 12, correctedValue: null }] }]]) });
    given(steps.inCoDesign).when(c.measure()).thenError("kpi_not_found");
    given(defined)
      .when(c.measure("k1", { periodStart: day(50), periodEnd: day(40) }))
      .thenError("period_invalid");
  });
  it("a correction names an earlier measurement of the same KPI", () => {
    const history = run([...defined, c.measure()]);
    const measured = history.at(-1)?.id ?? "";
    given([...defined, c.measure()])
      .when(c.correct(measured))
      .thenState({ kpis: new Map([["k1", { measurements: [{ eventId: measured, value: 12, correctedValue: 11 }] }]]) });
    given([...defined, c.measure()])
      .when(c.correct("no-such-event"))
      .thenError("correction_target_not_found");
    const other = [...defined, c.defineKpi("k2"), c.measure("k2")];
    const k2Measure = run(other).at(-1)?.id ?? "";
    given(other).when(c.correct(k2Measure)).thenError("correction_target_not_found");
  });
});

describe("pilot, evaluation and adoption", () => {
  it("the pilot starts once, in stage pilot, with a planned end after its start and entities of the project", () => {
    given(steps.inCoDesign).when(c.startPilot()).thenError("wrong_stage");
    given(steps.inPilot)
      .when(c.startPilot({ plannedEnd: day(100) }))
      .thenError("pilot_end_before_start");
    given(steps.inPilot)
      .when(c.startPilot({ plannedEnd: day(90) }))
      .thenError("pilot_end_before_start");
    expect(
      given(steps.inPilot)
        .when(c.startPilot({ entityIds: ["ent-owner", "ent-stranger"] }))
        .thenError("entity_not_in_project").details,
    ).toEqual({ entityIds: ["ent-stranger"] });
    given(steps.inPilot)
      .when(c.startPilot({ entityIds: ["ent-owner", "ent-sponsor"] }))
      .thenState({ pilots: new Map([["", { pilotId: null, sites: 3, entityIds: ["ent-owner", "ent-sponsor"], endedAt: null }]]) });
    given([...steps.inPilot, c.startPilot()])
      .when(c.startPilot())
      .thenError("pilot_already_started");
  });
  it("the pilot ends once, after it started", () => {
    given(steps.inPilot).when(c.endPilot()).thenError("pilot_not_started");
    given([...steps.inPilot, c.startPilot(), c.endPilot()])
      .when(c.endPilot())
      .thenError("pilot_already_ended");
  });
  it("an evaluation assesses a started pilot; its evidence level is 1 to 5", () => {
    given(steps.inPilot).when(c.evaluate()).thenError("pilot_not_started");
    given([...steps.inPilot, c.startPilot()])
      .when(c.evaluate("success", { evidenceLevel: 6 }))
      .thenError("validation_failed");
    given([...steps.inPilot, c.startPilot()])
      .when(c.evaluate("success", { evidenceLevel: 0 }))
      .thenError("validation_failed");
    // Level 5 with the two replications the register holds (p2 and p3, each evaluated with a comparison group).
    const evaluation = (id: string) => ({ at: day(50), eventId: `${id}-eval`, outcome: "success", method: "randomised_trial" }) as const;
    const register = testRegister({ replications: { p1: ["p2", "p3"].map((id) => ({ projectId: id, evaluations: [evaluation(id)] })) } });
    const five = c.evaluate("partial", { evidenceLevel: 5 });
    spec
      .given(run([...steps.inPilot, c.startPilot()]))
      .when(five, { ...by(five), register })
      .thenState({ evaluations: [{ outcome: "partial", evidenceLevel: 5, independentReplications: 2 }] });
  });
  it("adoptions are recorded in scale, with whole non-negative numbers", () => {
    given(steps.inPilot).when(c.adopt()).thenError("wrong_stage");
    given(steps.inScale)
      .when(c.adopt({ usersCovered: -3 }))
      .thenError("validation_failed");
    given(steps.inScale)
      .when(c.adopt({ sites: 1.5 }))
      .thenError("validation_failed");
    given(steps.inScale)
      .when(c.adopt())
      .thenState({ adoptions: [{ entityId: "ent-adopter", scaleType: "out", sites: 12, usersCovered: 40000 }] });
  });
});

describe("entities in a project", () => {
  it("an entity joins once per role, leaves only if it joined, and may come back", () => {
    given(steps.readyForG1).when(c.join()).thenError("entity_already_joined");
    const roles = (s: { entities: ReadonlyMap<string, { roles: ReadonlyMap<string, unknown> }> }) => [...(s.entities.get("ent-sponsor")?.roles.keys() ?? [])];
    const both = given(steps.readyForG1)
      .when(c.join("ent-sponsor", "partner"))
      .thenState({ entities: new Map([["ent-sponsor", { active: true }]]) });
    expect(roles(both)).toEqual(["sponsor", "partner"]);
    given(steps.submitted).when(c.leave()).thenError("entity_not_joined");
    const back = given([...steps.readyForG1, c.leave()])
      .when(c.join())
      .thenState({ entities: new Map([["ent-sponsor", { active: true }]]) });
    expect(roles(back)).toEqual(["sponsor"]);
  });
  it("a refusal carries a coded reason; `unspecified` is kept for refusals recorded before codes existed", () => {
    given(steps.submitted)
      .when(c.decline("ent-shy", { reasonCode: "risk_aversion" }))
      .then([{ type: "EntityDeclined", data: { projectId: "p1", entityId: "ent-shy", reasonCode: "risk_aversion", reason: "No staff available this year." } }]);
    const refused = given(steps.submitted)
      .when({ ...c.decline(), reasonCode: "unspecified" as never })
      .thenError("validation_failed");
    expect(refused.message).toContain("unspecified is kept for refusals recorded before codes existed");
  });
  it("a pilot and an adoption keep the territory they name; a pause its expected resume date", () => {
    given(steps.inPilot)
      .when(c.startPilot({ territory: "PT11A:1312" }))
      .then([{ type: "PilotStarted", data: { projectId: "p1", sites: 3, entityIds: ["ent-owner"], plannedEnd: day(400), territory: "PT11A:1312" } }]);
    given(steps.inScale)
      .when(c.adopt({ territory: "PT150:0808" }))
      .thenState({ adoptions: [{ entityId: "ent-adopter", territory: "PT150:0808" }] });
    given(steps.inPilot)
      .when(c.startPilot({ territory: "Lisboa" }))
      .thenError("validation_failed");
    given(steps.inCoDesign)
      .when(c.pause("procurement", { expectedResumeAt: day(300) }))
      .thenState({ pauses: [{ reason: "procurement", expectedResumeAt: day(300), to: null }] });
  });
  it("declining is recorded with its reason, once, and not for an entity that is part of the project", () => {
    given(steps.submitted)
      .when(c.decline())
      .thenState({ declined: new Map([["ent-shy", { reason: "No staff available this year." }]]) });
    given([...steps.submitted, c.decline()])
      .when(c.decline())
      .thenError("entity_already_declined");
    given(steps.readyForG1).when(c.decline("ent-sponsor")).thenError("entity_already_joined");
    given([...steps.submitted, c.decline("ent-sponsor")])
      .when(c.join())
      .thenState({ declined: new Map() });
  });
});
