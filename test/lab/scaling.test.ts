import { describe, expect, it } from "vitest";
import { testRegister } from "../../src/testing/index.js";
import { c, day, given, spec, steps } from "./fixtures.js";

describe("scaling: adoptions go live, replications name their origin", () => {
  it("an adoption may be committed with a planned go-live date; live needs a go-live date already passed", () => {
    given(steps.inScale)
      .when(c.adopt({ status: "committed", goLiveAt: day(200) }))
      .thenState({ adoptions: [{ entityId: "ent-adopter", status: "committed", goLiveAt: day(200) }] });
    given(steps.inScale)
      .when(c.adopt({ status: "live" }))
      .thenError("go_live_invalid");
    const e = given(steps.inScale)
      .when(c.adopt({ status: "live", goLiveAt: day(150) }), { at: day(100) })
      .thenError("go_live_invalid");
    expect(e.message).toBe(`The adoption is recorded as live on ${day(100)} but goes live on ${day(150)}; record it as committed until then.`);
  });
  it("a status change applies to an organisation that adopted the solution", () => {
    const adopted = [...steps.inScale, c.adopt({ status: "committed", goLiveAt: day(90) })];
    given(adopted)
      .when(c.updateAdoption("live", { goLiveAt: day(95) }), { at: day(100) })
      .thenState({ adoptions: [{ entityId: "ent-adopter", status: "live", goLiveAt: day(95) }] });
    given(adopted)
      .when(c.updateAdoption("withdrawn"))
      .thenState({ adoptions: [{ status: "withdrawn", goLiveAt: day(90) }] });
    given(steps.inScale).when(c.updateAdoption("live")).thenError("adoption_not_found");
    given(adopted)
      .when(c.updateAdoption("live", { goLiveAt: undefined }))
      .thenError("go_live_invalid");
  });
  it("a replication names a project whose challenge the register holds, never itself", () => {
    const withOrigin = (projects: string[]) => ({ at: day(100), register: testRegister({ projects }) });
    spec
      .given([])
      .when(c.submit({ replicationOf: "p0" }), withOrigin(["p0"]))
      .thenState({ submitted: true });
    const unknown = spec
      .given([])
      .when(c.submit({ replicationOf: "p0" }), withOrigin([]))
      .thenError("origin_unknown");
    expect(unknown.message).toBe("Project p0, which this one replicates, has no submitted challenge in the register.");
    spec
      .given([])
      .when(c.submit({ replicationOf: "p1" }), withOrigin(["p1"]))
      .thenError("origin_unknown");
  });
});

describe("pilots side by side", () => {
  const started = [...steps.inPilot, c.startPilot({ pilotId: "north", territory: "PT11" }), c.startPilot({ pilotId: "south", territory: "PT15" })];
  it("a project may run several named pilots at once, each once", () => {
    given([...steps.inPilot, c.startPilot({ pilotId: "north" })])
      .when(c.startPilot({ pilotId: "south" }))
      .thenState({
        pilots: new Map([
          ["north", { pilotId: "north" }],
          ["south", { pilotId: "south", endedAt: null }],
        ]),
      });
    const again = given(started)
      .when(c.startPilot({ pilotId: "north" }))
      .thenError("pilot_already_started");
    expect(again.message).toBe(`Pilot north started on ${day(0 + steps.inPilot.length)}; name another pilot (pilotId) to run several at once.`);
    given([...steps.inPilot, c.startPilot()])
      .when(c.startPilot())
      .thenError("pilot_already_started");
  });
  it("ending names the pilot when several run; G3 waits for every one", () => {
    const e = given(started).when(c.endPilot()).thenError("pilot_ambiguous");
    expect(e.message).toBe("Several pilots are running (north, south); name the one that ends (pilotId).");
    given(started)
      .when(c.endPilot({ pilotId: "east" }))
      .thenError("pilot_not_started");
    const northEnded = [...started, c.endPilot({ pilotId: "north" }), c.evaluate()];
    given(northEnded)
      .when(c.endPilot({ pilotId: "north" }))
      .thenError("pilot_already_ended");
    expect(given(northEnded).when(c.gate("G3")).thenError("gate_requirements_missing").details).toEqual({ gate: "G3", missing: ["pilot_ended"] });
    // With one still running, ending without a name ends that one.
    given(northEnded)
      .when(c.endPilot())
      .thenState({
        pilots: new Map([
          ["north", {}],
          ["south", { endedAt: day(100) }],
        ]),
      });
    given([...northEnded, c.endPilot({ pilotId: "south" })])
      .when(c.gate("G3"))
      .thenState({ decisions: [{}, {}, { gate: "G3", outcome: "go" }] });
  });
});
