import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: false,
  // Fixed files (templates/**: flake.nix, home.nix, README.md …) are bundled as text.
  loader: { ".nix": "text", ".md": "text", ".sh": "text", ".yml": "text" },
  // `ignore` (git's .gitignore matching, MIT) is bundled: core keeps zero runtime dependencies.
  noExternal: ["ignore"],
});
