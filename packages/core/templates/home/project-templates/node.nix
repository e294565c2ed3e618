{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Node.js 24; for another version use nodejs_22, nodejs_26
    pkgs.nodejs_24
    pkgs.pnpm
    pkgs.typescript
    pkgs.typescript-language-server
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

    # Node.js
    export PATH="$project_root/node_modules/.bin:$PATH"
  '';
}
