import { defineConfig } from "tsup";

export default defineConfig({
  // The root re-exports the layers; each layer is also an entry of its own, so a bundler that
  // only needs the kernel never sees the lab.
  entry: {
    index: "src/index.ts",
    "kernel/index": "src/kernel/index.ts",
    "lab/index": "src/lab/index.ts",
    "projections/index": "src/projections/index.ts",
    "publish/index": "src/publish/index.ts",
    "testing/index": "src/testing/index.ts",
    // Apart, so that the rest of the testing kit compiles in a project without fast-check.
    "testing/arbitraries": "src/testing/arbitraries.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  // Shared chunks between the entries, so the schemas are not carried twice.
  splitting: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  tsconfig: "tsconfig.src.json",
  external: ["zod", "fast-check", "immer", "date-fns", "@date-fns/utc", "@noble/hashes", "diff"],
});
