import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "odin",
  name: "Odin",
  aliases: ["odin-lang"],
  packages: ["odin", "ols"],
};

export const odin: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Odin compiler with the ols language server",
  markers: [{ file: "ols.json" }, { file: "odinfmt.json" }, { ext: ".odin" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  odin: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/od/odin/package.nix",
  ols: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ol/ols/package.nix",
};
