import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "fortran",
  name: "Fortran",
  aliases: ["f90", "gfortran", "fpm"],
  packages: ["gfortran", "fortran-fpm", "fortls", "cmake"],
};

export const fortran: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "GNU Fortran with the Fortran package manager, fortls and CMake",
  markers: [
    { file: "fpm.toml" },
    { file: "CMakeLists.txt", contains: "enable_language\\s*\\(\\s*Fortran|LANGUAGES[^)]*Fortran" },
  ],
  watch: ["fpm.toml"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  gfortran: "NixOS/nixpkgs:pkgs/by-name/gf/gfortran/package.nix",
  "fortran-fpm": "NixOS/nixpkgs:pkgs/by-name/fo/fortran-fpm/package.nix",
  fortls: "NixOS/nixpkgs:pkgs/by-name/fo/fortls/package.nix",
  cmake: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/cm/cmake/package.nix",
};
