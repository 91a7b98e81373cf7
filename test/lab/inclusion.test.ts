import { describe, expect, it } from "vitest";
import { c, given, ref, steps } from "./fixtures.js";

describe("inclusion and capacity", () => {
  const held = [...steps.inCoDesign, c.schedule("s3"), c.attend("s3", [ref(1), ref(2)])];
  it("a session may close with an anonymous breakdown by age band and gender, never of more people than came", () => {
    // Two attendees recorded and three counted anonymously: five people.
    const headcount = { citizens: 3, civilServants: 0, business: 0, other: 0 };
    given(held)
      .when(
        c.close("s3", {
          anonymousHeadcount: headcount,
          demographics: { ageBands: { "18_29": 2, "65_plus": 2, undisclosed: 1 }, gender: { female: 3, male: 2 } },
        }),
      )
      .then([
        {
          type: "SessionClosed",
          data: {
            projectId: "p1",
            sessionId: "s3",
            anonymousHeadcount: headcount,
            contributions: 3,
            demographics: { ageBands: { "18_29": 2, "65_plus": 2, undisclosed: 1 }, gender: { female: 3, male: 2 } },
          },
        },
      ]);
    const e = given(held)
      .when(c.close("s3", { anonymousHeadcount: headcount, demographics: { gender: { female: 4, male: 2 } } }))
      .thenError("demographics_exceed_attendance");
    expect(e.message).toBe("The gender breakdown counts 6 people, but 5 were at session s3 (attendees recorded and anonymous headcount).");
    given(held)
      .when(c.close("s3", { demographics: { ageBands: { under_18: -1 } } }))
      .thenError("validation_failed");
  });
  it("a training session is scheduled like any other, and may say where it is held", () => {
    given(steps.inCoDesign)
      .when(c.schedule("t1", { kind: "training", territory: "PT16D:0106" }))
      .thenState({ sessions: new Map([["t1", { kind: "training", status: "scheduled" }]]) });
    given(steps.inCoDesign)
      .when(c.schedule("t1", { territory: "Coimbra" }))
      .thenError("validation_failed");
  });
});
