{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # PureScript
    pkgs.purescript
    pkgs.spago-legacy
    pkgs.esbuild
    pkgs.nodejs
  ];
}
