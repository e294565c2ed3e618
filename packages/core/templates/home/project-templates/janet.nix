{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Janet
    pkgs.janet
    pkgs.jpm
  ];

  # Runs each time you enter the shell.
  shellHook = ''
    # Janet
    export PATH="$PWD/jpm_tree/bin:$PATH"
  '';
}
