{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # PlatformIO
    pkgs.platformio
  ];

  # Runs each time you enter the shell.
  shellHook = ''
    # The project's folder: the nearest one up from here with flake.nix, .envrc or .git.
    project_root="$PWD"
    until [ -e "$project_root/flake.nix" ] || [ -e "$project_root/.envrc" ] ||
      [ -e "$project_root/.git" ]; do
      [ "$project_root" != / ] || { project_root="$PWD"; break; }
      project_root="$(dirname "$project_root")"
    done

    # PlatformIO
    export PLATFORMIO_CORE_DIR="$project_root/.platformio"
  '';
}
