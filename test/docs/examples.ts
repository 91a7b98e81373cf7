// Documentation that is executed: every `@example` in src/ and every TypeScript block of the README,
// extracted and compiled against the library; the README's blocks are also run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** One example: where it comes from, and its code. */
export interface Example {
  readonly where: string;
  readonly code: string;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : []));

/** Every `@example` of every TSDoc comment under `dir`, with its file and line. */
export const tsdocExamples = (dir: string): Example[] =>
  files(dir).flatMap((file) => {
    const lines = readFileSync(file, "utf8").split("\n");
    const out: Example[] = [];
    lines.forEach((line, i) => {
      if (!/^\s*\* @example\s*$/u.test(line)) return;
      const body: string[] = [];
      for (let j = i + 1; j < lines.length; j++) {
        const l = lines[j] ?? "";
        if (/^\s*\*\/|^\s*\* @/u.test(l)) break;
        body.push(l.replace(/^\s*\* ?/u, ""));
      }
      out.push({ where: `${file}:${i + 1}`, code: body.join("\n") });
    });
    return out;
  });

/**
 * The README's TypeScript blocks as programs: a block whose info string says `continued` belongs
 * to the program before it.
 */
export const readmePrograms = (readme: string): Example[] => {
  const programs: { where: string; code: string }[] = [];
  const pattern = /^```ts( continued)?\n([\s\S]*?)^```$/gmu;
  for (const m of readme.matchAll(pattern)) {
    const line = readme.slice(0, m.index).split("\n").length;
    const last = programs.at(-1);
    if (m[1] !== undefined && last !== undefined) last.code += `\n${m[2]}`;
    else programs.push({ where: `README.md:${line}`, code: m[2] ?? "" });
  }
  return programs;
};

/** Compile sources (file name → text) with the project's settings; the diagnostics, as text. */
export const compile = (sources: ReadonlyMap<string, string>): string[] => {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
    allowImportingTsExtensions: false,
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (f) => sources.get(f) ?? read(f);
  host.fileExists = (f) => sources.has(f) || exists(f);
  const program = ts.createProgram([...sources.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && sources.has(d.file.fileName))
    .map((d) => {
      const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 };
      return `${d.file?.fileName}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
};
