// Only pack.pl marks a Prolog project: .pl is shared with Perl.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "swi-prolog",
  name: "SWI-Prolog",
  aliases: ["prolog", "swipl"],
  packages: ["swi-prolog"],
};

export const swiProlog: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "SWI-Prolog",
  markers: [{ file: "pack.pl" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "swi-prolog": "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/sw/swi-prolog/package.nix",
};
