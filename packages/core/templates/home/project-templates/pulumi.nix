{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Pulumi
    pkgs.pulumi-bin
  ];

  # Environment variables of the shell.
  PULUMI_SKIP_UPDATE_CHECK = "true";
}
