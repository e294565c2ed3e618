import { defineConfig } from "tsup";

// The CLI ships as one self-contained file: @nixhome/core and the prompts
// library are bundled, so installing it pulls zero runtime dependencies.
export default defineConfig({
  entry: ["src/cli.ts"],
  format: ["esm"],
  clean: true,
  target: "node20",
  platform: "node",
  noExternal: [/.*/],
  minify: false,
  treeshake: true,
  banner: { js: "#!/usr/bin/env node" },
  define: { __VERSION__: JSON.stringify(process.env.npm_package_version ?? "0.0.0") },
});
