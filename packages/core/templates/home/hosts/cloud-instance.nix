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

  # A plain zsh starts faster: no oh-my-zsh (the personal layer turns it on).
  programs.zsh.oh-my-zsh.enable = lib.mkIf (
    nixhome.shell == "zsh" && builtins.elem "personal" nixhome.layers
  ) (lib.mkForce false);
}
