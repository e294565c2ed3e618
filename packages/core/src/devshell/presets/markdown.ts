import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "markdown",
  name: "Markdown",
  aliases: ["md"],
  packages: ["marksman", "markdownlint-cli2"],
};

export const markdown: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Markdown tooling: the marksman language server and markdownlint-cli2",
  markers: [
    { file: ".markdownlint.json" },
    { file: ".markdownlint.jsonc" },
    { file: ".markdownlint.yaml" },
    { file: ".markdownlint.yml" },
    { file: ".markdownlint-cli2.jsonc" },
    { file: ".markdownlint-cli2.yaml" },
  ],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  marksman: "NixOS/nixpkgs:pkgs/by-name/ma/marksman/package.nix",
  "markdownlint-cli2": "NixOS/nixpkgs:pkgs/by-name/ma/markdownlint-cli2/package.nix",
};
