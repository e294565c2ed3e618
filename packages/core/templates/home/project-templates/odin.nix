{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Odin
    pkgs.odin
    pkgs.ols
  ];
}
