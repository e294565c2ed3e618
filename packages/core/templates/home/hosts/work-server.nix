{ pkgs, lib, ... }:
{
  # Cluster and cloud tools for work.
  # Scalars here use lib.mkForce: a host beats every layer below it.
  home.packages = with pkgs; [
    kubectl
    awscli2
  ];
}
