{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Java 21; for another version use jdk17, jdk25
    pkgs.jdk21
    pkgs.maven
    pkgs.gradle
    pkgs.jdt-language-server
    pkgs.google-java-format
  ];
}
