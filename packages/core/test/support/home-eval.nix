# Evaluate a generated home repository's flake.nix with stand-ins, offline:
# a small nixpkgs lib (the functions the flake and the layers call), a
# stand-in nixpkgs whose packages are their names, and a stand-in Home
# Manager that calls every module with the flake's extraSpecialArgs and
# merges their definitions by priority (mkDefault 1000, plain 100, mkForce 50,
# mkIf), so a test sees the effective value of each option path.
{
  dir,
  # A folder whose default.nix is `import ./stub-pkgs.nix [ names … ]`.
  nixpkgsDir,
}:
let
  flake = import (dir + "/flake.nix");
  override = priority: content: {
    _type = "override";
    inherit priority content;
  };
  lib = rec {
    mkOverride = override;
    mkDefault = override 1000;
    mkForce = override 50;
    mkIf = condition: content: {
      _type = "if";
      inherit condition content;
    };
    optional = c: x: if c then [ x ] else [ ];
    optionals = c: xs: if c then xs else [ ];
    genAttrs = names: f: builtins.listToAttrs (map (n: nameValuePair n (f n)) names);
    nameValuePair = name: value: { inherit name value; };
    listToAttrs = builtins.listToAttrs;
    hasSuffix =
      suffix: s:
      let
        ls = builtins.stringLength s;
        lx = builtins.stringLength suffix;
      in
      ls >= lx && builtins.substring (ls - lx) lx s == suffix;
    recursiveUpdate =
      a: b:
      a
      // builtins.mapAttrs (
        n: v:
        if builtins.isAttrs v && builtins.isAttrs (a.${n} or null) then recursiveUpdate a.${n} v else v
      ) b;
    unique = builtins.foldl' (acc: x: if builtins.elem x acc then acc else acc ++ [ x ]) [ ];
    mapAttrs = builtins.mapAttrs;
    mapAttrsToList = f: s: map (n: f n s.${n}) (builtins.attrNames s);
    attrValues = builtins.attrValues;
    any = builtins.any;
    getName = p: p.pname or p.name or p;
    # What services/*.nix call; packages here are their names.
    getExe = p: "${p}/bin/${getName p}";
    makeBinPath = ps: builtins.concatStringsSep ":" (map (p: "${p}/bin") ps);
    meta.availableOn = _platform: _pkg: true;
    filterAttrs =
      pred: s:
      builtins.listToAttrs (
        builtins.concatMap (n: if pred n s.${n} then [ (nameValuePair n s.${n}) ] else [ ]) (
          builtins.attrNames s
        )
      );
  };
  nixpkgs = {
    inherit lib;
    outPath = nixpkgsDir;
  };
  # Definitions of one module result, flattened to { path; priority; value; }.
  isSpecial = v: builtins.isAttrs v && v ? _type;
  flatten =
    path: priority: v:
    if isSpecial v && v._type == "if" then
      (if v.condition then flatten path priority v.content else [ ])
    else if isSpecial v && v._type == "override" then
      flatten path v.priority v.content
    else if
      builtins.isAttrs v && path != [ ] && builtins.length path >= 1 && !(v ? outPath) && v != { }
    then
      builtins.concatLists (map (n: flatten (path ++ [ n ]) priority v.${n}) (builtins.attrNames v))
    else if builtins.isAttrs v && path == [ ] then
      builtins.concatLists (map (n: flatten [ n ] priority v.${n}) (builtins.attrNames v))
    else
      [
        {
          path = builtins.concatStringsSep "." path;
          inherit priority;
          value = v;
        }
      ];
  merge =
    defs:
    let
      paths = lib.unique (map (d: d.path) defs);
      at = p: builtins.filter (d: d.path == p) defs;
      best = ds: builtins.foldl' (m: d: if d.priority < m then d.priority else m) 9999 ds;
      value =
        ds:
        let
          top = builtins.filter (d: d.priority == best ds) ds;
          first = (builtins.head top).value;
        in
        if builtins.isList first then
          builtins.concatLists (map (d: d.value) top)
        else
          (lib.unique (map (d: d.value) top));
    in
    builtins.listToAttrs (
      map (
        p:
        let
          v = value (at p);
        in
        lib.nameValuePair p (
          if
            builtins.isList v && builtins.length v == 1 && !(builtins.isList (builtins.head (at p)).value)
          then
            builtins.head v
          else
            v
        )
      ) paths
    );
  home-manager = {
    lib.homeManagerConfiguration =
      {
        pkgs,
        modules,
        extraSpecialArgs,
      }:
      let
        config = {
          programs.man.package = "man";
        };
        args = extraSpecialArgs // {
          inherit pkgs lib config;
        };
        # A module's definitions, then those of the modules it imports.
        defsOf =
          m:
          let
            r = import m args;
          in
          flatten [ ] 100 (removeAttrs r [ "imports" ]) ++ builtins.concatMap defsOf (r.imports or [ ]);
        defs = builtins.concatMap defsOf modules;
      in
      {
        modules = map toString modules;
        inherit (extraSpecialArgs) nixhome;
        inputNames = builtins.attrNames extraSpecialArgs.inputs;
        system = pkgs.system;
        unfree = map (n: pkgs.config.allowUnfreePredicate { pname = n; }) [
          "vscode"
          "terraform"
        ];
        config = merge defs;
        activationPackage = "activate-" + extraSpecialArgs.nixhome.username;
      };
    packages = builtins.listToAttrs (
      map (s: lib.nameValuePair s { home-manager = "home-manager-${s}"; }) [
        "x86_64-linux"
        "aarch64-linux"
        "aarch64-darwin"
        "x86_64-darwin"
      ]
    );
  };
  inputs = {
    self = out;
    inherit nixpkgs home-manager;
  };
  out = flake.outputs inputs;
in
{
  inherit (flake) inputs;
  homes = builtins.mapAttrs (
    _: h: h // { nixhome = removeAttrs h.nixhome [ ]; }
  ) out.homeConfigurations;
  checks = builtins.mapAttrs (_: builtins.attrNames) out.checks;
  devShells = builtins.mapAttrs (_: builtins.attrNames) out.devShells;
  packages = out.packages;
  inherit (out) formatter;
}
