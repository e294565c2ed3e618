/**
 * The user services of the base layer, one module file each under services/:
 * Docker (rootless dockerd on Linux, Colima on macOS) and code-server. Both read
 * their settings from the `nixhome` module argument (nixhome.json's top-level
 * `docker` / `codeServer` with the host's fields laid over), so a host turns a
 * service off in nixhome.json, never by editing a .nix file. See ADR
 * docs/decisions/0012-services-user-daemons.md.
 */
import type { NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import { moduleFn } from "./module.js";
import { DEFAULT_CODE_SERVER } from "./spec.js";

/** Where the rootless daemon listens (and what DOCKER_HOST says), expanded by the shell. */
export const DOCKER_SOCKET = "unix://$XDG_RUNTIME_DIR/docker.sock";
/** What the Linux docker unit needs besides pkgs.docker's own dockerd-rootless wrapper. */
export const ROOTLESS_PACKAGES = ["rootlesskit", "slirp4netns"] as const;
/**
 * Host directories kept on the unit's PATH: newuidmap/newgidmap must be the
 * host's setuid programs (Debian/Ubuntu package uidmap; /run/wrappers on NixOS).
 */
export const HOST_PATH = "/run/wrappers/bin:/usr/bin:/bin";

/** What services/code-server.nix accepts as a bind address (the same rule as checkBindAddress, without the octet range). */
export const BIND_REGEX = "[0-9]{1,3}([.][0-9]{1,3}){3}|localhost";

/** A service module file: its path in the repository and its expression. */
export interface ServiceFile {
  path: string;
  expr: NixExpr;
}

const platform = n.inherit(["isLinux", "isDarwin"], n.ref("pkgs.stdenv.hostPlatform"));

/** services/docker.nix */
export function dockerModule(): NixExpr {
  const linux = n.op("&&", n.id("enable"), n.id("isLinux"));
  const unit = n.attrs([
    n.bind(
      "Unit",
      n.attrs([
        n.bind("Description", "Docker Application Container Engine (rootless)"),
        n.bind("ConditionUser", "!root", { comment: "Rootless Docker refuses to run as root." }),
        n.bind("StartLimitIntervalSec", 60),
        n.bind("StartLimitBurst", 3),
      ]),
    ),
    n.bind(
      "Service",
      n.attrs([
        n.bind("Type", "notify"),
        n.bind("ExecStart", n.interp`${n.ref("pkgs.docker")}/bin/dockerd-rootless`, {
          comment: "nixpkgs' wrapper of moby's dockerd-rootless.sh.",
        }),
        n.bind(
          "Environment",
          n.list([n.interp`PATH=${n.id("daemonPath")}:/run/wrappers/bin:/usr/bin:/bin`]),
        ),
        n.bind("Delegate", true),
        n.bind("NotifyAccess", "all"),
        n.bind("KillMode", "mixed"),
        n.bind("Restart", "always"),
        n.bind("RestartSec", 2),
        n.bind("TimeoutSec", 0),
        n.bind("LimitNOFILE", "infinity"),
        n.bind("LimitNPROC", "infinity"),
        n.bind("LimitCORE", "infinity"),
      ]),
    ),
    n.bind("Install.WantedBy", n.list(["default.target"])),
  ]);
  return moduleFn(
    [
      n.bind(
        "home.packages",
        n.call(
          "lib.optionals",
          n.id("enable"),
          n.with("pkgs", n.list([n.ref("docker"), n.ref("docker-compose")])),
        ),
        {
          comment: "The docker CLI (with its compose plugin) and docker-compose.",
        },
      ),
      n.bind(
        "systemd.user",
        n.call(
          "lib.mkIf",
          linux,
          n.attrs([
            n.bind("services.docker", unit),
            n.bind("sessionVariables.DOCKER_HOST", n.id("socket"), {
              gap: true,
              comment: "For programs systemd starts, too.",
            }),
            n.bind("startServices", n.call("lib.mkDefault", "sd-switch"), {
              comment:
                "The switch starts and restarts the daemon (Home Manager's default; relied on here).",
            }),
          ]),
        ),
        {
          gap: true,
          comment:
            "Linux: the rootless daemon as a user service, as NixOS'\nvirtualisation.docker.rootless runs it. `loginctl enable-linger $USER` keeps\nit running without a login.",
        },
      ),
      n.bind("home.sessionVariables.DOCKER_HOST", n.call("lib.mkIf", linux, n.id("socket")), {
        comment: "Every shell (and `docker compose`) talks to that daemon.",
      }),
      n.bind(
        "services.colima",
        n.call(
          "lib.mkIf",
          n.op("&&", n.id("enable"), n.id("isDarwin")),
          n.attrs([
            n.bind("enable", true),
            n.bind(
              "profiles.default",
              n.attrs([
                n.bind("isActive", true),
                n.bind("isService", true),
                n.bind("setDockerHost", true),
              ]),
              {
                comment:
                  "Started by a launchd agent at login; the docker CLI's context and\nDOCKER_HOST point at it, whatever home.stateVersion says.",
              },
            ),
          ]),
        ),
        {
          gap: true,
          comment: "macOS: Colima, a small Linux VM serving the Docker API.",
        },
      ),
    ],
    {
      let: [
        n.bind("enable", n.select(n.id("nixhome"), "docker", true), {
          comment: 'nixhome.json\'s "docker" (a host may say false: it already runs Docker).',
        }),
        n.bind("socket", DOCKER_SOCKET),
        n.bind(
          "daemonPath",
          n.call("lib.makeBinPath", n.list(ROOTLESS_PACKAGES.map((p) => n.ref(`pkgs.${p}`)))),
          {
            comment:
              "rootlesskit and slirp4netns from nixpkgs; newuidmap/newgidmap must be the host's\nsetuid programs (Debian/Ubuntu package uidmap; /run/wrappers on NixOS).",
          },
        ),
        platform,
      ],
    },
  );
}

/** services/code-server.nix */
export function codeServerModule(): NixExpr {
  const on = (platformName: string) => n.op("&&", n.id("enable"), n.id(platformName));
  const exe = n.call("lib.getExe", n.ref("pkgs.code-server"));
  return moduleFn(
    [
      n.bind(
        "home.packages",
        n.call("lib.optionals", n.id("enable"), n.list([n.ref("pkgs.code-server")])),
      ),
      n.bind(
        "assertions",
        n.list([
          n.attrs([
            n.bind("assertion", n.op("||", n.not(n.id("enable")), n.id("validAddress"))),
            n.bind(
              "message",
              'nixhome.json: codeServer.bind must be an IPv4 address or "localhost", codeServer.port a number from 1 to 65535',
            ),
          ]),
        ]),
        { gap: true },
      ),
      n.bind(
        "systemd.user.services.code-server",
        n.call(
          "lib.mkIf",
          on("isLinux"),
          n.attrs([
            n.bind("Unit.Description", "code-server: VS Code in the browser"),
            n.bind(
              "Service",
              n.attrs([
                n.bind("ExecStart", n.interp`${exe} --bind-addr ${n.id("address")}`),
                n.bind("Restart", "on-failure"),
              ]),
            ),
            n.bind("Install.WantedBy", n.list(["default.target"])),
          ]),
        ),
        { gap: true },
      ),
      n.bind(
        "launchd.agents.code-server",
        n.call(
          "lib.mkIf",
          on("isDarwin"),
          n.attrs([
            n.bind("enable", true),
            n.bind(
              "config",
              n.attrs([
                n.bind("ProgramArguments", n.list([exe, "--bind-addr", n.id("address")])),
                n.bind("RunAtLoad", true),
                n.bind("KeepAlive", true),
              ]),
            ),
          ]),
        ),
        { gap: true },
      ),
    ],
    {
      let: [
        n.bind(
          "settings",
          n.op(
            "//",
            n.attrs(
              Object.entries(DEFAULT_CODE_SERVER).map(([k, v]) =>
                n.bind(k, v as string | number | boolean),
              ),
            ),
            n.select(n.id("nixhome"), "codeServer", n.attrs([])),
          ),
          {
            comment:
              'nixhome.json\'s "codeServer", host fields over top-level ones. The password is in\n~/.config/code-server/config.yaml, which code-server writes on its first start;\nreach it with `ssh -L 8080:127.0.0.1:8080 <host>`, then http://localhost:8080.',
          },
        ),
        n.bind(
          "enable",
          n.op(
            "&&",
            n.ref("settings.enable"),
            n.call(
              "lib.meta.availableOn",
              n.ref("pkgs.stdenv.hostPlatform"),
              n.ref("pkgs.code-server"),
            ),
          ),
          {
            comment:
              "nixpkgs builds code-server for x86_64-linux, aarch64-linux and x86_64-darwin;\non aarch64-darwin there is no package, so no service either.",
          },
        ),
        n.bind(
          "address",
          n.interp`${n.ref("settings.bind")}:${n.call("toString", n.ref("settings.port"))}`,
        ),
        n.bind(
          "validAddress",
          [
            n.op(
              "!=",
              n.call("builtins.match", BIND_REGEX, n.call("toString", n.ref("settings.bind"))),
              n.null(),
            ),
            n.call("builtins.isInt", n.ref("settings.port")),
            n.call("builtins.lessThan", 0, n.ref("settings.port")),
            n.call("builtins.lessThan", n.ref("settings.port"), 65536),
          ].reduce((a, b) => n.op("&&", a, b)),
          {
            comment:
              "The address reaches code-server's command line: anything else is refused below,\neven when nixhome.json was edited by hand.",
          },
        ),
        platform,
      ],
    },
  );
}

/** The service module files base.nix imports, in import order. */
export function serviceFiles(): ServiceFile[] {
  return [
    { path: "services/docker.nix", expr: dockerModule() },
    { path: "services/code-server.nix", expr: codeServerModule() },
  ];
}
