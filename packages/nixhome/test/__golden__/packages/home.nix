{ pkgs, ... }:
let
  tools = with pkgs; [
    eza
    ripgrep
    nixfmt
  ];
in
{
  home.packages = tools ++ [
    pkgs.eza
    pkgs.typescript-language-server
    pkgs.neofetch
  ];
}
