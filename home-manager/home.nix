# Who this configuration is for. flake.nix passes `nixhome`: the settings of
# nixhome.json resolved for this configuration (a host there may name another
# account or system). The layers in profiles/ and hosts/ add everything else.
{ nixhome, ... }:
{
  home.username = nixhome.username;
  home.homeDirectory = nixhome.homeDirectory;

  # The Home Manager release whose defaults this configuration was first
  # written against. Keep it when you update; read the release notes before
  # changing it in nixhome.json.
  home.stateVersion = nixhome.stateVersion;
}
