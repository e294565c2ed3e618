{ config, lib, pkgs, ... }:
{
  programs.git = {
    userName = "Mallory";
    extraConfig = import ./gitconfig.nix;
  };
  programs.zsh.initExtra = lib.mkIf true "echo wrapped";
  services.gpg-agent.pinentryFlavor = config.my.flavor;
  programs.exa = {
    colour = "always";
  };
  programs.eza.enable = true;
}
