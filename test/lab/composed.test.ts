import { describe, expect, it } from "vitest";
import * as z from "zod";
import { combine } from "../../src/kernel/index.js";
import { createCodec, handle, InMemoryEventStore, labDecider, labEvents, type LabEvent, nextSteps, fold } from "../../src/index.js";
import { entityDecider, participantDecider, projectDecider } from "../../src/lab/index.js";
import { type CommandOf, fixedContext, scenario, sequentialIds } from "../../src/testing/index.js";
import { as, c, ref, run, steps } from "./fixtures.js";

describe("entity register", () => {
  const spec = scenario(entityDecider, { actor: as("lab_team") });
  const register = (o: Partial<CommandOf<"RegisterEntity">> = {}): CommandOf<"RegisterEntity"> => ({
    type: "RegisterEntity",
    entityId: "ama",
    name: "Agency for Administrative Modernisation",
    kind: "public",
    level: "national",
    sector: "digital_services",
    ...o,
  });
  it("registers an organisation once", () => {
    spec
      .given([])
      .when(register())
      .then([
        {
          type: "EntityRegistered",
          data: { entityId: "ama", name: "Agency for Administrative Modernisation", kind: "public", level: "national", sector: "digital_services" },
        },
      ]);
    spec
      .given([{ type: "EntityRegistered", data: { entityId: "ama", name: "AMA", kind: "public", level: "national", sector: "digital_services" } }])
      .when(register())
      .thenError("entity_exists");
  });
  it("a territory is a NUTS code, optionally with a local unit, and the register keeps it", () => {
    spec
      .given([])
      .when(register({ territory: "PT11A:1312" }))
      .thenState({ territory: "PT11A:1312" });
    for (const territory of ["Lisboa", "pt11", "PT11A:", "PT11AB1", "PT11A:13-12"]) {
      const e = spec.given([]).when(register({ territory })).thenError("validation_failed");
      expect(e.message, territory).toContain("must be a NUTS code");
    }
  });
  it("public entities need a level; others have none", () => {
    spec
      .given([])
      .when(register({ level: undefined }))
      .thenError("level_required");
    spec
      .given([])
      .when(register({ kind: "business" }))
      .thenError("level_not_applicable");
    spec
      .given([])
      .when(register({ kind: "academia", level: undefined }))
      .thenState({ kind: "academia", level: null });
  });
});

describe("participant erasure", () => {
  const spec = scenario(participantDecider, { actor: as("lab_team") });
  it("forgets a reference once", () => {
    spec
      .given([])
      .when({ type: "ForgetParticipant", participantRef: ref(1) })
      .then([{ type: "ParticipantForgotten", data: { participantRef: ref(1) } }]);
    spec
      .given([{ type: "ParticipantForgotten", data: { participantRef: ref(1) } }])
      .when({ type: "ForgetParticipant", participantRef: ref(1) })
      .thenError("participant_already_forgotten");
  });
});

describe("the combined lab decider", () => {
  it("routes every kind of command to its stream and keeps each part's state", async () => {
    const store = new InMemoryEventStore<LabEvent>();
    const ids = sequentialIds("e");
    const ctx = (role: Parameters<typeof as>[0]) => fixedContext({ at: "2019-01-01T00:00:00Z", actor: as(role), newId: ids });
    const entity = await handle(
      store,
      labDecider,
      { type: "RegisterEntity", entityId: "ama", name: "AMA", kind: "public", level: "national", sector: "digital_services" },
      ctx("lab_team"),
    );
    const project = await handle(store, labDecider, c.submit(), ctx("lab_team"));
    const forget = await handle(store, labDecider, { type: "ForgetParticipant", participantRef: ref(1) }, ctx("system"));
    expect(entity.ok && entity.value.streamId).toBe("entity:ama");
    expect(project.ok && project.value.streamId).toBe("project:p1");
    expect(forget.ok && forget.value.streamId).toBe(`participant:${ref(1)}`);
    expect(project.ok && project.value.state.project).toMatchObject({ submitted: true, stage: "challenge" });
    expect(entity.ok && entity.value.state.entity).toMatchObject({ registered: true, kind: "public" });
    const refused = await handle(store, labDecider, c.accept(), ctx("auditor"));
    expect(!refused.ok && refused.error.code).toBe("not_permitted");
    const invalid = await handle(store, labDecider, { type: "Nonsense" }, ctx("lab_team"));
    expect(!invalid.ok && invalid.error.code).toBe("validation_failed");
    expect(store.size).toBe(3);
  });
  it("routes by the command's type and reports a bad field at its own path, as the part itself does", () => {
    const bad = { type: "RegisterEntity", entityId: "ama", name: "AMA", kind: "public", level: "federal", sector: "digital_services" };
    const viaLab = scenario(labDecider).given([]).whenInput(bad).thenError("validation_failed");
    const viaEntity = scenario(entityDecider).given([]).whenInput(bad).thenError("validation_failed");
    expect(viaLab.details).toEqual(viaEntity.details);
    expect(viaLab.details).toMatchObject({ issues: [{ path: ["level"] }] });
    expect(scenario(labDecider).given([]).whenInput({ type: "NoSuchCommand" }).thenError("validation_failed").message).toMatch(
      /^Invalid command NoSuchCommand/,
    );
  });

  it("refuses parts whose command or event types overlap, or whose commands have no literal type", () => {
    expect(() => combine({ a: entityDecider, b: entityDecider })).toThrow(/belongs to both a and b/);
    expect(() => combine({ a: { ...entityDecider, commandSchema: z.object({ type: z.string() }) } })).toThrow(/must be discriminated by a literal "type"/);
  });

  it("knows the whole catalogue, and every stored event decodes", () => {
    expect(Object.keys(labDecider.events).sort()).toEqual(Object.keys(labEvents).sort());
    const codec = createCodec(labEvents);
    for (const e of run([...steps.inScale, c.adopt(), c.gate("G4"), c.mainstream()]))
      expect(codec.decode(JSON.parse(JSON.stringify(codec.encode(e)))).ok).toBe(true);
  });
});

describe("nextSteps", () => {
  it("says what stands between a project in co-design and its pilot", () => {
    const state = fold(projectDecider, run([...steps.inCoDesign, c.request()]));
    expect(nextSteps(state).gate).toEqual({
      gate: "G2",
      to: "pilot",
      met: ["sponsor_committed"],
      missing: ["citizen_session_closed", "kpi_with_baseline_and_target", "procurements_settled"],
    });
    const ready = fold(projectDecider, run(steps.readyForG2));
    expect(nextSteps(ready).gate).toEqual({
      gate: "G2",
      to: "pilot",
      met: ["sponsor_committed", "citizen_session_closed", "kpi_with_baseline_and_target", "procurements_settled"],
      missing: [],
    });
  });
  it("lists the commands whose preconditions hold, and only those a role may issue", () => {
    const state = fold(projectDecider, run(steps.readyForG1));
    const { allowed } = nextSteps(state);
    expect(allowed).toContain("RecordGateDecision");
    expect(allowed).not.toContain("AdvanceStage");
    expect(allowed).not.toContain("SubmitChallenge");
    expect(allowed).not.toContain("StartPilot");
    expect(nextSteps(fold(projectDecider, run([...steps.readyForG1, c.gate("G1")]))).allowed).toContain("AdvanceStage");
    expect(nextSteps(state, "facilitator").allowed).toEqual(["ScheduleSession", "RecordAttendance", "CloseSession", "CancelSession"]);
    expect(nextSteps(state, "auditor").allowed).toEqual([]);
  });
  it("agrees with decide: a command it lists passes its precondition, one it omits is refused", () => {
    const state = fold(projectDecider, run([...steps.inCoDesign, c.pause()]));
    expect(nextSteps(state).allowed).toEqual([
      "RecordEntityJoined",
      "RecordEntityLeft",
      "RecordEntityDeclined",
      "ResumeProject",
      "DiscontinueProject",
      "ContractProcurement",
      "CancelProcurement",
      "AllocateBudget",
      "RecordCost",
      "MeasureKpi",
      "CorrectKpiMeasurement",
    ]);
  });
  it("has no gate before submission or after the end, and allows only submission before it", () => {
    expect(nextSteps(fold(projectDecider, []))).toEqual({ allowed: ["SubmitChallenge"], gate: null });
    expect(nextSteps(fold(projectDecider, run([...steps.inCoDesign, c.discontinue()])))).toEqual({ allowed: [], gate: null });
  });
});
