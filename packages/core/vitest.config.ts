import { readFileSync } from "node:fs";
import { defineConfig, type Plugin } from "vitest/config";

/** Template files load as text, as tsup's `loader` bundles them (tsup.config.ts). */
const TEXT = /\.(sh|yml)$/;
const textFiles: Plugin = {
  name: "nixhome-text-files",
  enforce: "pre",
  load(id) {
    if (!TEXT.test(id)) return null;
    return `export default ${JSON.stringify(readFileSync(id, "utf8"))};`;
  },
};

export default defineConfig({
  plugins: [textFiles],
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000 },
});
