{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Node.js 24; for another version use nodejs_22, nodejs_26
    pkgs.nodejs_24
    pkgs.pnpm
    pkgs.typescript
    pkgs.typescript-language-server
  ];

  # Runs each time you enter the shell.
  shellHook = ''
    # Node.js
    export PATH="$PWD/node_modules/.bin:$PATH"
  '';
}
