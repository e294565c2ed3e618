import type { Evidence, Preset } from "../preset.js";

export const racket: Preset = {
  id: "racket",
  name: "Racket",
  aliases: ["rkt"],
  description: "Racket with raco and DrRacket",
  packages: ["racket"],
  markers: [{ file: "info.rkt" }, { ext: ".rkt" }],
  gitignore: ["compiled/"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  racket: "NixOS/nixpkgs:pkgs/by-name/ra/racket/package.nix",
};
