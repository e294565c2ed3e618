{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Elixir 1.19; for another version use beamPackages.elixir_1_18, beamPackages.elixir_1_20
    pkgs.beamPackages.elixir_1_19
    pkgs.beamPackages.erlang
    pkgs.beamPackages.elixir-ls
  ]
  ++ pkgs.lib.optionals pkgs.stdenv.hostPlatform.isLinux [ pkgs.inotify-tools ];

  # Environment variables of the shell.
  ERL_AFLAGS = "-kernel shell_history enabled";

  # Runs each time you enter the shell.
  shellHook = ''
    # The project's folder: the nearest one up from here with flake.nix, .envrc or .git.
    project_root="$PWD"
    until [ -e "$project_root/flake.nix" ] || [ -e "$project_root/.envrc" ] ||
      [ -e "$project_root/.git" ]; do
      [ "$project_root" != / ] || { project_root="$PWD"; break; }
      project_root="$(dirname "$project_root")"
    done

    # Elixir
    export MIX_HOME="$project_root/.nix-mix"
    export HEX_HOME="$project_root/.nix-hex"
    export PATH="$MIX_HOME/bin:$MIX_HOME/escripts:$HEX_HOME/bin:$PATH"
  '';
}
