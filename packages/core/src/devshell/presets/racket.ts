import type { Preset } from "../preset.js";

export const racket: Preset = {
  id: "racket",
  name: "Racket",
  aliases: ["rkt"],
  description: "Racket with raco and DrRacket",
  packages: ["racket"],
  markers: [{ file: "info.rkt" }, { ext: ".rkt" }],
  gitignore: ["compiled/"],
  evidence: {
    racket: "NixOS/nixpkgs:pkgs/by-name/ra/racket/package.nix",
  },
};
