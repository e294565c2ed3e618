{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Ruby 3.4; for another version use ruby_4_0
    pkgs.ruby_3_4
    pkgs.rubyPackages.ruby-lsp
    pkgs.rubocop
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

    # Ruby
    export GEM_HOME="$project_root/.gem"
    export PATH="$GEM_HOME/bin:$PATH"
  '';
}
