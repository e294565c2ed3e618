{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # OCaml
    pkgs.ocaml
    pkgs.opam
    pkgs.ocamlPackages.dune_3
    pkgs.ocamlPackages.ocaml-lsp
    pkgs.ocamlformat
    pkgs.ocamlPackages.utop
  ];
}
