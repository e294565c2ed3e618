{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Erlang 28; for another version use beam27Packages.erlang, beam.interpreters.erlang_29
    pkgs.beam28Packages.erlang
    pkgs.beam28Packages.rebar3
    pkgs.beam28Packages.erlfmt
    pkgs.erlang-language-platform
  ];

  # Environment variables of the shell.
  ERL_AFLAGS = "-kernel shell_history enabled";
}
