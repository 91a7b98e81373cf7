import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fill, generatedBlocks } from "../../scripts/update-readme.js";
import { lifecycleMermaid } from "../../scripts/readme-blocks.js";
import { transitions } from "../../src/lab/index.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("shows the lifecycle diagram, the permission table and the error codes exactly as the code defines them (run `npm run readme` to refresh)", () => {
    expect(fill(readme, generatedBlocks())).toBe(readme);
  });
  it("the diagram has an edge for every transition of the table", () => {
    const diagram = lifecycleMermaid();
    for (const [from, { to, gate }] of Object.entries(transitions.advance)) expect(diagram).toContain(`${from} --> ${to}: ${gate} go`);
    for (const [from, to] of Object.entries(transitions.pivot)) expect(diagram).toContain(`${from} --> ${to}: recycle (pivot)`);
    for (const stage of transitions.discontinue) expect(diagram).toContain(`${stage} --> discontinued`);
    expect(diagram).toContain("scale --> mainstreamed: G4 go");
  });
});
