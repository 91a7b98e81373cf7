import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "testing/index": "src/testing/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  // One shared chunk for `.` and `./testing`, so the schemas are not carried twice.
  splitting: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  tsconfig: "tsconfig.src.json",
  external: ["zod", "fast-check", "immer", "date-fns", "@date-fns/utc", "@noble/hashes", "diff"],
});
