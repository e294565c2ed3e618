// rPackages.languageserver could not be verified in the stored nixpkgs sources, so the
// preset keeps to the names the dev-templates r shell uses.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "r",
  name: "R",
  aliases: ["rlang", "rstats"],
  packages: ["R", "rPackages.knitr", "pandoc"],
};

export const r: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "R with knitr and pandoc for reports",
  markers: [
    { file: "DESCRIPTION" },
    { ext: ".Rproj" },
    { file: "renv.lock" },
    { file: ".Rprofile" },
  ],
  watch: ["DESCRIPTION", "renv.lock"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  R: "shared/nixpkgs/attributes.json (present): long-standing",
  "rPackages.knitr": "attributes.json (present); the-nix-way/dev-templates@4eab4b7:r/flake.nix",
  pandoc: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:r/flake.nix",
};
