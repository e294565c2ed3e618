import { defineConfig } from "tsup";

// @nixhome/core is bundled so the generators always match the renderer that
// wrote the repository; plop itself is the only (peer) dependency.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: { resolve: false },
  clean: true,
  target: "node20",
  platform: "node",
  noExternal: ["@nixhome/core"],
  external: ["plop", "node-plop"],
});
