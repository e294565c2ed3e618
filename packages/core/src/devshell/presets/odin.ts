import type { Preset } from "../preset.js";

export const odin: Preset = {
  id: "odin",
  name: "Odin",
  aliases: ["odin-lang"],
  description: "Odin compiler with the ols language server",
  packages: ["odin", "ols"],
  markers: [{ file: "ols.json" }, { file: "odinfmt.json" }, { ext: ".odin" }],
  evidence: {
    odin: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/od/odin/package.nix",
    ols: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ol/ols/package.nix",
  },
};
