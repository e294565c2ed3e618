{
  pkgs,
  lib,
  ...
}:
{
  # Tools every machine gets. Scalars in this layer use lib.mkDefault, so any layer
  # above wins; lists merge with theirs. The services (Docker, code-server) are
  # switched per host in nixhome.json ("docker", "codeServer"), not here.
  imports = [ ../services/docker.nix ../services/code-server.nix ];

  # Linux that is not NixOS: XDG data dirs, desktop entries and session variables
  # for the distribution (a NixOS host sets it to false with lib.mkForce).
  targets.genericLinux.enable = lib.mkIf pkgs.stdenv.hostPlatform.isLinux (lib.mkDefault true);

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
