import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "typst",
  name: "Typst",
  aliases: ["typ"],
  packages: ["typst", "tinymist", "typstyle"],
};

export const typst: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Typst typesetting with the tinymist language server and typstyle",
  markers: [{ ext: ".typ" }, { file: "typst.toml" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  typst: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ty/typst/package.nix",
  tinymist: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ti/tinymist/package.nix",
  typstyle: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ty/typstyle/package.nix",
};
