{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Verilog
    pkgs.iverilog
    pkgs.verilator
    pkgs.verible
  ];
}
