import type { Evidence, Preset } from "../preset.js";

export const fortran: Preset = {
  id: "fortran",
  name: "Fortran",
  aliases: ["f90", "gfortran", "fpm"],
  description: "GNU Fortran with the Fortran package manager, fortls and CMake",
  packages: ["gfortran", "fortran-fpm", "fortls", "cmake"],
  markers: [
    { file: "fpm.toml" },
    { file: "CMakeLists.txt", contains: "enable_language\\s*\\(\\s*Fortran|LANGUAGES[^)]*Fortran" },
  ],
  watch: ["fpm.toml"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  gfortran: "NixOS/nixpkgs:pkgs/by-name/gf/gfortran/package.nix",
  "fortran-fpm": "NixOS/nixpkgs:pkgs/by-name/fo/fortran-fpm/package.nix",
  fortls: "NixOS/nixpkgs:pkgs/by-name/fo/fortls/package.nix",
  cmake: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/cm/cmake/package.nix",
};
