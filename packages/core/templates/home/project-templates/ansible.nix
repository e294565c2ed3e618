{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Ansible
    pkgs.ansible
    pkgs.ansible-lint
    pkgs.ansible-language-server
    pkgs.yamllint
  ];
}
