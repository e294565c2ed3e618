{
  config,
  pkgs,
  lib,
  ...
}:
{
  home.packages = with pkgs; [
    # Version control
    git
    ripgrep
  ];

  # The interactive shell.
  programs.zsh = {
    enable = true;
    shellAliases = {
      ll = "ls -la";
      ".." = "cd ..";
    };
    initContent = lib.mkOrder 550 ''
      autoload -U compinit
      # ''${not interpolated}
    '';
  };

  programs.git.settings.user.name = lib.mkDefault "Big \"Boss\" \${HOME}";
  home.sessionVariables.EDITOR = config.home.sessionVariables.VISUAL or "vim";
}
