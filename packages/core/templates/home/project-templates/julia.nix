{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Julia 1.12; for another version use julia_110
    pkgs.julia_112
  ];

  # Environment variables of the shell.
  JULIA_PROJECT = "@.";
}
