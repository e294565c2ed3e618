{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # D
    pkgs.ldc
    pkgs.dub
    pkgs.serve-d
  ];
}
