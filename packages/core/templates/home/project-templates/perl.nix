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
    # Perl
    export PERL_CPANM_OPT="--local-lib-contained=$PWD/local"
    export PERL5LIB="$PWD/local/lib/perl5:$PERL5LIB"
    export PATH="$PWD/local/bin:$PATH"
  '';
}
