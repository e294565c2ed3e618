import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "dhall",
  name: "Dhall",
  aliases: ["dhall-lang"],
  packages: ["dhall", "haskellPackages.dhall-lsp-server", "haskellPackages.dhall-json"],
};

export const dhall: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Dhall configuration language with its language server and dhall-to-json",
  markers: [{ ext: ".dhall" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  dhall: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:dhall/flake.nix",
  "haskellPackages.dhall-lsp-server":
    "attributes.json (present); the-nix-way/dev-templates@4eab4b7:dhall/flake.nix",
  "haskellPackages.dhall-json":
    "attributes.json (present); the-nix-way/dev-templates@4eab4b7:dhall/flake.nix",
};
