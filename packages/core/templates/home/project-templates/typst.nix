{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Typst
    pkgs.typst
    pkgs.tinymist
    pkgs.typstyle
  ];
}
