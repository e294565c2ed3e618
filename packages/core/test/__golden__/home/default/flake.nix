{
  description = "Home Manager configuration in layers: base, personal, host";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    home-manager = {
      url = "github:nix-community/home-manager";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs =
    {
      nixpkgs,
      home-manager,
      ...
    }:
    let
      inherit (nixpkgs) lib;

      # Everything that varies is data in nixhome.json: who you are, the layers, the hosts,
      # the project templates. Edit it (or run `npx plop`); this file stays as it is.
      spec = builtins.fromJSON (builtins.readFile ./nixhome.json);
      systems = [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ];

      # nixpkgs for each system. Unfree packages are refused, except those nixhome.json
      # lists in allowUnfree, by exact name.
      pkgsFor = lib.genAttrs systems (
        system:
        import nixpkgs {
          inherit system;
          config.allowUnfreePredicate = pkg: builtins.elem (lib.getName pkg) spec.allowUnfree;
        }
      );
      forEachSystem = f: lib.genAttrs systems (system: f pkgsFor.${system});

      # Configurations by name: "<user>" stacks the default layers; each host adds
      # "<user>@<host>", the name `home-manager switch --flake .` looks up first.
      entry =
        host:
        let
          h = if host == null then { } else spec.hosts.${host};
          username = h.username or spec.user.username;
        in
        {
          name = if host == null then username else "${username}@${host}";
          value = {
            inherit host username;
            system = h.system or spec.system;
            layers = h.layers or spec.layers;
            homeDirectory = h.homeDirectory or spec.user.homeDirectory;
            docker = h.docker or spec.docker or true;
            codeServer = spec.codeServer or { } // h.codeServer or { };
          };
        };
      configs = builtins.listToAttrs (map entry ([ null ] ++ builtins.attrNames spec.hosts));

      # home.nix, then each layer in order, then the host file: a later module's scalar
      # wins (see README.md); lists and attribute sets merge.
      mkHome =
        c:
        home-manager.lib.homeManagerConfiguration {
          pkgs = pkgsFor.${c.system};
          modules =
            [ ./home.nix ]
            ++ map (layer: ./profiles + "/${layer}.nix") c.layers
            ++ lib.optional (c.host != null) (./hosts + "/${c.host}.nix");
          extraSpecialArgs.nixhome = {
            inherit (c) username homeDirectory host docker codeServer;
            inherit (spec) stateVersion;
          };
        };
      homeConfigurations = lib.mapAttrs (_: mkHome) configs;
    in
    {
      inherit homeConfigurations;

      # Project templates: `nix develop <this repo>#<lang>`, on this repo's nixpkgs pin.
      devShells = forEachSystem (
        pkgs:
        lib.genAttrs spec.templates (
          lang: import (./profiles/project-templates + "/${lang}.nix") { inherit pkgs; }
        )
      );

      formatter = forEachSystem (pkgs: pkgs.nixfmt);

      # `nix flake check` builds every configuration of the system it runs on.
      checks = lib.genAttrs systems (
        system:
        lib.mapAttrs (_: home: home.activationPackage) (
          lib.filterAttrs (name: _: configs.${name}.system == system) homeConfigurations
        )
      );
    };
}
