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
    # Ruby
    export GEM_HOME="$PWD/.gem"
    export PATH="$GEM_HOME/bin:$PATH"
  '';
}
