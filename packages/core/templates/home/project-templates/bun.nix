{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Bun
    pkgs.bun
    pkgs.typescript-language-server
    pkgs.biome
  ];

  # Runs each time you enter the shell.
  shellHook = ''
    # Bun
    export PATH="$PWD/node_modules/.bin:$PATH"
  '';
}
