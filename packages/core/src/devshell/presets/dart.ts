import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "dart",
  name: "Dart",
  aliases: [],
  packages: ["dart"],
};

export const dart: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Dart SDK (pub, formatter, analyzer and language server included)",
  markers: [{ file: "pubspec.yaml" }],
  watch: ["pubspec.yaml", "pubspec.lock"],
  gitignore: [".dart_tool/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  dart: "NixOS/nixpkgs:pkgs/development/compilers/dart/default.nix",
};
