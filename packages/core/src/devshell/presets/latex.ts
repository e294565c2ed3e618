// The knob picks a TeX Live scheme rather than a version; the legacy
// texlive.combined.* interface is deprecated (warns) and is not used.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "latex",
  name: "LaTeX",
  aliases: ["tex", "texlive"],
  version: {
    flag: "texlive",
    default: "medium",
    attrs: {
      small: "texliveSmall",
      medium: "texliveMedium",
      full: "texliveFull",
    },
  },
  packages: ["texlab", "tex-fmt"],
};

export const latex: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "TeX Live scheme (small, medium or full) with texlab and tex-fmt",
  markers: [{ ext: ".tex" }, { file: "latexmkrc" }, { file: ".latexmkrc" }],
  watch: ["latexmkrc", ".latexmkrc"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  texliveSmall: "attributes.json (present); NixOS/nixpkgs:doc/release-notes/rl-2611.section.md",
  texliveMedium: "attributes.json (present); NixOS/nixpkgs#523350",
  texliveFull: "attributes.json (present); NixOS/nixpkgs#523350",
  texlab: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/te/texlab/package.nix",
  "tex-fmt": "NixOS/nixpkgs:pkgs/by-name/te/tex-fmt/package.nix",
};
