import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

// The CLI ships as one self-contained file: @nixhome/core and the prompts
// library are bundled, so installing it pulls zero runtime dependencies.
// It is CommonJS (dist/package.json says so), as create-nix-home's: Node starts a
// CommonJS file faster than an ES module (an ES module's imports of Node's built-in
// modules alone cost a --help run about 10 ms), and esbuild keeps each bundled
// module's `require`s inside that module's lazy initialiser.
export default defineConfig({
  entry: ["src/cli.ts"],
  format: ["cjs"],
  outExtension: () => ({ js: ".js" }),
  clean: true,
  target: "node20",
  platform: "node",
  noExternal: [/.*/],
  // esbuild's own tree shaking; rollup's (`treeshake: true`) would hoist every require.
  treeshake: false,
  // One file, minified: the tarball stays small and starts fast.
  splitting: false,
  minify: true,
  banner: { js: "#!/usr/bin/env node" },
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // @nixhome/core from its source, not its one-file dist (as create-nix-home): esbuild then
  // drops every core module this CLI never reaches. Core's template files are bundled as
  // text, as in core's own build.
  loader: { ".nix": "text", ".md": "text", ".sh": "text", ".yml": "text" },
  esbuildOptions(options) {
    options.alias = {
      "@nixhome/core": fileURLToPath(new URL("../core/src/index.ts", import.meta.url)),
    };
  },
  onSuccess: async () => {
    writeFileSync("dist/package.json", `${JSON.stringify({ type: "commonjs" })}\n`);
  },
});
