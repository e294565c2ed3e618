{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Protocol Buffers
    pkgs.protobuf
    pkgs.buf
    pkgs.protols
    pkgs.grpcurl
  ];
}
