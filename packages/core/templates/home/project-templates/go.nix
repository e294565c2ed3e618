{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Go 1.26; for another version use go_1_27
    pkgs.go_1_26
    pkgs.gopls
    pkgs.gotools
    pkgs.golangci-lint
    pkgs.delve
  ];

  # Environment variables of the shell.
  GOTOOLCHAIN = "local";
}
