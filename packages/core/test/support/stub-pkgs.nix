# A stand-in nixpkgs: `import nixpkgs { system; config; }` gives an attribute
# set whose packages are their own names (those listed), for home-eval.nix.
packages:
{
  system,
  config ? { },
  ...
}:
let
  suffix =
    s: x:
    let
      ls = builtins.stringLength x;
      lx = builtins.stringLength s;
    in
    ls >= lx && builtins.substring (ls - lx) lx x == s;
in
builtins.listToAttrs (
  map (n: {
    name = n;
    value = n;
  }) packages
)
// {
  inherit system config;
  nixfmt = "nixfmt-${system}";
  mkShell = args: "shell";
  stdenv.hostPlatform = {
    inherit system;
    isLinux = suffix "-linux" system;
    isDarwin = suffix "-darwin" system;
  };
}
