import { defineConfig } from "vitest/config";

// Packing, npm installs and CLI runs are slow and all spawn processes: generous
// timeouts, one file at a time (each packs into its own temp dir), no retries.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 5 * 60_000,
    hookTimeout: 10 * 60_000,
    fileParallelism: false,
    retry: 0,
  },
});
