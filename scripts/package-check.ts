/**
 * Checks of the built package, run after the build (npm run size, part of npm run check):
 * 1. how much labx-core code a bundler keeps for a given import, minified, its dependencies (zod,
 *    immer, …) left out — the surface shakes — and, for the kernel-only imports, everything a
 *    browser bundle gets, dependencies included: the Result helpers within their budget, and code
 *    that does not validate (`fold`, projections) without zod;
 * 2. a project without fast-check compiles against `labx-core/testing` with `skipLibCheck: false`
 *    (only `labx-core/testing/arbitraries` needs fast-check, and the check confirms it would fail).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const BUDGET_KIB = 5;
const cases: { readonly what: string; readonly code: string; readonly budgetKiB?: number }[] = [
  { what: 'import { fold, createCodec } from "labx-core/kernel"', code: 'export { fold, createCodec } from "./dist/kernel/index.js";' },
  { what: 'import { handle, InMemoryEventStore } from "labx-core/kernel"', code: 'export { handle, InMemoryEventStore } from "./dist/kernel/index.js";' },
  { what: 'import { ok, err } from "labx-core"', code: 'export { ok, err } from "./dist/index.js";' },
  { what: 'import { labDecider } from "labx-core/lab"', code: 'export { labDecider } from "./dist/lab/index.js";' },
  { what: 'import { computeFigures } from "labx-core/projections"', code: 'export { computeFigures } from "./dist/projections/index.js";' },
  { what: 'import { exportOpenData } from "labx-core/publish"', code: 'export { exportOpenData } from "./dist/publish/index.js";' },
];

// What a browser bundle of `code` holds, minified: bytes by origin (`dist/` for labx-core, the package name otherwise).
const bundled = async (code: string, withDependencies: boolean): Promise<Map<string, number>> => {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    external: withDependencies ? [] : ["zod", "immer", "@noble/hashes", "@noble/hashes/*", "date-fns", "@date-fns/utc", "diff", "fast-check"],
    logLevel: "silent",
  });
  const bytes = new Map<string, number>();
  for (const out of Object.values(result.metafile.outputs))
    for (const [path, input] of Object.entries(out.inputs)) {
      const origin = path.startsWith("dist/") ? "dist/" : (/node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(path)?.[1] ?? path);
      bytes.set(origin, (bytes.get(origin) ?? 0) + input.bytesInOutput);
    }
  return bytes;
};

// The dependencies are the host's to bundle; only labx-core's own code is measured.
const ownBytes = async (code: string): Promise<number> => (await bundled(code, false)).get("dist/") ?? 0;

// Kernel-only imports as a browser gets them, dependencies included.
const whole: { readonly what: string; readonly code: string; readonly budgetKiB?: number; readonly without?: string }[] = [
  { what: 'import { ok, err } from "labx-core/kernel"', code: 'export { ok, err } from "./dist/kernel/index.js";', budgetKiB: BUDGET_KIB },
  {
    what: 'import { fold, project, startProjection } from "labx-core/kernel"',
    code: 'export { fold, project, startProjection } from "./dist/kernel/index.js";',
    without: "zod",
  },
];

// A consumer project whose node_modules hold labx-core and its dependencies, but not fast-check.
const compilesWithoutFastCheck = (source: string): string => {
  const dir = mkdtempSync(join(tmpdir(), "labx-consumer-"));
  const modules = join(dir, "node_modules");
  mkdirSync(join(modules, "@noble"), { recursive: true });
  mkdirSync(join(modules, "@date-fns"), { recursive: true });
  // The package as published: its manifest and what `files` lists, none of its own node_modules.
  const pkg = join(modules, "labx-core");
  mkdirSync(pkg);
  copyFileSync("package.json", join(pkg, "package.json"));
  symlinkSync(resolve("dist"), join(pkg, "dist"));
  for (const dep of ["zod", "immer", "diff", "date-fns", "@date-fns/utc", "@noble/hashes"]) symlinkSync(resolve("node_modules", dep), join(modules, dep));
  writeFileSync(join(dir, "use.ts"), source);
  const options = {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    target: "ES2022",
    lib: ["ES2023", "DOM"],
    module: "ESNext",
    moduleResolution: "Bundler",
    types: [],
    preserveSymlinks: true,
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: options, files: ["use.ts"] }));
  try {
    execFileSync(process.execPath, [resolve("node_modules/typescript/bin/tsc"), "-p", dir], { encoding: "utf8", stdio: "pipe" });
    return "";
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
};

let failed = false;
const kit = compilesWithoutFastCheck(`import { fixedContext, labCommands, scenario } from "labx-core/testing";
import { projectDecider } from "labx-core/lab";
scenario(projectDecider).given([]).when(labCommands("p1").submit(), fixedContext()).thenError("project_exists");
`);
console.log(`${kit === "" ? "✓" : "✗"} labx-core/testing compiles without fast-check (skipLibCheck: false)${kit === "" ? "" : `:\n${kit}`}`);
const arbitraries = compilesWithoutFastCheck(`import { labArbitraries } from "labx-core/testing/arbitraries";\nexport const a = labArbitraries;\n`);
console.log(`${arbitraries.includes("fast-check") ? "✓" : "✗"} labx-core/testing/arbitraries needs fast-check, and the check sees it`);
failed ||= kit !== "" || !arbitraries.includes("fast-check");

for (const c of whole) {
  const bytes = await bundled(c.code, true);
  const kib = [...bytes.values()].reduce((n, b) => n + b, 0) / 1024;
  const over = c.budgetKiB !== undefined && kib > c.budgetKiB;
  const carries = c.without !== undefined && (bytes.get(c.without) ?? 0) > 0;
  failed ||= over || carries;
  const budget = c.budgetKiB === undefined ? "" : ` (budget ${c.budgetKiB} KiB)`;
  const without = c.without === undefined ? "" : `, ${carries ? "WITH" : "without"} ${c.without}`;
  console.log(`${over || carries ? "✗" : "✓"} ${c.what}: ${kib.toFixed(1)} KiB in all, dependencies included${budget}${without}`);
}
for (const c of cases) {
  const kib = (await ownBytes(c.code)) / 1024;
  const over = c.budgetKiB !== undefined && kib > c.budgetKiB;
  failed ||= over;
  console.log(`${over ? "✗" : "✓"} ${c.what}: ${kib.toFixed(1)} KiB of labx-core${c.budgetKiB === undefined ? "" : ` (budget ${c.budgetKiB} KiB)`}`);
}
if (failed) {
  console.error("The built package fails a check above.");
  process.exit(1);
}
