/**
 * Regenerate the README blocks that are generated from the code: the lifecycle diagram (from the
 * transition table), the permission table and the error codes. Run: npm run readme
 */
import { readFileSync, writeFileSync } from "node:fs";
import { causalityMarkdown, errorCodesMarkdown, gatesMarkdown, lifecycleMermaid, permissionsMarkdown } from "./readme-blocks.js";

/** The generated blocks, by marker name. */
export const generatedBlocks = (): Record<string, string> => ({
  lifecycle: `\`\`\`mermaid\n${lifecycleMermaid()}\n\`\`\``,
  permissions: permissionsMarkdown(),
  gates: gatesMarkdown(),
  causality: causalityMarkdown(),
  "error-codes": errorCodesMarkdown(),
});

/** Replace the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export const fill = (readme: string, blocks: Record<string, string>): string =>
  Object.entries(blocks).reduce((text, [name, body]) => {
    const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`, "u");
    if (!pattern.test(text)) throw new Error(`README has no ${name} markers`);
    return text.replace(pattern, (_m, open: string, close: string) => `${open}${body}\n${close}`);
  }, readme);

if (process.argv[1]?.endsWith("update-readme.ts")) {
  const path = new URL("../README.md", import.meta.url);
  writeFileSync(path, fill(readFileSync(path, "utf8"), generatedBlocks()));
  console.log("README.md: generated blocks updated.");
}
