import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

// One self-contained file: @nixhome/core (parser, analysis, rename data,
// writer) is bundled, so installing nixhome pulls zero runtime dependencies.
export default defineConfig({
  entry: ["src/cli.ts"],
  format: ["esm"],
  clean: true,
  target: "node20",
  platform: "node",
  noExternal: [/.*/],
  treeshake: true,
  splitting: false,
  minify: true,
  banner: { js: "#!/usr/bin/env node" },
  define: { __VERSION__: JSON.stringify(pkg.version) },
});
