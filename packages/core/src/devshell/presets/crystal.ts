import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "crystal",
  name: "Crystal",
  aliases: ["cr"],
  packages: ["crystal", "shards", "crystalline"],
};

export const crystal: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Crystal compiler with the shards dependency manager and crystalline",
  markers: [{ file: "shard.yml" }],
  watch: ["shard.yml", "shard.lock"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  crystal: "NixOS/nixpkgs:pkgs/development/compilers/crystal/default.nix",
  shards: "NixOS/nixpkgs:pkgs/by-name/sh/shards/package.nix",
  crystalline: "NixOS/nixpkgs:pkgs/development/tools/language-servers/crystalline/default.nix",
};
