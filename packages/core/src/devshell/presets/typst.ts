import type { Evidence, Preset } from "../preset.js";

export const typst: Preset = {
  id: "typst",
  name: "Typst",
  aliases: ["typ"],
  description: "Typst typesetting with the tinymist language server and typstyle",
  packages: ["typst", "tinymist", "typstyle"],
  markers: [{ ext: ".typ" }, { file: "typst.toml" }],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  typst: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ty/typst/package.nix",
  tinymist: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ti/tinymist/package.nix",
  typstyle: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ty/typstyle/package.nix",
};
