{ config, pkgs, ... }:
{
  networking.hostName = "box";
  users.users.alice.isNormalUser = true;

  home-manager.users.alice = { pkgs, ... }: {
    programs.git.settings.user.name = "Alice";
    home.packages = [ pkgs.eza ];
  };

  home-manager.users.bob.programs.eza.enable = true;

  home-manager.sharedModules = [
    {
      programs.git.settings.user.email = "shared@example.com";
    }
  ];

  # NixOS's own zsh: not Home Manager, left alone.
  programs.zsh.enable = true;
}
