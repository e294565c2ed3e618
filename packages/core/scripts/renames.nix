# Every rename, removal and change Home Manager's own modules declare, found
# by evaluating them: nixpkgs lib's mkRenamedOptionModule & co. are replaced
# by versions that declare the same hidden option with a description that
# records their arguments (so lib.hm.deprecations.mkSettingsRenamedOptionModules
# and any helper built on them are covered too), then the whole option tree is
# walked, submodules included; a declaration inside a submodule is relative to
# the submodule's location (`loc`), and is made absolute here.
# Run by gen-renames.mjs: nix-instantiate --eval --strict --json renames.nix
#   --arg hmSrc <Home Manager checkout> --arg stubPath <hm-eval stub with lib>
{ hmSrc, stubPath }:
let
  lib0 = import (stubPath + "/lib");
  record =
    kind: attrs:
    lib0.mkOption {
      visible = false;
      description = "NIXHOME-DOCTOR:" + builtins.toJSON ({ inherit kind; } // attrs);
    };
  shims = self: super: {
    mkRenamedOptionModule = from: to: {
      options = super.setAttrByPath from (record "renamed" { inherit from to; });
    };
    mkRenamedOptionModuleWith = { from, to, ... }: self.mkRenamedOptionModule from to;
    mkRemovedOptionModule = from: message: {
      options = super.setAttrByPath from (record "removed" { inherit from message; });
    };
    mkChangedOptionModule = from: to: _: {
      options = super.setAttrByPath from (record "changed" { inherit from to; });
    };
    mkMergedOptionModule = froms: to: _: {
      options = super.foldl' super.recursiveUpdate { } (
        map (from: super.setAttrByPath from (record "merged" { inherit from to; })) froms
      );
    };
  };
  lib1 = lib0.extend shims;
  lib = import (hmSrc + "/modules/lib/stdlib-extended.nix") lib1;
  pkgs = import stubPath { };
  hmModules = import (hmSrc + "/modules/modules.nix") {
    inherit pkgs lib;
    check = false;
    useNixpkgsModule = false;
  };
  raw = lib.evalModules {
    modules = [
      {
        home.username = "u";
        home.homeDirectory = "/home/u";
        home.stateVersion = "26.05";
      }
    ]
    ++ hmModules;
    class = "homeManager";
    specialArgs.modulesPath = toString (hmSrc + "/modules");
  };
  try =
    x: d:
    let
      r = builtins.tryEval x;
    in
    if r.success then r.value else d;
  decode =
    v:
    let
      hidden = try ((v.visible or true) == false) false;
      d = if hidden then try (v.description or "") "" else "";
      m = if builtins.isString d then builtins.match "NIXHOME-DOCTOR:(.*)" d else null;
    in
    if m == null then null else builtins.fromJSON (builtins.head m);
  walk =
    depth: set:
    lib0.concatLists (
      lib0.mapAttrsToList (
        n: v:
        if n == "_module" || n == "_freeformOptions" then
          [ ]
        else if lib0.isOption v then
          let
            loc = try v.loc [ ];
            r = decode v;
            parent = lib0.take (builtins.length loc - builtins.length (r.from or [ ])) loc;
            here =
              if r == null then
                [ ]
              else
                [
                  (
                    r
                    // {
                      from = loc;
                      inherit parent;
                    }
                    // (if r ? to then { to = parent ++ r.to; } else { })
                  )
                ];
            typeName = try (v.type.name or "") "";
            wraps = builtins.elem typeName [
              "submodule"
              "attrsOf"
              "lazyAttrsOf"
              "listOf"
              "nullOr"
              "either"
              "oneOf"
              "coercedTo"
            ];
            sub = if wraps then try (v.type.getSubOptions or null) null else null;
          in
          here
          ++ (
            if r == null && sub != null && depth < 8 then
              (
                let
                  s = builtins.tryEval (sub (try v.loc [ ]));
                in
                if s.success then walk (depth + 1) s.value else [ ]
              )
            else
              [ ]
          )
        else if builtins.isAttrs v && !(v ? _type) then
          walk depth v
        else
          [ ]
      ) set
    );
in
walk 0 raw.options
