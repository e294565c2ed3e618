{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # F# 10; for another version use dotnet-sdk_8, dotnet-sdk_9
    pkgs.dotnet-sdk_10
    pkgs.fsautocomplete
    pkgs.fantomas
  ];

  # Environment variables of the shell.
  DOTNET_CLI_TELEMETRY_OPTOUT = "1";
  DOTNET_NOLOGO = "1";
}
