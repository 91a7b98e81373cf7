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
