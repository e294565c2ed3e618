{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Solidity
    pkgs.solc
    pkgs.foundry
  ];
}
