# A layered Home Manager configuration. Everything that varies is data in
# nixhome.json (who you are, the layers, the hosts, the project templates);
# edit it, or run `npx plop`, and this file stays as it is.
#
# `<user>@<host>` is made of, in this order:
#   ./home.nix                    identity, from nixhome.json
#   ./profiles/<layer>.nix        each layer the host lists ("layers")
#   ./hosts/<host>.nix            what differs on that host
# A later file's scalar wins (base uses lib.mkDefault, hosts lib.mkForce);
# lists and attribute sets merge. `"<user>"` (no host) stacks the top-level
# layers. Every module gets `nixhome` (the resolved settings below) and
# `inputs` (this flake's inputs: add one above and use it in any layer).
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
    { nixpkgs, home-manager, ... }@inputs:
    let
      inherit (nixpkgs) lib;

      spec = builtins.fromJSON (builtins.readFile ./nixhome.json);
      # The settings every configuration starts from: the top level of
      # nixhome.json ("created" only records what create-nix-home was asked).
      settings = removeAttrs spec [
        "$schema"
        "version"
        "hosts"
        "created"
      ];

      isDarwin = lib.hasSuffix "-darwin";
      homeOf =
        username: system:
        if isDarwin system then
          "/Users/${username}"
        else if username == "root" then
          "/root"
        else
          "/home/${username}";
      mainHome = spec.user.homeDirectory or (homeOf spec.user.username spec.system);

      # One configuration's settings: a host's entry laid over the top level,
      # so a host may set its own system, layers, user.email, shell, editor, …
      # Its home follows its own system unless the entry names one.
      resolve =
        host:
        let
          entry = if host == null then { } else spec.hosts.${host};
          s = lib.recursiveUpdate settings entry;
          username = entry.username or spec.user.username;
          sameHome = username == spec.user.username && isDarwin s.system == isDarwin spec.system;
        in
        s
        // {
          inherit host username;
          homeDirectory = entry.homeDirectory or (if sameHome then mainHome else homeOf username s.system);
        };

      # Configurations by name: "<user>", and "<user>@<host>" for each host
      # (the name `home-manager switch --flake .` looks up first).
      configs = lib.listToAttrs (
        map (
          host:
          let
            c = resolve host;
          in
          lib.nameValuePair (if host == null then c.username else "${c.username}@${host}") c
        ) ([ null ] ++ builtins.attrNames (spec.hosts or { }))
      );
      systems = lib.unique (lib.mapAttrsToList (_: c: c.system) configs);

      # nixpkgs for each system. Unfree packages are refused, except those
      # nixhome.json lists in allowUnfree (and VS Code where it is the
      # editor), by exact name.
      unfree =
        spec.allowUnfree or [ ]
        ++ lib.optional (lib.any (c: c.editor or null == "vscode") (lib.attrValues configs)) "vscode";
      pkgsFor = lib.genAttrs systems (
        system:
        import nixpkgs {
          inherit system;
          config.allowUnfreePredicate = pkg: builtins.elem (lib.getName pkg) unfree;
        }
      );
      forEachSystem = f: lib.genAttrs systems (system: f pkgsFor.${system});

      mkHome =
        c:
        home-manager.lib.homeManagerConfiguration {
          pkgs = pkgsFor.${c.system};
          modules = [
            ./home.nix
          ]
          ++ map (layer: ./profiles + "/${layer}.nix") c.layers
          ++ lib.optional (c.host != null) (./hosts + "/${c.host}.nix");
          extraSpecialArgs = {
            inherit inputs;
            nixhome = c;
          };
        };
      homeConfigurations = lib.mapAttrs (_: mkHome) configs;
    in
    {
      inherit homeConfigurations;

      # The Home Manager pinned by flake.lock:
      # `nix run .#home-manager -- switch --flake .`
      packages = lib.genAttrs systems (system: {
        inherit (home-manager.packages.${system}) home-manager;
      });

      # Project templates: `nix develop <this repo>#<lang>`, on this repo's nixpkgs pin.
      devShells = forEachSystem (
        pkgs:
        lib.genAttrs (spec.templates or [ ]) (
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
