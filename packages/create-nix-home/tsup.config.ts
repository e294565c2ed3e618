import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

// The CLI ships as one self-contained file: @nixhome/core and the prompts
// library are bundled, so installing it pulls zero runtime dependencies.
export default defineConfig({
  entry: ["src/cli.ts"],
  format: ["esm"],
  clean: true,
  target: "node20",
  platform: "node",
  noExternal: [/.*/],
  treeshake: true,
  // One file, minified: the tarball stays small and starts fast.
  splitting: false,
  minify: true,
  banner: { js: "#!/usr/bin/env node" },
  define: { __VERSION__: JSON.stringify(pkg.version) },
});
