{ config, lib, pkgs, ... }:
let
  work = config.home.username == "work";
in
lib.mkMerge [
  {
    programs.git.settings.user.name = lib.mkDefault "Linus";
  }
  (lib.mkIf work {
    programs.git.settings.user.email = lib.mkForce "linus@work.example";
    programs.eza.enable = true;
  })
]
