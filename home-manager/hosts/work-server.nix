{ pkgs, lib, ... }:
{
  # Cluster and cloud tools for work.
  # Scalars here use lib.mkForce: a host beats every layer below it.
  home.packages = with pkgs; [
    kubectl
    awscli2
  ];

  # No display here: no GPU drivers for Nix programs (Linux that is not NixOS), so no
  # reminder at every switch to set them up with sudo.
  targets.genericLinux.gpu.enable = lib.mkForce false;
}
