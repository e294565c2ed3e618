import { defineConfig } from "vitest/config";

const TWENTY_MINUTES = 20 * 60_000;

// Container builds and Nix runs are slow and share one Docker daemon: long
// timeouts, one test file at a time, no retries.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: TWENTY_MINUTES,
    hookTimeout: TWENTY_MINUTES,
    teardownTimeout: 5 * 60_000,
    fileParallelism: false,
    maxConcurrency: 1,
    retry: 0,
  },
});
