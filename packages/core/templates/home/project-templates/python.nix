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
    # Python
    if [ ! -d "$PWD/.venv" ]; then
      uv venv --quiet --python "$(command -v python3)" "$PWD/.venv"
    fi
    . "$PWD/.venv/bin/activate"
  '';
}
