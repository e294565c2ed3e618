{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Zig 0.16; for another version use zig_0_15
    pkgs.zig_0_16
    pkgs.zls
  ];
}
