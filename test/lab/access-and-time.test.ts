import { describe, expect, it } from "vitest";
import { ActorRole } from "../../src/lab/index.js";
import { type LabCommand, permissions } from "../../src/index.js";
import { as, c, day, given, steps } from "./fixtures.js";

describe("permissions", () => {
  it("an auditor may issue no command", () => {
    for (const [type, roles] of Object.entries(permissions)) expect(roles, type).not.toContain("auditor");
    given(steps.readyForG1)
      .when(c.accept(), { actor: as("auditor") })
      .thenError("not_permitted");
  });
  it("only decision makers (or imports) record gate decisions", () => {
    const e = given(steps.readyForG1)
      .when(c.gate("G1"), { actor: as("lab_team") })
      .thenError("not_permitted");
    expect(e.message).toBe("Acting as lab_team, you may not RecordGateDecision; it is for: decision_maker, system.");
    given(steps.readyForG1)
      .when(c.gate("G1", "go", { approvers: [{ id: "dm-9", role: "decision_maker" }] }), { actor: as("decision_maker", "dm-9") })
      .thenState({ decisions: [{ gate: "G1" }] });
  });
  it("facilitators run sessions but do not advance stages; evaluators publish evaluations", () => {
    given(steps.inCoDesign)
      .when(c.schedule("s3"), { actor: as("facilitator") })
      .thenState({ sessions: new Map([["s3", { status: "scheduled" }]]) });
    given([...steps.inCoDesign])
      .when(c.advance(), { actor: as("facilitator") })
      .thenError("not_permitted");
    given([...steps.inPilot, c.startPilot()])
      .when(c.evaluate(), { actor: as("lab_team") })
      .thenError("not_permitted");
  });
  it("every command is checked against the table, before any other rule", () => {
    const commands: Record<Exclude<LabCommand["type"], "RegisterEntity" | "ForgetParticipant">, () => Record<string, unknown>> = {
      SubmitChallenge: c.submit,
      AcceptChallenge: c.accept,
      RejectChallenge: c.reject,
      RecordEntityJoined: c.join,
      RecordEntityLeft: c.leave,
      RecordEntityDeclined: c.decline,
      RecordGateDecision: () => c.gate("G1"),
      AdvanceStage: c.advance,
      PauseProject: c.pause,
      ResumeProject: c.resume,
      PivotProject: c.pivot,
      DiscontinueProject: c.discontinue,
      MainstreamProject: c.mainstream,
      ScheduleSession: c.schedule,
      RecordAttendance: c.attend,
      CloseSession: c.close,
      CancelSession: c.cancelSession,
      RequestProcurement: c.request,
      ContractProcurement: c.contract,
      CancelProcurement: c.cancelProcurement,
      AllocateBudget: c.allocateBudget,
      RecordCost: c.recordCost,
      UpdateAdoption: c.updateAdoption,
      DefineKpi: c.defineKpi,
      RedefineKpi: c.redefineKpi,
      MeasureKpi: c.measure,
      CorrectKpiMeasurement: () => c.correct("e1"),
      StartPilot: c.startPilot,
      EndPilot: c.endPilot,
      PublishEvaluation: c.evaluate,
      RecordAdoption: c.adopt,
    };
    for (const [type, make] of Object.entries(commands)) {
      for (const role of ActorRole.options) {
        const allowed = (permissions[type as LabCommand["type"]] as readonly string[]).includes(role);
        const result = given([]).when({ ...make(), type } as never, { actor: as(role) }).result;
        expect(!result.ok && result.error.code === "not_permitted", `${role} ${type}`).toBe(!allowed);
      }
    }
  });
});

describe("time", () => {
  it("an event may not be dated before its stage was entered", () => {
    // co_design was entered on day 4.
    const e = given(steps.inCoDesign)
      .when(c.schedule("s3", { occurredAt: day(3) }))
      .thenError("occurred_before_stage");
    expect(e.details).toEqual({ occurredAt: day(3), stageEnteredAt: day(4) });
    given(steps.inCoDesign)
      .when(c.schedule("s3", { occurredAt: day(4) }))
      .thenState({ sessions: new Map([["s3", {}]]) });
  });
  it("an event may be recorded later than it happened, but not dated in the future", () => {
    given(steps.inCoDesign)
      .when(c.schedule("s3", { occurredAt: day(50) }))
      .then([
        {
          type: "SessionScheduled",
          data: { projectId: "p1", sessionId: "s3", kind: "workshop", mode: "in_person", scheduledFor: day(6) },
          occurredAt: day(50),
        },
      ]);
    given(steps.inCoDesign)
      .when(c.schedule("s3", { occurredAt: day(101) }))
      .thenError("occurred_in_future");
  });
  it("a resumption is not dated before its pause", () => {
    // Paused on day 5 (the sixth setup step).
    given([...steps.inCoDesign, c.pause("legal")])
      .when(c.resume({ occurredAt: day(5) }))
      .thenState({ status: "active" });
    given([...steps.inCoDesign, c.pause("legal")])
      .when(c.resume({ occurredAt: day(4) }))
      .thenError("occurred_before_pause");
  });
  it("timestamps must be real ISO-8601 UTC dates", () => {
    given(steps.inCoDesign)
      .when(c.schedule("s3", { scheduledFor: "2019-02-30T10:00:00Z" }))
      .thenError("validation_failed");
    given(steps.inCoDesign)
      .when(c.schedule("s3", { occurredAt: "2019-03-01" }))
      .thenError("validation_failed");
    given(steps.inCoDesign)
      .when(c.schedule("s3", { occurredAt: "2019-03-01T10:00:00+01:00" }))
      .thenError("validation_failed");
  });
});

describe("free text", () => {
  it("is trimmed, not empty and length-limited", () => {
    given([])
      .when(c.submit({ title: "   " }))
      .thenError("validation_failed");
    given([])
      .when(c.submit({ title: "x".repeat(201) }))
      .thenError("validation_failed");
    given([])
      .when(c.submit({ title: "  Faster renewals  " }))
      .thenState({ title: "Faster renewals" });
  });
  it("unknown fields are refused rather than silently dropped", () => {
    given([])
      .whenInput({ ...c.submit(), citizenName: "Maria" })
      .thenError("validation_failed");
  });
});
