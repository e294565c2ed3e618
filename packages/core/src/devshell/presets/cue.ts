import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "cue",
  name: "CUE",
  aliases: ["cuelang"],
  packages: ["cue"],
};

export const cue: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "CUE data constraint language (the cue binary includes its language server)",
  markers: [{ file: "cue.mod" }, { ext: ".cue" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  cue: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/cu/cue/package.nix",
};
