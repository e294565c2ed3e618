import type { Evidence, Preset } from "../preset.js";

export const janet: Preset = {
  id: "janet",
  name: "Janet",
  aliases: [],
  description: "Janet interpreter with jpm; project-local jpm_tree on PATH",
  packages: ["janet", "jpm"],
  shellHook: 'export PATH="$PWD/jpm_tree/bin:$PATH"',
  markers: [{ file: "project.janet" }],
  watch: ["project.janet", "lockfile.jdn"],
  gitignore: ["jpm_tree/"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  janet: "NixOS/nixpkgs:pkgs/development/interpreters/janet/default.nix",
  jpm: "NixOS/nixpkgs:pkgs/development/interpreters/janet/jpm.nix",
};
