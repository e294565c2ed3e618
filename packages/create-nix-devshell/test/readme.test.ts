import { readFileSync } from "node:fs";
import { presets } from "@nixhome/core";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
/** The per-language table lives in the repository's docs, linked from the README. */
const table = readFileSync(
  new URL("../../../docs/create-nix-devshell-detection.md", import.meta.url),
  "utf8",
);

describe("README", () => {
  it("the detection table has a row for every language, with its markers", () => {
    for (const p of presets) {
      const row = table.split("\n").find((l) => new RegExp(`^\\| ${p.id} +\\|`).test(l));
      expect(row, p.id).toBeDefined();
      for (const m of p.markers) expect(row).toContain(`\`${m.file ?? `*${m.ext}`}\``);
    }
  });
  it("names every version flag", () => {
    for (const p of presets) if (p.version) expect(readme).toContain(`--${p.version.flag}`);
  });
});
