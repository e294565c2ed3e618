{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Scala
    pkgs.scala_3
    pkgs.sbt
    pkgs.scala-cli
    pkgs.metals
    pkgs.scalafmt
  ];
}
