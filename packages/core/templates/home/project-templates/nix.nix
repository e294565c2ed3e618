{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Nix
    pkgs.nixd
    pkgs.nil
    pkgs.nixfmt
    pkgs.statix
    pkgs.deadnix
  ];
}
