{ pkgs, lib, ... }:
{
  # A cloud instance stays lean: nothing beyond the layers below.
  # Scalars here use lib.mkForce: a host beats every layer below it.
  home.packages = with pkgs; [ ];

  # A plain zsh starts faster.
  programs.zsh.oh-my-zsh.enable = lib.mkForce false;
}
