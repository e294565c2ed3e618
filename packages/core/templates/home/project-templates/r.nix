{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # R
    pkgs.R
    pkgs.rPackages.knitr
    pkgs.pandoc
  ];
}
