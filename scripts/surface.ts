/**
 * The public surface, measured: how many names each entry exports (values and types), and how long
 * an editor's hover is for the names a newcomer meets first. Run: npm run surface
 */
import { join } from "node:path";
import ts from "typescript";

const root = join(import.meta.dirname, "..");
const entries: Record<string, string> = {
  "labx-core": "src/index.ts",
  "labx-core/kernel": "src/kernel/index.ts",
  "labx-core/lab": "src/lab/index.ts",
  "labx-core/projections": "src/projections/index.ts",
  "labx-core/publish": "src/publish/index.ts",
  "labx-core/testing": "src/testing/index.ts",
};
const probe = join(root, "scratch-surface-probe.ts");
const hovered = ["labDecider", "projectDecider", "ProjectState", "LabFigures", "computeFigures", "handle"];
const probeText = `import { ${hovered.join(", ")} } from "./src/index.js";\n`;

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  skipLibCheck: true,
};
const files = [...Object.values(entries).map((f) => join(root, f)), probe];
const host: ts.LanguageServiceHost = {
  getScriptFileNames: () => files,
  getScriptVersion: () => "1",
  getScriptSnapshot: (f) => {
    const text = f === probe ? probeText : ts.sys.readFile(f);
    return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
  },
  getCurrentDirectory: () => root,
  getCompilationSettings: () => options,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
  fileExists: (f) => f === probe || ts.sys.fileExists(f),
  readFile: (f) => (f === probe ? probeText : ts.sys.readFile(f)),
};
const service = ts.createLanguageService(host);
const program = service.getProgram();
if (program === undefined) throw new Error("no program");
const checker = program.getTypeChecker();

console.log("| entry | names | values | types |\n|---|--:|--:|--:|");
for (const [name, file] of Object.entries(entries)) {
  const source = program.getSourceFile(join(root, file));
  const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  const exports = symbol === undefined ? [] : checker.getExportsOfModule(symbol);
  const types = exports.filter((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    return (target.flags & ts.SymbolFlags.Value) === 0;
  }).length;
  console.log(`| \`${name}\` | ${exports.length} | ${exports.length - types} | ${types} |`);
}
console.log("\n| hover | characters | begins |\n|---|--:|---|");
for (const name of hovered) {
  // What an editor shows on hovering the name where it is imported.
  const info = service.getQuickInfoAtPosition(probe, probeText.indexOf(` ${name}`) + 1);
  const text = ts.displayPartsToString(info?.displayParts ?? []);
  console.log(`| \`${name}\` | ${text.length.toLocaleString("en-US")} | \`${text.slice(0, 90).replace(/\s+/gu, " ")}…\` |`);
}
