{ lib, ... }:
{
  programs.zsh = {
    initContent = lib.mkMerge [
      (lib.mkBefore "echo first")
      (lib.mkOrder 550 "echo before-compinit")
      "echo last"
    ];
  };
}
