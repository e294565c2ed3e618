import type { Evidence, Preset } from "../preset.js";

export const crystal: Preset = {
  id: "crystal",
  name: "Crystal",
  aliases: ["cr"],
  description: "Crystal compiler with the shards dependency manager and crystalline",
  packages: ["crystal", "shards", "crystalline"],
  markers: [{ file: "shard.yml" }],
  watch: ["shard.yml", "shard.lock"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  crystal: "NixOS/nixpkgs:pkgs/development/compilers/crystal/default.nix",
  shards: "NixOS/nixpkgs:pkgs/by-name/sh/shards/package.nix",
  crystalline: "NixOS/nixpkgs:pkgs/development/tools/language-servers/crystalline/default.nix",
};
