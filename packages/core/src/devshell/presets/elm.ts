import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "elm",
  name: "Elm",
  aliases: ["elm-lang"],
  packages: [
    "elmPackages.elm",
    "elmPackages.elm-format",
    "elmPackages.elm-test",
    "elmPackages.elm-language-server",
  ],
};

export const elm: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Elm compiler with elm-format, elm-test and the Elm language server",
  markers: [{ file: "elm.json" }],
  watch: ["elm.json"],
  gitignore: ["elm-stuff/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "elmPackages.elm": "attributes.json (present); the-nix-way/dev-templates@4eab4b7:elm/flake.nix",
  "elmPackages.elm-format":
    "NixOS/nixpkgs:pkgs/development/compilers/elm/packages/ghc9_8/default.nix",
  "elmPackages.elm-test":
    "NixOS/nixpkgs:pkgs/development/compilers/elm/packages/elm-test/default.nix",
  "elmPackages.elm-language-server":
    "NixOS/nixpkgs:pkgs/development/compilers/elm/packages/elm-language-server/default.nix",
};
