import { describe, expect, it } from "vitest";
import { c, day, given, run, steps } from "./fixtures.js";
import { fold } from "../../src/index.js";
import { projectDecider } from "../../src/lab/index.js";

describe("lifecycle: submit, accept, reject", () => {
  it("a submitted challenge starts active in stage challenge", () => {
    given([]).when(c.submit()).thenState({ submitted: true, stage: "challenge", status: "active", projectId: "p1", leadId: "lead-1" });
  });
  it("a project cannot be submitted twice", () => {
    given(steps.submitted).when(c.submit()).thenError("project_exists");
  });
  it("nothing can happen to a project that was never submitted", () => {
    given([]).when(c.accept()).thenError("project_not_found");
  });
  it("accepting records the acceptance; accepting twice is refused", () => {
    given(steps.submitted)
      .when(c.accept())
      .then([{ type: "ChallengeAccepted", data: { projectId: "p1" } }]);
    given([c.submit(), c.accept()]).when(c.accept()).thenError("challenge_already_accepted");
  });
  it("an accepted challenge can no longer be rejected at intake, and a challenge past its stage neither", () => {
    given([c.submit(), c.accept()]).when(c.reject()).thenError("challenge_already_accepted");
    given(steps.inCoDesign).when(c.reject()).thenError("wrong_stage");
  });
  it("a rejected challenge is discontinued with reason code rejected_at_intake", () => {
    given(steps.submitted)
      .when(c.reject())
      .then([
        { type: "ChallengeRejected", data: { projectId: "p1", reason: "Out of the lab's mandate." } },
        { type: "ProjectDiscontinued", data: { projectId: "p1", reasonCode: "rejected_at_intake", lessons: "Out of the lab's mandate." } },
      ]);
  });
});

describe("lifecycle: moving forward through gates", () => {
  it("advancing after a G1 go enters co_design", () => {
    given([...steps.readyForG1, c.gate("G1")])
      .when(c.advance())
      .then([{ type: "StageEntered", data: { projectId: "p1", stage: "co_design", from: "challenge", gate: "G1" } }]);
  });
  it("a conditional go opens the gate too", () => {
    given([...steps.readyForG1, c.gate("G1", "conditional_go", { conditions: ["Sponsor names a product owner."] })])
      .when(c.advance())
      .thenState({ stage: "co_design" });
  });
  it("advancing without a passing decision is refused, naming the latest decision", () => {
    const e = given(steps.readyForG1).when(c.advance()).thenError("gate_not_passed");
    expect(e.message).toBe("To leave challenge, G1 must be passed with go or conditional_go; no G1 decision has been recorded in this stage.");
    given([...steps.readyForG1, c.gate("G1", "hold")])
      .when(c.advance())
      .thenError("gate_not_passed");
    given([...steps.readyForG1, c.gate("G1", "no_go")])
      .when(c.advance())
      .thenError("gate_not_passed");
  });
  it("the latest decision counts: a hold after a go closes the gate again", () => {
    given([...steps.readyForG1, c.gate("G1"), c.gate("G1", "hold")])
      .when(c.advance())
      .thenError("gate_not_passed");
  });
  it("advancing re-checks the requirements: a sponsor who left after the go blocks the move", () => {
    const e = given([...steps.readyForG1, c.gate("G1"), c.leave()])
      .when(c.advance())
      .thenError("gate_requirements_missing");
    expect(e.details).toEqual({ gate: "G1", missing: ["sponsor_committed"] });
  });
  it("a project walks all the way to the mainstream", () => {
    const history = run([...steps.inScale, c.adopt(), c.gate("G4"), c.mainstream()]);
    expect(fold(projectDecider, history)).toMatchObject({ stage: "scale", status: "mainstreamed", mainstreamedAt: day(18) });
    expect(fold(projectDecider, history).stages.map((s) => s.stage)).toEqual(["challenge", "co_design", "pilot", "scale"]);
  });
  it("a project in scale leaves only through MainstreamProject", () => {
    given([...steps.inScale, c.adopt(), c.gate("G4")])
      .when(c.advance())
      .thenError("wrong_stage");
    given([...steps.inScale, c.adopt(), c.gate("G4")])
      .when(c.mainstream())
      .then([{ type: "ProjectMainstreamed", data: { projectId: "p1" } }]);
  });
  it("mainstreaming is only from scale and only after G4 go", () => {
    given(steps.inPilot).when(c.mainstream()).thenError("wrong_stage");
    given([...steps.inScale, c.adopt()])
      .when(c.mainstream())
      .thenError("gate_not_passed");
  });
});

describe("lifecycle: pivots", () => {
  it("a recycle decision naming the previous stage lets the project pivot back one stage", () => {
    given([...steps.inPilot, c.gate("G3", "recycle", { recycleTo: "co_design" })])
      .when(c.pivot())
      .then([{ type: "ProjectPivoted", data: { projectId: "p1", from: "pilot", to: "co_design", rationale: "Users need a different service." } }]);
  });
  it("after a pivot the project is in the earlier stage and must pass its gate again", () => {
    const setup = [...steps.inPilot, c.gate("G3", "recycle", { recycleTo: "co_design" }), c.pivot()];
    given(setup).when(c.advance()).thenError("gate_not_passed");
    given([...setup, c.gate("G2")])
      .when(c.advance())
      .thenState({ stage: "pilot" });
  });
  it("a new stay in pilot runs a new pilot: the earlier one is kept but no longer counts for G3", () => {
    const back = [...steps.readyForG3, c.gate("G3", "recycle", { recycleTo: "co_design" }), c.pivot(), c.gate("G2"), c.advance()];
    expect(given(back).when(c.gate("G3")).thenError("gate_requirements_missing").details).toEqual({ gate: "G3", missing: ["pilot_ended"] });
    given(back)
      .when(c.startPilot())
      .thenState({ pilots: new Map([["", { endedAt: null }]]), pastPilots: [{ sites: 3 }] });
  });
  it("a pivot needs a recycle decision first", () => {
    given(steps.inPilot).when(c.pivot()).thenError("pivot_not_decided");
    given([...steps.inPilot, c.gate("G3", "hold")])
      .when(c.pivot())
      .thenError("pivot_not_decided");
  });
  it("nothing before challenge: a challenge cannot pivot", () => {
    given(steps.readyForG1).when(c.pivot()).thenError("wrong_stage");
  });
});

describe("lifecycle: pause and resume", () => {
  it("pausing keeps the stage; resuming returns to the same stage", () => {
    given(steps.inCoDesign)
      .when(c.pause("entity_reluctance"))
      .thenState({ stage: "co_design", status: "paused", pauses: [{ reason: "entity_reluctance", stage: "co_design", to: null }] });
    given([...steps.inCoDesign, c.pause()])
      .when(c.resume())
      .thenState({ stage: "co_design", status: "active" });
  });
  it("a paused project cannot be paused again, and an active one cannot be resumed", () => {
    given([...steps.inCoDesign, c.pause()])
      .when(c.pause())
      .thenError("project_paused");
    given(steps.inCoDesign).when(c.resume()).thenError("not_paused");
  });
  it("while paused, the stage's work waits but the reasons for the pause can be resolved", () => {
    const paused = [...steps.inCoDesign, c.request(), c.pause("procurement")];
    given(paused).when(c.schedule("s9")).thenError("project_paused");
    given(paused).when(c.gate("G2")).thenError("project_paused");
    given(paused).when(c.contract()).thenState({ status: "paused" });
    given(paused).when(c.discontinue()).thenState({ status: "discontinued" });
  });
  it("the expected resumption must come after the pause", () => {
    given(steps.inCoDesign)
      .when(c.pause("funding", { expectedResumeAt: day(50) }))
      .thenError("resume_before_pause");
  });
});

describe("lifecycle: discontinuation and terminal states", () => {
  it("any active stage may be discontinued with a reason code and lessons", () => {
    for (const setup of [steps.submitted, steps.inCoDesign, steps.inPilot, steps.inScale]) {
      given(setup)
        .when(c.discontinue())
        .thenState({ status: "discontinued", discontinuation: { reasonCode: "entity_reluctance" } });
    }
  });
  it("lessons are required to discontinue", () => {
    given(steps.inPilot)
      .when(c.discontinue({ lessons: "  " }))
      .thenError("validation_failed");
  });
  it("nothing is accepted on a discontinued or mainstreamed project", () => {
    const ended = [...steps.inCoDesign, c.discontinue()];
    for (const cmd of [c.resume(), c.schedule("s2"), c.defineKpi("k9"), c.discontinue(), c.gate("G2")]) given(ended).when(cmd).thenError("project_closed");
    given([...steps.inScale, c.adopt(), c.gate("G4"), c.mainstream()])
      .when(c.adopt())
      .thenError("project_closed");
  });
});
