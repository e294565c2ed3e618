import type { Evidence, Preset } from "../preset.js";

export const commonLisp: Preset = {
  id: "common-lisp",
  name: "Common Lisp",
  aliases: ["lisp", "cl", "sbcl"],
  description: "Steel Bank Common Lisp for ASDF systems",
  packages: ["sbcl"],
  markers: [{ ext: ".asd" }],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  sbcl: "NixOS/nixpkgs:pkgs/development/compilers/sbcl/default.nix",
};
