import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Template files are imported as text, as tsup's `loader` bundles them.
  plugins: [
    {
      name: "nixhome-text-templates",
      enforce: "pre",
      load(id) {
        if (/\/templates\/.*\.(nix|md|sh|yml)$/.test(id))
          return `export default ${JSON.stringify(readFileSync(id, "utf8"))};`;
        return null;
      },
    },
  ],
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000 },
});
