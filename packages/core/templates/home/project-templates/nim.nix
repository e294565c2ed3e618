{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Nim
    pkgs.nim
    pkgs.nimble
    pkgs.nimlangserver
  ];
}
