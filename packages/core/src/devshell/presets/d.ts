import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "d",
  name: "D",
  aliases: ["dlang"],
  packages: ["ldc", "dub", "serve-d"],
};

export const d: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "D with the LDC compiler, dub and the serve-d language server",
  markers: [{ file: "dub.json" }, { file: "dub.sdl" }],
  watch: ["dub.json", "dub.sdl", "dub.selections.json"],
  gitignore: [".dub/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  ldc: "NixOS/nixpkgs:pkgs/by-name/ld/ldc/package.nix",
  dub: "NixOS/nixpkgs:pkgs/by-name/du/dub/package.nix",
  "serve-d": "NixOS/nixpkgs:pkgs/by-name/se/serve-d/package.nix",
};
