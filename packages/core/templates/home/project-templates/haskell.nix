{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Haskell
    pkgs.ghc
    pkgs.cabal-install
    pkgs.haskell-language-server
  ];
}
