import { defineConfig } from "vitest/config";

// Every case spawns a built CLI in its own folder (on /dev/shm when there is one). Two files run
// at a time and each runs a few cases concurrently: about 2 cores' worth of processes.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    maxConcurrency: 4,
    retry: 0,
  },
});
