{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Gleam
    pkgs.gleam
    pkgs.beamPackages.erlang
    pkgs.beamPackages.rebar3
  ];
}
