/**
 * Make every source map under dist/ name its sources relative to itself: tsup's CommonJS maps carry
 * the absolute path of the machine that built them, which a published package must not. Part of
 * `npm run build`.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";

const maps = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? maps(join(dir, d.name)) : d.name.endsWith(".map") ? [join(dir, d.name)] : []));

let fixed = 0;
for (const file of maps("dist")) {
  const map = JSON.parse(readFileSync(file, "utf8")) as { sources?: string[]; sourceRoot?: string; file?: string };
  const local = (s: string): string => (isAbsolute(s) ? relative(dirname(file), s).replaceAll("\\", "/") : s);
  const sources = (map.sources ?? []).map(local);
  const own = map.file === undefined ? undefined : local(map.file);
  if (sources.join() === (map.sources ?? []).join() && own === map.file && map.sourceRoot === undefined) continue;
  writeFileSync(file, JSON.stringify({ ...map, file: own, sources, sourceRoot: undefined }));
  fixed++;
}
console.log(`source maps: ${fixed} made relative`);
