{ config, pkgs, user, ... }:
{
  system.stateVersion = 5;
  home-manager.users.${user} = { pkgs, lib, ... }: {
    programs.git.settings.user.name = "D";
    programs.zsh.initContent = "echo hi";
  };
  home-manager.users.${"bob"}.programs.eza.enable = true;
}
