{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Swift
    pkgs.swift
    pkgs.swiftpm
    pkgs.swiftPackages.sourcekit-lsp
    pkgs.swiftPackages.swift-format
  ];
}
