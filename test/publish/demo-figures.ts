// The demonstration log's figures, for the publishing tests.
import { readFileSync } from "node:fs";
import { DEMO_LOG } from "../../examples/demo/paths.js";
import { computeFigures, createCodec, decodeJsonl, labEvents, type LabFigures } from "../../src/index.js";
import { must } from "../../src/testing/index.js";
import { expect } from "vitest";

const { events } = decodeJsonl(createCodec(labEvents), readFileSync(DEMO_LOG, "utf8"));

/** The demonstration log's figures. */
export const demoFigures: LabFigures = must(computeFigures(events));

/** The figures with the first gate decision's rationale replaced: free text as a hostile user might write it. */
export const withRationale = (f: LabFigures, rationale: string): LabFigures => {
  const first = f.auditTrail.findIndex((x) => x.decision !== undefined);
  expect(first).toBeGreaterThanOrEqual(0);
  return { ...f, auditTrail: f.auditTrail.map((x, i) => (i === first && x.decision !== undefined ? { ...x, decision: { ...x.decision, rationale } } : x)) };
};

/** The secret the tests publish under: a host keeps its own, out of the code. */
export const SECRET = "the tests' secret: a host keeps its own, out of its code";
