import type { Evidence, Preset } from "../preset.js";

export const cue: Preset = {
  id: "cue",
  name: "CUE",
  aliases: ["cuelang"],
  description: "CUE data constraint language (the cue binary includes its language server)",
  packages: ["cue"],
  markers: [{ file: "cue.mod" }, { ext: ".cue" }],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  cue: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/cu/cue/package.nix",
};
