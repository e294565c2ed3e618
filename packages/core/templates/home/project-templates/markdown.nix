{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Markdown
    pkgs.marksman
    pkgs.markdownlint-cli2
  ];
}
