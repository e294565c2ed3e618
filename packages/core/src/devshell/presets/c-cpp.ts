// The C/C++ compiler itself comes from the shell's stdenv (gcc on Linux, clang on
// Darwin); clang-tools adds clangd and clang-format. gdb and valgrind are Linux-only,
// lldb is the Darwin debugger.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "c-cpp",
  name: "C/C++",
  aliases: ["c", "cpp", "c++", "cxx"],
  packages: ["clang-tools", "cmake", "ninja", "meson", "pkg-config", "cppcheck"],
  linuxOnly: ["gdb", "valgrind"],
  darwinOnly: ["lldb"],
};

export const cCpp: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "C and C++ with clangd, CMake, Meson, Ninja and cppcheck (compiler from stdenv)",
  markers: [
    { file: "CMakeLists.txt" },
    { file: "meson.build" },
    { file: "conanfile.txt" },
    { file: "conanfile.py" },
    { file: "vcpkg.json" },
    { file: "configure.ac" },
  ],
  watch: ["CMakeLists.txt", "meson.build", "conanfile.txt", "vcpkg.json"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "clang-tools": "attributes.json (present); the-nix-way/dev-templates@4eab4b7:c-cpp/flake.nix",
  cmake: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/cm/cmake/package.nix",
  ninja: "NixOS/nixpkgs:pkgs/by-name/ni/ninja/package.nix",
  meson: "NixOS/nixpkgs:pkgs/by-name/me/meson/package.nix",
  "pkg-config": "attributes.json (present); the-nix-way/dev-templates@4eab4b7:rust/flake.nix",
  cppcheck: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/cp/cppcheck/package.nix",
  gdb: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/gd/gdb/package.nix",
  valgrind: "NixOS/nixpkgs:pkgs/by-name/va/valgrind/package.nix",
  lldb: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:zig/flake.nix",
};
