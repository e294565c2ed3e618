{ config, lib, ... }:
{
  programs.eza.enable = true;
  home.shellAliases = lib.mkIf config.programs.eza.enable {
    ls = "eza";
  };
  home.sessionVariables.GIT_AUTHOR = config.programs.git.settings.user.name;
}
