{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Crystal
    pkgs.crystal
    pkgs.shards
    pkgs.crystalline
  ];
}
