{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Lua 5.4; for another version use lua5_1
    pkgs.lua5_4
    pkgs.lua-language-server
    pkgs.stylua
  ];
}
