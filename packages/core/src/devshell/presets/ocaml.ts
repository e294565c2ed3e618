import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "ocaml",
  name: "OCaml",
  aliases: ["ml", "opam", "dune"],
  packages: [
    "ocaml",
    "opam",
    "ocamlPackages.dune_3",
    "ocamlPackages.ocaml-lsp",
    "ocamlformat",
    "ocamlPackages.utop",
  ],
};

export const ocaml: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "OCaml with dune, opam, ocaml-lsp, ocamlformat and utop",
  markers: [{ file: "dune-project" }, { file: "dune-workspace" }, { ext: ".opam" }],
  watch: ["dune-project"],
  gitignore: ["_build/", "_opam/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  ocaml: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:ocaml/flake.nix",
  opam: "attributes.json (present); NixOS/nixpkgs:pkgs/development/tools/ocaml/opam/default.nix",
  "ocamlPackages.dune_3":
    "attributes.json (present); the-nix-way/dev-templates@4eab4b7:ocaml/flake.nix",
  "ocamlPackages.ocaml-lsp": "NixOS/nixpkgs:pkgs/development/ocaml-modules/ocaml-lsp/default.nix",
  ocamlformat: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:ocaml/flake.nix",
  "ocamlPackages.utop": "NixOS/nixpkgs:pkgs/development/tools/ocaml/utop/default.nix",
};
