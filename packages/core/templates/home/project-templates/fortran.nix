{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Fortran
    pkgs.gfortran
    pkgs.fortran-fpm
    pkgs.fortls
    pkgs.cmake
  ];
}
