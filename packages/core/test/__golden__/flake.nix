{
  description = "A dev shell";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";

  outputs =
    inputs@{ self, nixpkgs, ... }:
    let
      systems = [
        "x86_64-linux"
        "aarch64-linux"
        "aarch64-darwin"
      ];
      forEachSystem = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
    in
    {
      devShells = forEachSystem (pkgs: {
        default = pkgs.mkShell {
          packages = with pkgs; [
            python313
            uv
            ruff
          ];
          env.UV_PYTHON_DOWNLOADS = "never";
          shellHook = ''
            if [ ! -d .venv ]; then
              uv venv --quiet
            fi
            source .venv/bin/activate
          '';
        };
      });
      formatter = forEachSystem (pkgs: pkgs.nixfmt);
      checks = { } // {
        x = 1;
      };
      extra = [ 1 ] ++ [ (-2) ] ++ builtins.attrNames { };
    };
}
