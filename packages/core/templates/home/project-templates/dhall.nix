{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Dhall
    pkgs.dhall
    pkgs.haskellPackages.dhall-lsp-server
    pkgs.haskellPackages.dhall-json
  ];
}
