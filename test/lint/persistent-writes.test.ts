// A project's PersistentMaps change only by assigning what set/delete return: lint refuses a dropped write.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();
const refusals = async (body: string): Promise<string[]> => {
  const [result] = await eslint.lintText(`export const f = (s: { sessions: Map<string, number> }): void => {\n  ${body}\n};\n`, {
    filePath: "src/lab/sessions/decide.ts",
  });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
};

describe("writes to a project's PersistentMaps, checked by lint", () => {
  const cases: [body: string, refused: boolean][] = [
    ['s.sessions.set("a", 1);', true],
    ['s.sessions.delete("a");', true],
    ['s.sessions = s.sessions.set("a", 1);', false],
    ['s.sessions = s.sessions.delete("a");', false],
  ];
  for (const [body, refused] of cases) {
    it(`${refused ? "refuses" : "allows"} ${body}`, async () => {
      const found = await refusals(body);
      expect(found.length > 0, found.join("; ")).toBe(refused);
    });
  }
});
