{ pkgs, ... }:
{
  # What this layer adds.
  # Scalars here are plain: they beat base and lose to a host's lib.mkForce.
  home.packages = with pkgs; [ ];
}
