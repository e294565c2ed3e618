import type { Evidence, Preset } from "../preset.js";

export const odin: Preset = {
  id: "odin",
  name: "Odin",
  aliases: ["odin-lang"],
  description: "Odin compiler with the ols language server",
  packages: ["odin", "ols"],
  markers: [{ file: "ols.json" }, { file: "odinfmt.json" }, { ext: ".odin" }],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  odin: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/od/odin/package.nix",
  ols: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ol/ols/package.nix",
};
