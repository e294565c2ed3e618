// Only pack.pl marks a Prolog project: .pl is shared with Perl.
import type { Evidence, Preset } from "../preset.js";

export const swiProlog: Preset = {
  id: "swi-prolog",
  name: "SWI-Prolog",
  aliases: ["prolog", "swipl"],
  description: "SWI-Prolog",
  packages: ["swi-prolog"],
  markers: [{ file: "pack.pl" }],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "swi-prolog": "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/sw/swi-prolog/package.nix",
};
