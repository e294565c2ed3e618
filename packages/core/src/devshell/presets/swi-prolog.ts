// Only pack.pl marks a Prolog project: .pl is shared with Perl.
import type { Preset } from "../preset.js";

export const swiProlog: Preset = {
  id: "swi-prolog",
  name: "SWI-Prolog",
  aliases: ["prolog", "swipl"],
  description: "SWI-Prolog",
  packages: ["swi-prolog"],
  markers: [{ file: "pack.pl" }],
  evidence: {
    "swi-prolog": "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/sw/swi-prolog/package.nix",
  },
};
