{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # PlatformIO
    pkgs.platformio
  ];

  # Runs each time you enter the shell.
  shellHook = ''
    # PlatformIO
    export PLATFORMIO_CORE_DIR="$PWD/.platformio"
  '';
}
