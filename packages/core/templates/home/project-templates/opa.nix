{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Open Policy Agent
    pkgs.open-policy-agent
    pkgs.conftest
    pkgs.regal
  ];
}
