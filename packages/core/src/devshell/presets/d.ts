import type { Evidence, Preset } from "../preset.js";

export const d: Preset = {
  id: "d",
  name: "D",
  aliases: ["dlang"],
  description: "D with the LDC compiler, dub and the serve-d language server",
  packages: ["ldc", "dub", "serve-d"],
  markers: [{ file: "dub.json" }, { file: "dub.sdl" }],
  watch: ["dub.json", "dub.sdl", "dub.selections.json"],
  gitignore: [".dub/"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  ldc: "NixOS/nixpkgs:pkgs/by-name/ld/ldc/package.nix",
  dub: "NixOS/nixpkgs:pkgs/by-name/du/dub/package.nix",
  "serve-d": "NixOS/nixpkgs:pkgs/by-name/se/serve-d/package.nix",
};
