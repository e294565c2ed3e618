{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # HashiCorp / OpenTofu
    pkgs.opentofu
    pkgs.tofu-ls
    pkgs.terraform-ls
    pkgs.tflint
  ];

  # Environment variables of the shell.
  CHECKPOINT_DISABLE = "1";
}
