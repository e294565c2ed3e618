{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages =
    (
      [
        # C/C++
        pkgs.clang-tools
        pkgs.cmake
        pkgs.ninja
        pkgs.meson
        pkgs.pkg-config
        pkgs.cppcheck
      ]
      ++ pkgs.lib.optionals pkgs.stdenv.hostPlatform.isLinux [
        pkgs.gdb
        pkgs.valgrind
      ]
    )
    ++ pkgs.lib.optionals pkgs.stdenv.hostPlatform.isDarwin [ pkgs.lldb ];
}
