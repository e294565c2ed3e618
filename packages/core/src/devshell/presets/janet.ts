import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "janet",
  name: "Janet",
  aliases: [],
  packages: ["janet", "jpm"],
  shellHook: 'export PATH="$project_root/jpm_tree/bin:$PATH"',
};

export const janet: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Janet interpreter with jpm; project-local jpm_tree on PATH",
  markers: [{ file: "project.janet" }],
  watch: ["project.janet", "lockfile.jdn"],
  gitignore: ["jpm_tree/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  janet: "NixOS/nixpkgs:pkgs/development/interpreters/janet/default.nix",
  jpm: "NixOS/nixpkgs:pkgs/development/interpreters/janet/jpm.nix",
};
