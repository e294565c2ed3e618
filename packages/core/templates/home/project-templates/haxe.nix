{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Haxe
    pkgs.haxe
    pkgs.neko
  ];
}
