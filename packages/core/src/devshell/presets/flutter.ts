import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "flutter",
  name: "Flutter",
  aliases: [],
  packages: ["flutter"],
};

export const flutter: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Flutter SDK (bundles Dart) for mobile, web and desktop apps",
  markers: [{ file: "pubspec.yaml", contains: "^\\s*flutter\\s*:|sdk\\s*:\\s*flutter" }],
  supersedes: ["dart"],
  watch: ["pubspec.yaml", "pubspec.lock"],
  gitignore: [".dart_tool/", "build/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  flutter: "NixOS/nixpkgs:pkgs/development/compilers/flutter/default.nix",
};
