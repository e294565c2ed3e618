import type { Preset } from "../preset.js";

export const dart: Preset = {
  id: "dart",
  name: "Dart",
  aliases: [],
  description: "Dart SDK (pub, formatter, analyzer and language server included)",
  packages: ["dart"],
  markers: [{ file: "pubspec.yaml" }],
  watch: ["pubspec.yaml", "pubspec.lock"],
  gitignore: [".dart_tool/"],
  evidence: {
    dart: "NixOS/nixpkgs:pkgs/development/compilers/dart/default.nix",
  },
};
