{ pkgs, lib, ... }:
{
  # What only this host gets.
  # Scalars here use lib.mkForce: a host beats every layer below it.
  home.packages = with pkgs; [ ];
}
