{ pkgs }:
pkgs.mkShell {
  # Add packages here (names: https://search.nixos.org/packages).
  packages = [
    # Jupyter
    pkgs.python3
    pkgs.python3Packages.jupyterlab
    pkgs.python3Packages.ipykernel
    pkgs.python3Packages.pandas
    pkgs.python3Packages.matplotlib
  ];
}
