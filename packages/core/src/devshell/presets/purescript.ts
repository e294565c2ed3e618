// spago is an alias of spago-legacy; purescript-language-server and purs-tidy left
// nixpkgs with nodePackages (NixOS/nixpkgs#470335), so there is no LSP here.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "purescript",
  name: "PureScript",
  aliases: ["purs", "spago"],
  packages: ["purescript", "spago-legacy", "esbuild", "nodejs"],
};

export const purescript: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "PureScript compiler with spago (legacy), esbuild and Node.js",
  markers: [{ file: "spago.yaml" }, { file: "spago.dhall" }],
  supersedes: ["dhall"],
  watch: ["spago.yaml", "spago.dhall", "packages.dhall", "spago.lock"],
  gitignore: [".spago/", "output/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  purescript: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:purescript/flake.nix",
  "spago-legacy":
    "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/sp/spago-legacy/package.nix",
  esbuild: "NixOS/nixpkgs:pkgs/by-name/es/esbuild/package.nix",
  nodejs: "attributes.json (present); NixOS/nixpkgs:doc/release-notes/rl-2605.section.md",
};
