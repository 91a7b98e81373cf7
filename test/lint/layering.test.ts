// The layering is enforced by lint: these imports, written in the files named, are refused or allowed.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();
// The errors lint reports for one import written in a given file (the file need not exist).
const refusals = async (file: string, from: string): Promise<string[]> => {
  const [result] = await eslint.lintText(`import { x } from "${from}";\nexport const y = x;\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
};

describe("layering, enforced by lint", () => {
  const cases: [file: string, from: string, refused: boolean][] = [
    // A slice uses another slice through its index, never its files.
    ["src/lab/sessions/decide.ts", "../lifecycle/gates.js", true],
    ["src/lab/sessions/decide.ts", "../lifecycle/index.js", false],
    ["src/lab/sessions/decide.ts", "./state.js", false],
    ["src/lab/sessions/decide.ts", "../../kernel/time.js", true],
    ["src/lab/sessions/decide.ts", "../../kernel/index.js", false],
    // The lab knows nothing of the layers above it; the kernel nothing of the domain.
    ["src/lab/sessions/decide.ts", "../../projections/index.js", true],
    ["src/lab/register.ts", "./sessions/state.js", true],
    ["src/lab/register.ts", "./sessions/index.js", false],
    ["src/kernel/fold.ts", "../lab/index.js", true],
    ["src/kernel/fold.ts", "./recipe.js", false],
    // Projections and publishing use the layers below through their indexes.
    ["src/projections/participation.ts", "../lab/sessions/index.js", true],
    ["src/projections/participation.ts", "../lab/index.js", false],
    ["src/projections/participation.ts", "../publish/index.js", true],
    ["src/publish/html.ts", "../kernel/digest.js", true],
    ["src/publish/html.ts", "../projections/index.js", false],
    ["src/testing/scenario.ts", "../lab/register.js", true],
    // And nothing under src/ reaches for Node.
    ["src/lab/sessions/decide.ts", "node:fs", true],
  ];
  for (const [file, from, refused] of cases) {
    it(`${refused ? "refuses" : "allows"} ${from} in ${file}`, async () => {
      const found = await refusals(file, from);
      expect(found.length > 0, found.join("; ")).toBe(refused);
    });
  }
});
