{
  config,
  pkgs,
  lib,
  nixhome,
  ...
}:
let
  fishWithoutMan = nixhome.shell == "fish" && config.programs.man.package == null;
in
{
  # Tools every machine gets. Scalars in this layer use lib.mkDefault, so any layer
  # above wins; lists merge with theirs. The services (Docker, code-server) are
  # switched per host in nixhome.json ("docker", "codeServer"), not here.
  imports = [
    ../services/docker.nix
    ../services/code-server.nix
  ];

  # Linux that is not NixOS: XDG data dirs, desktop entries and session variables
  # for the distribution (a NixOS host sets it to false with lib.mkForce).
  targets.genericLinux.enable = lib.mkIf pkgs.stdenv.hostPlatform.isLinux (lib.mkDefault true);

  programs.git.enable = lib.mkDefault true;

  # The interactive shell: "shell" in nixhome.json (zsh, bash or fish). Make it
  # your login shell with chsh (see README.md).
  programs.zsh.enable = lib.mkDefault (nixhome.shell == "zsh");
  programs.bash.enable = lib.mkDefault (nixhome.shell == "bash");
  programs.fish.enable = lib.mkDefault (nixhome.shell == "fish");
  home.shellAliases = {
    ll = lib.mkDefault "ls -la";
    ".." = lib.mkDefault "cd ..";
  };

  # The fish module turns on man caches; without a man package (macOS, stateVersion
  # 26.05+: the system's man) they have nothing to index. Priority 900 beats that
  # module's mkDefault and still yields to any layer above.
  programs.man.generateCaches = lib.mkIf fishWithoutMan (lib.mkOverride 900 false);

  # Per-project environments: `use flake` in an .envrc.
  programs.direnv = {
    enable = lib.mkDefault true;
    nix-direnv.enable = lib.mkDefault true;
  };

  # Let Home Manager install and manage itself.
  programs.home-manager.enable = lib.mkDefault true;
}
