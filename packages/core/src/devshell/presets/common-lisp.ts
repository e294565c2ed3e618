import type { Preset } from "../preset.js";

export const commonLisp: Preset = {
  id: "common-lisp",
  name: "Common Lisp",
  aliases: ["lisp", "cl", "sbcl"],
  description: "Steel Bank Common Lisp for ASDF systems",
  packages: ["sbcl"],
  markers: [{ ext: ".asd" }],
  evidence: {
    sbcl: "NixOS/nixpkgs:pkgs/development/compilers/sbcl/default.nix",
  },
};
