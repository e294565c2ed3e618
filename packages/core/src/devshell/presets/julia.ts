import type { Evidence, Preset } from "../preset.js";

export const julia: Preset = {
  id: "julia",
  name: "Julia",
  aliases: ["jl"],
  description: "Julia with the project in the current directory activated",
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
  markers: [{ file: "Project.toml" }, { file: "JuliaProject.toml" }],
  versionFrom: [
    { file: ".tool-versions", pattern: "^julia\\s+(\\d+\\.\\d+)" },
    { file: "Manifest.toml", pattern: '^julia_version\\s*=\\s*"(\\d+\\.\\d+)' },
  ],
  watch: ["Project.toml", "Manifest.toml"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  julia_110: "NixOS/nixpkgs#553258 (2026-08-16, julia_110: 1.10.11 -> 1.10.12)",
  julia_112: "NixOS/nixpkgs#553258 (2026-08-16, julia_112: 1.12.6 -> 1.12.7)",
};
