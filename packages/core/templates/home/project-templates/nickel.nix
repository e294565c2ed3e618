{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Nickel
    pkgs.nickel
    pkgs.nls
    pkgs.topiary
  ];
}
