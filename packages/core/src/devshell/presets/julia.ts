import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "julia",
  name: "Julia",
  aliases: ["jl"],
  version: {
    flag: "julia",
    default: "1.12",
    attrs: {
      "1.10": "julia_110",
      "1.12": "julia_112",
    },
  },
  packages: [],
  env: {
    JULIA_PROJECT: "@.",
  },
};

export const julia: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Julia with the project in the current directory activated",
  markers: [{ file: "Project.toml" }, { file: "JuliaProject.toml" }],
  versionFrom: [
    { file: ".tool-versions", pattern: "^julia\\s+(\\d+\\.\\d+)" },
    { file: "Manifest.toml", pattern: '^julia_version\\s*=\\s*"(\\d+\\.\\d+)' },
  ],
  watch: ["Project.toml", "Manifest.toml"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  julia_110: "NixOS/nixpkgs#553258 (2026-08-16, julia_110: 1.10.11 -> 1.10.12)",
  julia_112: "NixOS/nixpkgs#553258 (2026-08-16, julia_112: 1.12.6 -> 1.12.7)",
};
