{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # LaTeX medium; for another version use texliveSmall, texliveFull
    pkgs.texliveMedium
    pkgs.texlab
    pkgs.tex-fmt
  ];
}
