import type { Preset } from "../preset.js";

export const vlang: Preset = {
  id: "vlang",
  name: "V",
  aliases: ["v"],
  description: "The V programming language (v fmt and v-analyzer via `v install`)",
  packages: ["vlang"],
  markers: [{ file: "v.mod" }],
  evidence: {
    vlang: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/vl/vlang/package.nix",
  },
};
