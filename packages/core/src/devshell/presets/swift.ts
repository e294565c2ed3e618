// sourcekit-lsp and swift-format are taken from swiftPackages, the set swift and
// swiftpm come from, so all four match.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "swift",
  name: "Swift",
  aliases: ["swiftlang"],
  packages: ["swift", "swiftpm", "swiftPackages.sourcekit-lsp", "swiftPackages.swift-format"],
};

export const swift: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Swift toolchain with SwiftPM, sourcekit-lsp and swift-format",
  markers: [{ file: "Package.swift" }],
  watch: ["Package.swift", "Package.resolved"],
  gitignore: [".build/", ".swiftpm/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  swift: "attributes.json (present); NixOS/nixpkgs:doc/release-notes/rl-2611.section.md",
  swiftpm: "attributes.json (present); NixOS/nixpkgs:doc/release-notes/rl-2611.section.md",
  "swiftPackages.sourcekit-lsp":
    "NixOS/nixpkgs:pkgs/development/compilers/swift/by-name/so/sourcekit-lsp/package.nix",
  "swiftPackages.swift-format":
    "NixOS/nixpkgs:pkgs/development/compilers/swift/by-name/sw/swift-format/package.nix",
};
