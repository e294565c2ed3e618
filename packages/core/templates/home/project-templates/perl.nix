{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Perl
    pkgs.perl
    pkgs.perlPackages.Appcpanminus
    pkgs.perlnavigator
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

    # Perl
    export PERL_CPANM_OPT="--local-lib-contained=$project_root/local"
    export PERL5LIB="$project_root/local/lib/perl5:$PERL5LIB"
    export PATH="$project_root/local/bin:$PATH"
  '';
}
