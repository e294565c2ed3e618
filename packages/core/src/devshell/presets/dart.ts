import type { Evidence, Preset } from "../preset.js";

export const dart: Preset = {
  id: "dart",
  name: "Dart",
  aliases: [],
  description: "Dart SDK (pub, formatter, analyzer and language server included)",
  packages: ["dart"],
  markers: [{ file: "pubspec.yaml" }],
  watch: ["pubspec.yaml", "pubspec.lock"],
  gitignore: [".dart_tool/"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  dart: "NixOS/nixpkgs:pkgs/development/compilers/dart/default.nix",
};
