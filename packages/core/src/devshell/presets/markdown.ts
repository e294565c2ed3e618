import type { Evidence, Preset } from "../preset.js";

export const markdown: Preset = {
  id: "markdown",
  name: "Markdown",
  aliases: ["md"],
  description: "Markdown tooling: the marksman language server and markdownlint-cli2",
  packages: ["marksman", "markdownlint-cli2"],
  markers: [
    { file: ".markdownlint.json" },
    { file: ".markdownlint.jsonc" },
    { file: ".markdownlint.yaml" },
    { file: ".markdownlint.yml" },
    { file: ".markdownlint-cli2.jsonc" },
    { file: ".markdownlint-cli2.yaml" },
  ],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  marksman: "NixOS/nixpkgs:pkgs/by-name/ma/marksman/package.nix",
  "markdownlint-cli2": "NixOS/nixpkgs:pkgs/by-name/ma/markdownlint-cli2/package.nix",
};
