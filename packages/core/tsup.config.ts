import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: false,
  // Template files (templates/) are bundled as text.
  loader: { ".sh": "text", ".yml": "text" },
});
