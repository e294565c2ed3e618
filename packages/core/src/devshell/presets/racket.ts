import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "racket",
  name: "Racket",
  aliases: ["rkt"],
  packages: ["racket"],
};

export const racket: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Racket with raco and DrRacket",
  markers: [{ file: "info.rkt" }, { ext: ".rkt" }],
  gitignore: ["compiled/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  racket: "NixOS/nixpkgs:pkgs/by-name/ra/racket/package.nix",
};
