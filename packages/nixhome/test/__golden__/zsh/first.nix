{
  lib,
  config,
  pkgs,
  ...
}:
{
  programs.zsh = {
    enable = true;
    initContent = lib.mkBefore ''
      zmodload zsh/zprof
    '';
  };
}
