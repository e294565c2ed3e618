{
  pkgs,
  lib,
  nixhome,
  ...
}:
let
  # nixhome.json's "codeServer", host fields over top-level ones. The password is in
  # ~/.config/code-server/config.yaml, which code-server writes on its first start;
  # reach it with `ssh -L 8080:127.0.0.1:8080 <host>`, then http://localhost:8080.
  settings = {
    enable = true;
    bind = "127.0.0.1";
    port = 8080;
  }
  // nixhome.codeServer or { };
  # nixpkgs builds code-server for x86_64-linux, aarch64-linux and x86_64-darwin;
  # on aarch64-darwin there is no package, so no service either.
  enable = settings.enable && lib.meta.availableOn pkgs.stdenv.hostPlatform pkgs.code-server;
  address = "${settings.bind}:${toString settings.port}";
  # The address reaches code-server's command line: anything else is refused below,
  # even when nixhome.json was edited by hand.
  validAddress =
    builtins.match "[0-9]{1,3}([.][0-9]{1,3}){3}|localhost" (toString settings.bind) != null
    && builtins.isInt settings.port
    && builtins.lessThan 0 settings.port
    && builtins.lessThan settings.port 65536;
  inherit (pkgs.stdenv.hostPlatform) isLinux isDarwin;
in
{
  home.packages = lib.optionals enable [ pkgs.code-server ];

  assertions = [
    {
      assertion = !enable || validAddress;
      message = "nixhome.json: codeServer.bind must be an IPv4 address or \"localhost\", codeServer.port a number from 1 to 65535";
    }
  ];

  systemd.user.services.code-server = lib.mkIf (enable && isLinux) {
    Unit.Description = "code-server: VS Code in the browser";
    Service = {
      ExecStart = "${lib.getExe pkgs.code-server} --bind-addr ${address}";
      Restart = "on-failure";
    };
    Install.WantedBy = [ "default.target" ];
  };

  launchd.agents.code-server = lib.mkIf (enable && isDarwin) {
    enable = true;
    config = {
      ProgramArguments = [
        (lib.getExe pkgs.code-server)
        "--bind-addr"
        address
      ];
      RunAtLoad = true;
      KeepAlive = true;
    };
  };
}
