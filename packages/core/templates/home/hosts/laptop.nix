{ pkgs, lib, ... }:
{
  # Desktop-side tools for the laptop.
  # Scalars here use lib.mkForce: a host beats every layer below it.
  home.packages = with pkgs; [
    gh
    lazygit
    ripgrep
    fd
    bat
    btop
  ];
}
