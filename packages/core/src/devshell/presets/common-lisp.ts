import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "common-lisp",
  name: "Common Lisp",
  aliases: ["lisp", "cl", "sbcl"],
  packages: ["sbcl"],
};

export const commonLisp: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Steel Bank Common Lisp for ASDF systems",
  markers: [{ ext: ".asd" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  sbcl: "NixOS/nixpkgs:pkgs/development/compilers/sbcl/default.nix",
};
