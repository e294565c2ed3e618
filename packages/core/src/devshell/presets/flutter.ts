import type { Evidence, Preset } from "../preset.js";

export const flutter: Preset = {
  id: "flutter",
  name: "Flutter",
  aliases: [],
  description: "Flutter SDK (bundles Dart) for mobile, web and desktop apps",
  packages: ["flutter"],
  markers: [{ file: "pubspec.yaml", contains: "^\\s*flutter\\s*:|sdk\\s*:\\s*flutter" }],
  supersedes: ["dart"],
  watch: ["pubspec.yaml", "pubspec.lock"],
  gitignore: [".dart_tool/", "build/"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  flutter: "NixOS/nixpkgs:pkgs/development/compilers/flutter/default.nix",
};
