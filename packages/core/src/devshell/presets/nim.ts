import type { Preset } from "../preset.js";

export const nim: Preset = {
  id: "nim",
  name: "Nim",
  aliases: ["nimlang"],
  description: "Nim compiler with nimble and nimlangserver",
  packages: ["nim", "nimble", "nimlangserver"],
  markers: [{ ext: ".nimble" }, { file: "nim.cfg" }, { file: "config.nims" }],
  watch: ["nimble.lock"],
  evidence: {
    nim: "attributes.json (present); NixOS/nixpkgs:doc/release-notes/rl-2611.section.md",
    nimble: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ni/nimble/package.nix",
    nimlangserver:
      "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ni/nimlangserver/package.nix",
  },
};
