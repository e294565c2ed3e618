{
  pkgs,
  lib,
  nixhome,
  ...
}:
let
  # nixhome.json's "docker" (a host may say false: it already runs Docker).
  enable = nixhome.docker or true;
  socket = "unix://$XDG_RUNTIME_DIR/docker.sock";
  # rootlesskit and slirp4netns from nixpkgs; newuidmap/newgidmap must be the host's
  # setuid programs (Debian/Ubuntu package uidmap; /run/wrappers on NixOS).
  daemonPath = lib.makeBinPath [
    pkgs.rootlesskit
    pkgs.slirp4netns
  ];
  inherit (pkgs.stdenv.hostPlatform) isLinux isDarwin;
in
{
  # The docker CLI (with its compose plugin) and docker-compose.
  home.packages = lib.optionals enable (
    with pkgs;
    [
      docker
      docker-compose
    ]
  );

  # Linux: the rootless daemon as a user service, as NixOS'
  # virtualisation.docker.rootless runs it. `loginctl enable-linger $USER` keeps
  # it running without a login.
  systemd.user = lib.mkIf (enable && isLinux) {
    services.docker = {
      Unit = {
        Description = "Docker Application Container Engine (rootless)";
        # Rootless Docker refuses to run as root.
        ConditionUser = "!root";
        StartLimitIntervalSec = 60;
        StartLimitBurst = 3;
      };
      Service = {
        Type = "notify";
        # nixpkgs' wrapper of moby's dockerd-rootless.sh.
        ExecStart = "${pkgs.docker}/bin/dockerd-rootless";
        Environment = [ "PATH=${daemonPath}:/run/wrappers/bin:/usr/bin:/bin" ];
        Delegate = true;
        NotifyAccess = "all";
        KillMode = "mixed";
        Restart = "always";
        RestartSec = 2;
        TimeoutSec = 0;
        LimitNOFILE = "infinity";
        LimitNPROC = "infinity";
        LimitCORE = "infinity";
      };
      Install.WantedBy = [ "default.target" ];
    };

    # For programs systemd starts, too.
    sessionVariables.DOCKER_HOST = socket;
    # The switch starts and restarts the daemon (Home Manager's default; relied on here).
    startServices = lib.mkDefault "sd-switch";
  };
  # Every shell (and `docker compose`) talks to that daemon.
  home.sessionVariables.DOCKER_HOST = lib.mkIf (enable && isLinux) socket;

  # macOS: Colima, a small Linux VM serving the Docker API.
  services.colima = lib.mkIf (enable && isDarwin) {
    enable = true;
    # Started by a launchd agent at login; the docker CLI's context and
    # DOCKER_HOST point at it, whatever home.stateVersion says.
    profiles.default = {
      isActive = true;
      isService = true;
      setDockerHost = true;
    };
  };
}
