import { fold, nextSteps } from "../../src/index.js";
import { projectDecider, type ProjectCommand } from "../../src/lab/index.js";
import { describe, expect, it } from "vitest";
import { testRegister } from "../../src/testing/index.js";
import { by, c, day, given, ref, run, spec, steps } from "./fixtures.js";

describe("G1 challenge → co_design", () => {
  it("needs the challenge accepted and a sponsor committed, each reported by name", () => {
    const e = given(steps.submitted).when(c.gate("G1")).thenError("gate_requirements_missing");
    expect(e.details).toEqual({ gate: "G1", missing: ["challenge_accepted", "sponsor_committed"] });
    expect(e.message).toBe(
      "G1 cannot be passed yet: the challenge has been accepted; a registered public entity has joined as sponsor and not left — not yet.",
    );
    expect(given([c.submit(), c.accept()]).when(c.gate("G1")).thenError("gate_requirements_missing").details).toEqual({
      gate: "G1",
      missing: ["sponsor_committed"],
    });
  });
  it("a partner is not a sponsor", () => {
    expect(
      given([c.submit(), c.accept(), c.join("ent-b", "partner")])
        .when(c.gate("G1"))
        .thenError("gate_requirements_missing").details,
    ).toEqual({ gate: "G1", missing: ["sponsor_committed"] });
  });
  it("passes with both", () => {
    given(steps.readyForG1)
      .when(c.gate("G1"))
      .then([
        {
          type: "GateDecisionRecorded",
          data: {
            projectId: "p1",
            gate: "G1",
            outcome: "go",
            approvers: [{ id: "dm-1", role: "decision_maker" }],
            rationale: "Evidence reviewed.",
            evidence: ["minutes-12.pdf"],
          },
        },
      ]);
  });
});

describe("G2 co_design → pilot", () => {
  it("needs a closed co-design session with citizens, a KPI, and every procurement settled", () => {
    expect(given(steps.inCoDesign).when(c.gate("G2")).thenError("gate_requirements_missing").details).toEqual({
      gate: "G2",
      missing: ["citizen_session_closed", "kpi_with_baseline_and_target"],
    });
    expect(
      given([...steps.readyForG2, c.request()])
        .when(c.gate("G2"))
        .thenError("gate_requirements_missing").details,
    ).toEqual({ gate: "G2", missing: ["procurements_settled"] });
    given([...steps.readyForG2, c.request(), c.contract()])
      .when(c.gate("G2"))
      .thenState({ decisions: [{}, { gate: "G2", outcome: "go" }] });
    given([...steps.readyForG2, c.request(), c.cancelProcurement()])
      .when(c.gate("G2"))
      .thenState({ decisions: [{}, { gate: "G2" }] });
  });
  it("a session only of civil servants, or one not closed, does not count; an anonymous citizen headcount does", () => {
    const base = [...steps.inCoDesign, c.defineKpi(), c.schedule()];
    const missing = (setup: readonly ProjectCommand[]) => given(setup).when(c.gate("G2")).thenError("gate_requirements_missing").details;
    expect(missing([...base, c.attend("s1", [ref(2)], "civil_servant"), c.close()])).toEqual({ gate: "G2", missing: ["citizen_session_closed"] });
    expect(missing([...base, c.attend()])).toEqual({ gate: "G2", missing: ["citizen_session_closed"] });
    given([...base, c.close("s1", { anonymousHeadcount: { citizens: 14, civilServants: 2, business: 0, other: 0 } })])
      .when(c.gate("G2"))
      .thenState({ decisions: [{}, { gate: "G2" }] });
  });
  it("a session held during the challenge stage is not a co-design session", () => {
    const setup = [
      c.submit(),
      c.accept(),
      c.join(),
      c.schedule("s1", { scheduledFor: day(3) }),
      c.attend(),
      c.close(),
      c.gate("G1"),
      c.advance(),
      c.defineKpi(),
    ];
    expect(given(setup).when(c.gate("G2")).thenError("gate_requirements_missing").details).toEqual({ gate: "G2", missing: ["citizen_session_closed"] });
  });
});

describe("G3 pilot → scale and G4 scale → mainstreamed", () => {
  it("G3 needs the pilot ended and an evaluation of success or partial", () => {
    expect(given(steps.inPilot).when(c.gate("G3")).thenError("gate_requirements_missing").details).toEqual({
      gate: "G3",
      missing: ["pilot_ended", "evaluation_success_or_partial", "evidence_level_supported"],
    });
    const ran = [...steps.inPilot, c.startPilot(), c.endPilot()];
    for (const outcome of ["failed", "inconclusive"] as const) {
      expect(
        given([...ran, c.evaluate(outcome)])
          .when(c.gate("G3"))
          .thenError("gate_requirements_missing").details,
      ).toEqual({ gate: "G3", missing: ["evaluation_success_or_partial"] });
    }
    given([...ran, c.evaluate("partial")])
      .when(c.gate("G3"))
      .thenState({ decisions: [{}, {}, { gate: "G3", outcome: "go" }] });
    // The latest evaluation counts.
    expect(
      given([...ran, c.evaluate("success"), c.evaluate("failed")])
        .when(c.gate("G3"))
        .thenError("gate_requirements_missing").details,
    ).toEqual({ gate: "G3", missing: ["evaluation_success_or_partial"] });
  });
  it("an evaluation's evidence level follows from its method (Nesta's Standards of Evidence)", () => {
    const ran = [...steps.inPilot, c.startPilot(), c.endPilot()];
    // Level 3 needs a comparison group: a before/after design supports level 2 at most.
    const e = given(ran)
      .when(c.evaluate("success", { method: "before_after", evidenceLevel: 3 }))
      .thenError("evidence_level_unsupported");
    expect(e.message).toBe(
      "Evidence level 3 needs a comparison or control group (ab_test, randomised_trial or difference_in_differences); before_after supports level 2 at most.",
    );
    given(ran)
      .when(c.evaluate("success", { method: "before_after", evidenceLevel: 2 }))
      .thenState({ evaluations: [{ method: "before_after", evidenceLevel: 2 }] });
    // Level 4 needs an independent replication as well, in the log: a project replicating p1 whose evaluation found
    // success with a comparison group (test/lab/replications.test.ts derives the rule on whole logs); level 5 two.
    given(ran)
      .when(c.evaluate("success", { method: "ab_test", evidenceLevel: 4 }))
      .thenError("replications_not_in_log");
    const replicated = testRegister({
      replications: { p1: [{ projectId: "p2", evaluations: [{ at: day(50), eventId: "p2-eval", outcome: "success", method: "ab_test" }] }] },
    });
    const level = (evidenceLevel: number, method: "ab_test" | "randomised_trial") => c.evaluate("success", { method, evidenceLevel });
    spec
      .given(run(ran))
      .when(level(4, "ab_test"), { ...by(level(4, "ab_test")), register: replicated })
      .thenState({ evaluations: [{ evidenceLevel: 4, independentReplications: 1 }] });
    spec
      .given(run(ran))
      .when(level(5, "randomised_trial"), { ...by(level(5, "randomised_trial")), register: replicated })
      .thenError("replications_not_in_log");
    given(ran)
      .when(c.evaluate("success", { method: "qualitative", evidenceLevel: 2 }))
      .thenError("evidence_level_unsupported");
    // A command must say how the evidence was obtained.
    const { method: _method, ...withoutMethod } = c.evaluate("success");
    spec.given(run(ran)).whenInput(withoutMethod, by(c.evaluate())).thenError("validation_failed");
  });
  it("G3 needs the latest evaluation to name a method that supports its level: one recorded before methods were does not", () => {
    const history = run([...steps.inPilot, c.startPilot(), c.endPilot(), c.evaluate("success")]);
    const legacy = history.map((e) => {
      if (e.type !== "EvaluationPublished") return e;
      const { method: _m, ...data } = e.data;
      return { ...e, data };
    });
    expect(
      spec
        .given(legacy)
        .when(c.gate("G3"), by(c.gate("G3")))
        .thenError("gate_requirements_missing").details,
    ).toEqual({ gate: "G3", missing: ["evidence_level_supported"] });
    expect(nextSteps(fold(projectDecider, legacy)).gate?.missing).toEqual(["evidence_level_supported"]);
    spec
      .given(history)
      .when(c.gate("G3"), by(c.gate("G3")))
      .thenState({ decisions: [{}, {}, { gate: "G3", outcome: "go" }] });
  });
  it("G4 needs an adoption", () => {
    expect(given(steps.inScale).when(c.gate("G4")).thenError("gate_requirements_missing").details).toEqual({ gate: "G4", missing: ["adoption_recorded"] });
    given([...steps.inScale, c.adopt()])
      .when(c.gate("G4"))
      .thenState({ decisions: [{}, {}, {}, { gate: "G4" }] });
  });
});

describe("gate decisions", () => {
  it("must be for the gate of the current stage", () => {
    expect(given(steps.readyForG1).when(c.gate("G2")).thenError("wrong_gate").message).toBe("The project is in challenge, whose gate is G1, not G2.");
  });
  it("need at least one approver, all decision makers, none the project's lead", () => {
    given(steps.readyForG1)
      .when(c.gate("G1", "go", { approvers: [] }))
      .thenError("no_approvers");
    const e = given(steps.readyForG1)
      .when(
        c.gate("G1", "go", {
          approvers: [
            { id: "x-1", role: "lab_team" },
            { id: "dm-1", role: "decision_maker" },
          ],
        }),
      )
      .thenError("approver_not_decision_maker");
    expect(e.message).toBe("Approvers must hold the decision_maker role: x-1 is lab_team.");
    given(steps.readyForG1)
      .when(c.gate("G1", "go", { approvers: [{ id: "lead-1", role: "decision_maker" }] }))
      .thenError("approver_is_lead");
  });
  it("a conditional go needs conditions; no_go, hold and recycle need a rationale", () => {
    given(steps.readyForG1).when(c.gate("G1", "conditional_go")).thenError("conditions_required");
    given(steps.readyForG1)
      .when(c.gate("G1", "conditional_go", { conditions: [] }))
      .thenError("conditions_required");
    for (const outcome of ["no_go", "hold"] as const)
      given(steps.readyForG1)
        .when(c.gate("G1", outcome, { rationale: undefined }))
        .thenError("rationale_required");
    given(steps.inPilot)
      .when(c.gate("G3", "recycle", { rationale: undefined, recycleTo: "co_design" }))
      .thenError("rationale_required");
    given(steps.readyForG1)
      .when(c.gate("G1", "go", { rationale: undefined }))
      .thenState({ decisions: [{ outcome: "go", rationale: null }] });
  });
  it("no_go and hold may be recorded whether or not the requirements are met", () => {
    given(steps.submitted)
      .when(c.gate("G1", "no_go"))
      .thenState({ decisions: [{ outcome: "no_go" }] });
    given(steps.submitted)
      .when(c.gate("G1", "hold"))
      .thenState({ decisions: [{ outcome: "hold" }] });
  });
  it("recycle must name the stage just before; other outcomes name none", () => {
    given(steps.inPilot)
      .when(c.gate("G3", "recycle", { recycleTo: "challenge" }))
      .thenError("recycle_target_invalid");
    given(steps.inPilot).when(c.gate("G3", "recycle")).thenError("recycle_target_invalid");
    given(steps.readyForG1)
      .when(c.gate("G1", "recycle", { recycleTo: "challenge" }))
      .thenError("recycle_target_invalid");
    given(steps.readyForG1)
      .when(c.gate("G1", "go", { recycleTo: "challenge" }))
      .thenError("recycle_target_unexpected");
  });
  it("keep approvers, rationale, evidence and conditions for the audit trail", () => {
    given(steps.readyForG1)
      .when(c.gate("G1", "conditional_go", { conditions: ["Name a product owner."], approvers: [{ id: "dm-7", role: "decision_maker", entityId: "ent-a" }] }), {
        actor: { id: "dm-7", role: "decision_maker" },
      })
      .thenState({
        decisions: [
          {
            gate: "G1",
            stage: "challenge",
            outcome: "conditional_go",
            approvers: [{ id: "dm-7", role: "decision_maker", entityId: "ent-a" }],
            rationale: "Evidence reviewed.",
            evidence: ["minutes-12.pdf"],
            conditions: ["Name a product owner."],
            actorId: "dm-7",
          },
        ],
      });
  });
});
