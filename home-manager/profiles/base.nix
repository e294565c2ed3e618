{ pkgs, lib, ... }:
{
  # Tools every machine gets. Scalars in this layer use lib.mkDefault, so any layer
  # above wins; lists like this one merge with theirs. code-server is Linux-only.
  home.packages =
    with pkgs;
    [
      docker
      docker-compose
    ]
    ++ lib.optionals stdenv.hostPlatform.isLinux [ code-server ];

  programs.git.enable = lib.mkDefault true;

  # The interactive shell (zsh); set it as your login shell with chsh.
  programs.zsh = {
    enable = lib.mkDefault true;
    shellAliases = {
      ll = lib.mkDefault "ls -la";
      ".." = lib.mkDefault "cd ..";
    };
  };

  # Per-project environments: `use flake` in an .envrc.
  programs.direnv = {
    enable = lib.mkDefault true;
    nix-direnv.enable = lib.mkDefault true;
  };

  # Let Home Manager install and manage itself.
  programs.home-manager.enable = lib.mkDefault true;
}
