{ lib, pkgs, ... }:
{
  programs.git.settings.user.name = "Ada";
  programs.zsh.initContent = lib.mkBefore "echo hi";
  home.packages = [ pkgs.eza ];
}
