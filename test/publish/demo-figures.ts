// The demonstration log's figures, for the publishing tests.
import { readFileSync } from "node:fs";
import { DEMO_LOG } from "../../examples/demo/paths.js";
import { computeFigures, createCodec, decodeJsonl, labEvents, type LabFigures } from "../../src/index.js";
import { must } from "../../src/testing/index.js";

const { events } = decodeJsonl(createCodec(labEvents), readFileSync(DEMO_LOG, "utf8"));

/** The demonstration log's figures. */
export const demoFigures: LabFigures = must(computeFigures(events));
