{
  pkgs,
  lib,
  nixhome,
  ...
}:
{
  # A cloud instance stays lean: nothing beyond the layers below.
  # Scalars here use lib.mkForce: a host beats every layer below it.
  home.packages = with pkgs; [ ];

  # No display here: no GPU drivers for Nix programs (Linux that is not NixOS), so no
  # reminder at every switch to set them up with sudo.
  targets.genericLinux.gpu.enable = lib.mkForce false;

  # A plain zsh starts faster: no oh-my-zsh (the personal layer turns it on).
  programs.zsh.oh-my-zsh.enable = lib.mkIf (
    nixhome.shell == "zsh" && builtins.elem "personal" nixhome.layers
  ) (lib.mkForce false);
}
