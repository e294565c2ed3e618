{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # SWI-Prolog
    pkgs.swi-prolog
  ];
}
