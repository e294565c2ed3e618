import type { Evidence, Preset } from "../preset.js";

export const vlang: Preset = {
  id: "vlang",
  name: "V",
  aliases: ["v"],
  description: "The V programming language (v fmt and v-analyzer via `v install`)",
  packages: ["vlang"],
  markers: [{ file: "v.mod" }],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  vlang: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/vl/vlang/package.nix",
};
