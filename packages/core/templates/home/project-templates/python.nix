{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Python 3.13; for another version use python311, python312, python314
    pkgs.python313
    pkgs.uv
    pkgs.ruff
    pkgs.pyright
  ];

  # Environment variables of the shell.
  UV_PYTHON_DOWNLOADS = "never";
  UV_PYTHON_PREFERENCE = "only-system";

  # Runs each time you enter the shell.
  shellHook = ''
    # The project's folder: the nearest one up from here with flake.nix, .envrc or .git.
    project_root="$PWD"
    until [ -e "$project_root/flake.nix" ] || [ -e "$project_root/.envrc" ] ||
      [ -e "$project_root/.git" ]; do
      [ "$project_root" != / ] || { project_root="$PWD"; break; }
      project_root="$(dirname "$project_root")"
    done

    # Python
    if [ ! -d "$project_root/.venv" ]; then
      uv venv --quiet --python "$(command -v python3)" "$project_root/.venv"
    fi
    . "$project_root/.venv/bin/activate"
  '';
}
