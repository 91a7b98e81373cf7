import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { compile, readmePrograms, tsdocExamples } from "./examples.js";

const root = resolve(".");
const work = join(root, "scratch", "docs");
mkdirSync(work, { recursive: true });

// The names each module exports, values and types alike: one program for them all, since each
// program type-checks the whole library again.
const exportsOf = (files: readonly string[]): string[][] => {
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  return files.map((file) => {
    const source = program.getSourceFile(file);
    const symbol = source ? checker.getSymbolAtLocation(source) : undefined;
    return symbol ? checker.getExportsOfModule(symbol).map((s) => s.getName()) : [];
  });
};

// What an example may use without saying where it comes from: the library's exports, and the
// values a reader has at hand (a log, a store, a context, a command…), declared with their types.
const prelude = (): string => {
  // Every layer's entry: the root holds a host's names, and the layers the rest.
  const entries = ["kernel", "lab", "projections", "publish", "testing"].map((l) => join(root, `src/${l}/index.ts`));
  const [kernel = [], lab = [], projections = [], publish = [], testing = []] = exportsOf(entries);
  const layers = Object.entries({ kernel, lab, projections, publish }).map(([l, names]) => ({ l, names }));
  const seen = new Set<string>();
  const lib = layers.flatMap(({ names }) => names.filter((n) => !seen.has(n) && (seen.add(n), true)));
  const kit = testing.filter((n) => !lib.includes(n));
  const taken = new Set<string>();
  return [
    ...layers.map(({ l, names }) => `import { ${names.filter((n) => !taken.has(n) && (taken.add(n), true)).join(", ")} } from "${root}/src/${l}/index.js";`),
    `import { ${kit.join(", ")} } from "${root}/src/testing/index.js";`,
    `import { labArbitraries } from "${root}/src/testing/arbitraries.js";`,
    `import fc from "fast-check";`,
    `import type { Draft } from "immer";`,
    `import * as z from "zod";`,
    `import { readFile, writeFile } from "node:fs/promises";`,
    "declare const events: Envelope<LabEvent>[];",
    "declare const history: Envelope<ProjectEvent>[];",
    "declare const newEvents: Envelope<ProjectEvent>[];",
    "declare const stored: StoredRecord[];",
    "declare const store: InMemoryEventStore<LabEvent>;",
    "declare const ctx: LabContext;",
    "declare const command: LabCommand;",
    "declare const state: ProjectState;",
    "declare const published: Checkpoint;",
    "declare const figures: LabFigures;",
    "declare const codec: Codec<typeof labEvents>;",
    "declare const line: string;",
    "declare const body: string;",
    "declare const e: Envelope<LabEvent>;",
    "declare function allEvents(): Promise<Envelope<LabEvent>[]>;",
  ].join("\n");
};

describe("documentation that is executed", () => {
  it("every @example in src/ compiles against the library", () => {
    const head = prelude();
    const examples = tsdocExamples(join(root, "src"));
    expect(examples.length).toBeGreaterThan(80);
    // Imports an example shows are for the reader: the prelude provides every name.
    const body = (code: string) =>
      code
        .split("\n")
        .filter((l) => !l.startsWith("import "))
        .join("\n");
    const sources = new Map(
      examples.map((x, i) => [join(work, `example-${i}.ts`), `${head}\nexport async function example(): Promise<void> {\n${body(x.code)}\n}\n`]),
    );
    const where = new Map(examples.map((x, i) => [join(work, `example-${i}.ts`), x.where]));
    const problems = compile(sources).map((d) => {
      const [file = "", ...rest] = d.split(":");
      return `${where.get(file) ?? file}: ${rest.slice(1).join(":").trim()}`;
    });
    if (problems.length > 0) writeFileSync(join(work, "problems.txt"), problems.join("\n"));
    expect(problems).toEqual([]);
    // One type-check of the whole library and every example: minutes on a busy machine.
  }, 600_000);

  it("every TypeScript block of the README compiles and runs", () => {
    const programs = readmePrograms(readFileSync(join(root, "README.md"), "utf8")).map((p, i) => ({
      ...p,
      file: join(work, `readme-${i}.ts`),
      code: p.code.replaceAll(
        /from "labx-core(\/[a-z/]+)?"/gu,
        (_m, sub: string | undefined) =>
          `from "${root}/src/${sub === undefined ? "index" : `${sub.slice(1)}${sub.includes("arbitraries") ? "" : "/index"}`}.js"`,
      ),
    }));
    expect(programs.length).toBeGreaterThanOrEqual(3);
    const problems = compile(new Map(programs.map((p) => [p.file, p.code])));
    expect(problems).toEqual([]);
    for (const p of programs) {
      writeFileSync(p.file, p.code);
      const r = spawnSync(process.execPath, ["--import", "tsx", p.file], { encoding: "utf8", cwd: root });
      expect({ where: p.where, status: r.status, stderr: r.stderr }).toEqual({ where: p.where, status: 0, stderr: "" });
    }
  }, 120_000);
});
