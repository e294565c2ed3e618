{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # PHP 8.4; for another version use php83, php85
    pkgs.php84
    pkgs.phpPackages.composer
    pkgs.phpactor
    pkgs.phpPackages.phpstan
  ];
}
