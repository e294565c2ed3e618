{ lib, ... }:
{
  programs.zsh.initContent = lib.mkOrder 550 "fpath+=(~/.zfunc)";
}
