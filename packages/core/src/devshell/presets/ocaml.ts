import type { Evidence, Preset } from "../preset.js";

export const ocaml: Preset = {
  id: "ocaml",
  name: "OCaml",
  aliases: ["ml", "opam", "dune"],
  description: "OCaml with dune, opam, ocaml-lsp, ocamlformat and utop",
  packages: [
    "ocaml",
    "opam",
    "ocamlPackages.dune_3",
    "ocamlPackages.ocaml-lsp",
    "ocamlformat",
    "ocamlPackages.utop",
  ],
  markers: [{ file: "dune-project" }, { file: "dune-workspace" }, { ext: ".opam" }],
  watch: ["dune-project"],
  gitignore: ["_build/", "_opam/"],
};

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
