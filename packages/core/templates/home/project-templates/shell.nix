{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Shell
    pkgs.shellcheck
    pkgs.shfmt
    pkgs.bash-language-server
  ];
}
