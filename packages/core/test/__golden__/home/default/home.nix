{ nixhome, ... }:
{
  # Who this configuration is for. flake.nix passes these from nixhome.json
  # (a host there may name another account); the layers in profiles/ and
  # hosts/ add everything else.
  home.username = nixhome.username;
  home.homeDirectory = nixhome.homeDirectory;

  # The Home Manager release whose defaults this configuration was first written
  # against. Keep it when you update; read the release notes before changing it.
  home.stateVersion = nixhome.stateVersion;
}
