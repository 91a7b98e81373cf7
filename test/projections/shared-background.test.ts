import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyTo, type Envelope, type LabEvent, labProjections, live, project } from "../../src/index.js";
import { auditTrailProjection, impact, participation, portfolio } from "../../src/projections/index.js";
import { labArbitraries } from "../../src/testing/arbitraries.js";
import { must } from "../../src/testing/index.js";

const logs = labArbitraries(fc).portfolioLog(3, 60);
const alone = { participation, impact, portfolio, auditTrail: auditTrailProjection };

describe("one background for the four projections", () => {
  it("each part's state is the state it builds alone, though the background is kept once, in one batch, live or applied in parts", () => {
    fc.assert(
      fc.property(logs, fc.nat(), (log: Envelope<LabEvent>[], cut) => {
        const together = must(project(labProjections, log)).state;
        for (const [name, p] of Object.entries(alone)) expect(together[name as keyof typeof alone], name).toEqual(must(project(p as never, log)).state);
        // Shared, not copied: the parts that hold the background hold the same Maps.
        expect(together.impact.entities).toBe(together.participation.entities);
        expect(together.portfolio.projects).toBe(together.participation.projects);
        const k = cut % (log.length + 1);
        const view = live(labProjections, must(project(labProjections, log.slice(0, k))));
        view.applyAll(log.slice(k));
        expect(view.snapshot().state).toEqual(together);
        expect(must(applyTo(labProjections, must(project(labProjections, log.slice(0, k))), log.slice(k))).state).toEqual(together);
      }),
      { numRuns: 40, seed: 21 },
    );
  });
});
