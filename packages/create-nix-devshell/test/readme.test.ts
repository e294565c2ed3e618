import { readFileSync } from "node:fs";
import { presets } from "@nixhome/core";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("has a detection-table row for every language, with its markers", () => {
    for (const p of presets) {
      const row = readme.split("\n").find((l) => new RegExp(`^\\| ${p.id} +\\|`).test(l));
      expect(row, p.id).toBeDefined();
      for (const m of p.markers) expect(row).toContain(`\`${m.file ?? `*${m.ext}`}\``);
    }
  });
  it("names every version flag", () => {
    for (const p of presets) if (p.version) expect(readme).toContain(`--${p.version.flag}`);
  });
});
