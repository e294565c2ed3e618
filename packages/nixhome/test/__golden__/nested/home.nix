{ pkgs, ... }:
{
  programs = {
    git.settings.user.name = "Grace"; # the name on commits
    git.settings.user.email = "grace@example.com";
    git.settings.alias = {
      st = "status";
    };

    eza = {
      enable = true;
      git = true;
    };
  };

  programs.git.settings.core.editor = "nvim";
}
