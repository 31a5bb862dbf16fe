import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["lint/**/*.test.ts", "rules/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Browser tests share two cores; files run in parallel up to this many.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
