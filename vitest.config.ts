import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests are CPU-bound and the machines are shared: time limits catch hangs, not slowness.
    testTimeout: 60_000,
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary"],
      // Set at what the suite reaches now (less a point for what random properties visit), on every
      // layer: a change that leaves code untested fails here.
      thresholds: {
        "src/kernel/**": { lines: 95, branches: 86 },
        "src/lab/**": { lines: 97, branches: 91 },
        "src/projections/**": { lines: 98, branches: 89 },
        "src/publish/**": { lines: 98, branches: 79 },
        "src/testing/**": { lines: 98, branches: 89 },
      },
    },
  },
});
