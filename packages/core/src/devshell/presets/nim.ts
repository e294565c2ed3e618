import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "nim",
  name: "Nim",
  aliases: ["nimlang"],
  packages: ["nim", "nimble", "nimlangserver"],
};

export const nim: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Nim compiler with nimble and nimlangserver",
  markers: [{ ext: ".nimble" }, { file: "nim.cfg" }, { file: "config.nims" }],
  watch: ["nimble.lock"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  nim: "attributes.json (present); NixOS/nixpkgs:doc/release-notes/rl-2611.section.md",
  nimble: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ni/nimble/package.nix",
  nimlangserver:
    "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ni/nimlangserver/package.nix",
};
