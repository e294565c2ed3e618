{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Clojure
    pkgs.clojure
    pkgs.leiningen
    pkgs.babashka
    pkgs.clojure-lsp
    pkgs.clj-kondo
  ];
}
