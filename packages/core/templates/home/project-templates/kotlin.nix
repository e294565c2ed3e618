{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Kotlin
    pkgs.kotlin
    pkgs.gradle
    pkgs.kotlin-language-server
    pkgs.ktlint
  ];
}
