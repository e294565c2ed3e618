// The user services of the base layer (services/docker.nix, services/code-server.nix):
// their settings in nixhome.json, their option paths against Home Manager's list, and
// the unit / agent definitions they produce, evaluated by real Nix. There is no Home
// Manager here (CI is offline): a stand-in nixpkgs (fake packages with real names and,
// for code-server, nixpkgs' platform list), a stand-in `lib` with the few functions the
// modules call, and a miniature module merge (mkIf dropped or kept, lists
// concatenated, `imports` followed). The flake itself resolves nixhome.json into the
// `nixhome` argument, so a host's override is tested from the JSON to the unit.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkBindAddress,
  checkPort,
  collectOptionPaths,
  DEFAULT_CODE_SERVER,
  type HmOption,
  homeConfigurations,
  indexOptions,
  moduleFromText,
  optionProblems,
  parseHomeSpec,
  renderHome,
  renderSpecJson,
  SERVICE_FILES,
} from "../src/index.js";
import { describeNix, nixEvalJson } from "./support/nix.js";

const options = indexOptions(
  (
    JSON.parse(
      readFileSync(
        new URL("../../../../shared/home-manager/options.json", import.meta.url),
        "utf8",
      ),
    ) as { options: HmOption[] }
  ).options,
);

const SPEC = {
  version: 1,
  user: { name: "Big Boss", email: "bigboss@metalrodeo.xyz", username: "bigboss" },
  system: "x86_64-linux",
  // 26.05: the channel that still has x86_64-darwin (where code-server builds on a Mac).
  channel: "26.05",
  hosts: {
    laptop: { system: "aarch64-darwin" },
    "intel-mac": { system: "x86_64-darwin" },
    "work-server": { docker: false, codeServer: { bind: "0.0.0.0", port: 9090 } },
    "cloud-instance": { codeServer: { enable: false } },
    "arm-box": { system: "aarch64-linux" },
  },
  templates: [],
};

describe("docker and codeServer in nixhome.json", () => {
  it("default to a daemon and code-server on 127.0.0.1:8080, written explicitly", () => {
    const spec = parseHomeSpec({ ...SPEC, hosts: {} });
    expect(spec.docker).toBe(true);
    expect(spec.codeServer).toEqual({ enable: true, bind: "127.0.0.1", port: 8080 });
    const json = JSON.parse(renderSpecJson(spec));
    expect(json.docker).toBe(true);
    expect(json.codeServer).toEqual({ enable: true, bind: "127.0.0.1", port: 8080 });
  });

  it("keep a host's own fields only, and lay them over the top level", () => {
    const spec = parseHomeSpec({ ...SPEC, codeServer: { port: 8443 } });
    expect(spec.hosts["work-server"]).toMatchObject({
      docker: false,
      codeServer: { bind: "0.0.0.0", port: 9090 },
    });
    expect(spec.hosts.laptop?.docker).toBeUndefined();
    expect(spec.hosts.laptop?.codeServer).toBeUndefined();
    const json = JSON.parse(renderSpecJson(spec));
    expect(json.hosts["cloud-instance"]).toEqual({
      system: "x86_64-linux",
      layers: ["base", "personal"],
      codeServer: { enable: false },
    });
    expect(parseHomeSpec(renderSpecJson(spec))).toEqual(spec);
    const byName = Object.fromEntries(homeConfigurations(spec).map((c) => [c.name, c]));
    expect(byName.bigboss?.codeServer).toEqual({ enable: true, bind: "127.0.0.1", port: 8443 });
    expect(byName["bigboss@work-server"]).toMatchObject({
      docker: false,
      codeServer: { enable: true, bind: "0.0.0.0", port: 9090 },
    });
    expect(byName["bigboss@cloud-instance"]?.codeServer).toEqual({
      enable: false,
      bind: "127.0.0.1",
      port: 8443,
    });
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ["docker not a boolean", { docker: "yes" }, /^nixhome\.json: docker: expected true or false$/],
    [
      "unknown codeServer field",
      { codeServer: { prot: 1 } },
      /codeServer: unknown field "prot"; did you mean port\?/,
    ],
    [
      "bind with a space",
      { codeServer: { bind: "127.0.0.1 --auth none" } },
      /codeServer\.bind: "127\.0\.0\.1 --auth none" is not a bind address/,
    ],
    ["bind octet", { codeServer: { bind: "256.0.0.1" } }, /is not a bind address/],
    ["port 0", { codeServer: { port: 0 } }, /codeServer\.port: 0 is not a port/],
    ["port text", { codeServer: { port: "8080" } }, /codeServer\.port: "8080" is not a port/],
    ["port fraction", { codeServer: { port: 80.5 } }, /is not a port/],
    [
      "host docker",
      { hosts: { a: { docker: 1 } } },
      /^nixhome\.json: hosts\.a\.docker: expected true or false$/,
    ],
    [
      "host codeServer",
      { hosts: { a: { codeServer: { enable: "no" } } } },
      /hosts\.a\.codeServer\.enable: expected true or false$/,
    ],
  ];
  for (const [label, patch, message] of bad)
    it(`refuses ${label} with one line`, () => {
      expect(() => parseHomeSpec({ ...SPEC, hosts: {}, ...(patch as object) })).toThrow(message);
      try {
        parseHomeSpec({ ...SPEC, hosts: {}, ...(patch as object) });
      } catch (e) {
        expect((e as Error).message).not.toContain("\n");
      }
    });

  it("accepts what code-server can bind", () => {
    for (const ok of ["127.0.0.1", "0.0.0.0", "10.1.2.3", "localhost"])
      expect(checkBindAddress(ok)).toBeUndefined();
    for (const ok of [1, 8080, 65535]) expect(checkPort(ok)).toBeUndefined();
  });
});

/** A service module as core's Nix parser reads its template file. */
const service = (path: string) =>
  moduleFromText(SERVICE_FILES.find((f) => f.path === path)?.text as string);
const dockerModule = () => service("services/docker.nix");
const codeServerModule = () => service("services/code-server.nix");
const DOCKER_SOCKET = "unix://$XDG_RUNTIME_DIR/docker.sock";
/** The host's setuid newuidmap/newgidmap stay on the unit's PATH. */
const HOST_PATH = "/run/wrappers/bin:/usr/bin:/bin";

describe("the service modules, read from their template files", () => {
  it("define only current, visible Home Manager options", () => {
    expect(optionProblems(dockerModule(), options)).toEqual([]);
    expect(optionProblems(codeServerModule(), options)).toEqual([]);
  });

  it("code-server's defaults are the spec's (DEFAULT_CODE_SERVER)", () => {
    // let settings = { bind = …; enable = …; port = …; } // (nixhome.codeServer or { });
    const e = codeServerModule();
    const body = e.kind === "lambda" ? e.body : e;
    const settings =
      body.kind === "let"
        ? body.bindings.find((b) => b.kind === "bind" && b.path[0] === "settings")
        : undefined;
    const value = settings?.kind === "bind" ? settings.value : undefined;
    const defaults =
      value?.kind === "binary" && value.left.kind === "attrs" ? value.left : undefined;
    const read = Object.fromEntries(
      (defaults?.bindings ?? []).map((b) => {
        const v = b.kind === "bind" ? b.value : undefined;
        const x =
          v?.kind === "string"
            ? v.parts.join("")
            : v?.kind === "int"
              ? Number(v.value)
              : v?.kind === "bool"
                ? v.value
                : undefined;
        return [b.kind === "bind" ? b.path.join(".") : "", x];
      }),
    );
    expect(read).toEqual({ ...DEFAULT_CODE_SERVER });
  });

  it("reach the options through lib.mkIf (so the check above sees them)", () => {
    const paths = (e: Parameters<typeof collectOptionPaths>[0]) =>
      collectOptionPaths(e).map((p) => p.join("."));
    expect(paths(dockerModule())).toEqual(
      expect.arrayContaining([
        "systemd.user.services.docker.Service.ExecStart",
        "systemd.user.services.docker.Service.Environment",
        "systemd.user.sessionVariables.DOCKER_HOST",
        "systemd.user.startServices",
        "home.sessionVariables.DOCKER_HOST",
        "services.colima.enable",
        "services.colima.profiles.default.setDockerHost",
      ]),
    );
    expect(paths(codeServerModule())).toEqual(
      expect.arrayContaining([
        "systemd.user.services.code-server.Service.ExecStart",
        "launchd.agents.code-server.config.ProgramArguments",
      ]),
    );
  });
});

// ---- evaluated by Nix ----

/** nixpkgs for one system: fake packages; code-server carries nixpkgs' platform list. */
const MOCK_NIXPKGS = `{ system, config ? { }, ... }:
let
  pkg = name: meta: {
    inherit name;
    pname = name;
    outPath = "/nix/store/00000000000000000000000000000000-\${name}";
    meta = { mainProgram = name; } // meta;
  };
in
{
  inherit system config;
  stdenv.hostPlatform = {
    inherit system;
    isLinux = builtins.match ".*-linux" system != null;
    isDarwin = builtins.match ".*-darwin" system != null;
  };
  docker = pkg "docker" { };
  docker-compose = pkg "docker-compose" { };
  rootlesskit = pkg "rootlesskit" { };
  slirp4netns = pkg "slirp4netns" { };
  # pkgs/by-name/co/code-server/package.nix
  code-server = pkg "code-server" { platforms = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" ]; };
  nixfmt = pkg "nixfmt" { };
}
`;

/** lib as far as flake.nix and the base layer use it, and a tiny module merge. */
const STAND_IN = `
  lib = rec {
    genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
    getName = p: p.pname;
    optional = c: x: if c then [ x ] else [ ];
    optionals = c: xs: if c then xs else [ ];
    mapAttrs = builtins.mapAttrs;
    filterAttrs = pred: set: builtins.listToAttrs (builtins.concatMap
      (n: if pred n set.\${n} then [ { name = n; value = set.\${n}; } ] else [ ])
      (builtins.attrNames set));
    mkIf = condition: content: { _type = "if"; inherit condition content; };
    mkOverride = priority: content: { _type = "override"; inherit priority content; };
    mkDefault = mkOverride 1000;
    mkForce = mkOverride 50;
    getExe = p: "\${p}/bin/\${p.meta.mainProgram}";
    makeBinPath = ps: builtins.concatStringsSep ":" (map (p: "\${p}/bin") ps);
    meta.availableOn = platform: p:
      !(p.meta ? platforms) || builtins.elem platform.system p.meta.platforms;
    # What flake.nix itself calls.
    nameValuePair = name: value: { inherit name value; };
    listToAttrs = builtins.listToAttrs;
    attrValues = builtins.attrValues;
    any = builtins.any;
    unique = builtins.foldl' (acc: x: if builtins.elem x acc then acc else acc ++ [ x ]) [ ];
    mapAttrsToList = f: s: map (n: f n s.\${n}) (builtins.attrNames s);
    hasSuffix = suffix: s:
      let ls = builtins.stringLength s; lx = builtins.stringLength suffix; in
      ls >= lx && builtins.substring (ls - lx) lx s == suffix;
    recursiveUpdate = a: b: a // builtins.mapAttrs (n: v:
      if builtins.isAttrs v && builtins.isAttrs (a.\${n} or null) then recursiveUpdate a.\${n} v else v) b;
  };
  none = { _type = "none"; };
  # mkIf false → nothing; priorities → the value; packages → their names.
  resolve = v:
    if builtins.isAttrs v then
      if (v._type or "") == "if" then (if v.condition then resolve v.content else none)
      else if (v._type or "") == "override" then resolve v.content
      else if v ? outPath then v.name
      else
        let r = lib.filterAttrs (_: x: x != none) (builtins.mapAttrs (_: resolve) v); in
        if r == { } && v != { } then none else r
    else if builtins.isList v then map resolve v
    else v;
  merge = a: b:
    if builtins.isAttrs a && builtins.isAttrs b then
      a // builtins.mapAttrs (n: v: if a ? \${n} then merge a.\${n} v else v) b
    else if builtins.isList a && builtins.isList b then a ++ b
    else if a == b then a
    else throw "conflicting definitions: \${builtins.toJSON a} and \${builtins.toJSON b}";
  # A module and everything it imports, each called with the module arguments.
  definitions = args: path:
    let m = import path args; in
    [ (resolve (builtins.removeAttrs m [ "imports" ])) ]
    ++ builtins.concatMap (definitions args) (m.imports or [ ]);
`;

interface Evaluated {
  system: string;
  nixhome: { docker: boolean; codeServer: { enable: boolean; bind: string; port: number } };
  config: {
    home?: { packages?: string[]; sessionVariables?: Record<string, string> };
    systemd?: {
      user?: {
        services?: Record<string, Record<string, Record<string, unknown>>>;
        sessionVariables?: Record<string, string>;
        startServices?: string;
      };
    };
    launchd?: { agents?: Record<string, { enable: boolean; config: Record<string, unknown> }> };
    services?: { colima?: { enable: boolean; profiles: Record<string, Record<string, boolean>> } };
    targets?: { genericLinux?: { enable: boolean } };
    assertions?: Array<{ assertion: boolean; message: string }>;
  };
}

/** Every configuration of the repository in `dir`: what base.nix (with its imports) defines. */
function evalServices(dir: string): Record<string, Evaluated> {
  mkdirSync(join(dir, ".mock-nixpkgs"), { recursive: true });
  writeFileSync(join(dir, ".mock-nixpkgs", "default.nix"), MOCK_NIXPKGS);
  const expr = `
    let
      ${STAND_IN}
      flake = import ${dir}/flake.nix;
      nixpkgs = { outPath = ${dir}/.mock-nixpkgs; inherit lib; };
      home-manager.lib.homeManagerConfiguration = a:
        let
          args = { inherit (a) pkgs; inherit lib; config = { }; nixhome = a.extraSpecialArgs.nixhome; };
          base = builtins.filter (p: baseNameOf (toString p) == "base.nix") a.modules;
        in {
          inherit (a.pkgs) system;
          inherit (a.extraSpecialArgs) nixhome;
          config = builtins.foldl' merge { } (builtins.concatMap (definitions args) base);
        };
      out = flake.outputs { self = out; inherit nixpkgs home-manager; };
    in out.homeConfigurations`;
  return nixEvalJson(expr) as Record<string, Evaluated>;
}

function writePlan(spec: ReturnType<typeof parseHomeSpec>): string {
  const root = mkdtempSync(join(tmpdir(), "nixhome-services-"));
  for (const f of renderHome(spec)) {
    const p = join(root, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
  return root;
}

const STORE = "/nix/store/00000000000000000000000000000000";

describeNix("the services, evaluated from nixhome.json to the unit", () => {
  const spec = parseHomeSpec(SPEC);
  const homes = evalServices(writePlan(spec));

  it("evaluates every configuration", () => {
    expect(Object.keys(homes).sort()).toEqual(
      homeConfigurations(spec)
        .map((c) => c.name)
        .sort(),
    );
    for (const c of homeConfigurations(spec))
      expect(homes[c.name]?.nixhome, c.name).toMatchObject({
        docker: c.docker,
        codeServer: c.codeServer,
      });
  });

  it("Linux: rootless dockerd as a user service, DOCKER_HOST at its socket everywhere", () => {
    for (const name of ["bigboss", "bigboss@arm-box", "bigboss@cloud-instance"]) {
      const c = homes[name]?.config;
      const docker = c?.systemd?.user?.services?.docker;
      expect(docker?.Service, name).toEqual({
        Type: "notify",
        ExecStart: `${STORE}-docker/bin/dockerd-rootless`,
        Environment: [`PATH=${STORE}-rootlesskit/bin:${STORE}-slirp4netns/bin:${HOST_PATH}`],
        Delegate: true,
        NotifyAccess: "all",
        KillMode: "mixed",
        Restart: "always",
        RestartSec: 2,
        TimeoutSec: 0,
        LimitNOFILE: "infinity",
        LimitNPROC: "infinity",
        LimitCORE: "infinity",
      });
      expect(docker?.Unit, name).toMatchObject({ ConditionUser: "!root" });
      expect(docker?.Install, name).toEqual({ WantedBy: ["default.target"] });
      expect(c?.home?.sessionVariables?.DOCKER_HOST, name).toBe(DOCKER_SOCKET);
      expect(c?.systemd?.user?.sessionVariables?.DOCKER_HOST, name).toBe(DOCKER_SOCKET);
      expect(c?.systemd?.user?.startServices, name).toBe("sd-switch");
      expect(c?.home?.packages, name).toEqual(expect.arrayContaining(["docker", "docker-compose"]));
      expect(c?.services?.colima, name).toBeUndefined();
      expect(c?.targets?.genericLinux?.enable, name).toBe(true);
    }
  });

  it("Linux: code-server as a user service on 127.0.0.1:8080, the host's bind and port when set", () => {
    const unit = (name: string) => homes[name]?.config.systemd?.user?.services?.["code-server"];
    expect(unit("bigboss")).toEqual({
      Unit: { Description: "code-server: VS Code in the browser" },
      Service: {
        ExecStart: `${STORE}-code-server/bin/code-server --bind-addr 127.0.0.1:8080`,
        Restart: "on-failure",
      },
      Install: { WantedBy: ["default.target"] },
    });
    expect(unit("bigboss@arm-box")?.Service?.ExecStart).toBe(
      `${STORE}-code-server/bin/code-server --bind-addr 127.0.0.1:8080`,
    );
    expect(unit("bigboss@work-server")?.Service?.ExecStart).toBe(
      `${STORE}-code-server/bin/code-server --bind-addr 0.0.0.0:9090`,
    );
    expect(homes.bigboss?.config.home?.packages).toContain("code-server");
  });

  it('a host drops code-server with "codeServer": { "enable": false }', () => {
    const c = homes["bigboss@cloud-instance"]?.config;
    expect(c?.systemd?.user?.services?.["code-server"]).toBeUndefined();
    expect(c?.home?.packages).not.toContain("code-server");
    expect(c?.systemd?.user?.services?.docker).toBeDefined();
  });

  it('a host that runs its own Docker says "docker": false: no daemon, no DOCKER_HOST, no CLI', () => {
    const c = homes["bigboss@work-server"]?.config;
    expect(c?.systemd?.user?.services?.docker).toBeUndefined();
    expect(c?.systemd?.user?.sessionVariables).toBeUndefined();
    expect(c?.home?.sessionVariables?.DOCKER_HOST).toBeUndefined();
    expect(c?.home?.packages).not.toContain("docker");
    expect(c?.home?.packages).not.toContain("docker-compose");
    expect(c?.systemd?.user?.services?.["code-server"]).toBeDefined();
  });

  it("macOS: Colima serves Docker as the active context and DOCKER_HOST; no systemd", () => {
    for (const name of ["bigboss@laptop", "bigboss@intel-mac"]) {
      const c = homes[name]?.config;
      expect(c?.services?.colima, name).toEqual({
        enable: true,
        profiles: { default: { isActive: true, isService: true, setDockerHost: true } },
      });
      expect(c?.home?.packages, name).toEqual(expect.arrayContaining(["docker", "docker-compose"]));
      expect(c?.systemd, name).toBeUndefined();
      expect(c?.home?.sessionVariables, name).toBeUndefined();
      expect(c?.targets, name).toBeUndefined();
    }
  });

  it("macOS: a code-server launchd agent where nixpkgs builds it (x86_64-darwin), none on aarch64-darwin", () => {
    expect(homes["bigboss@intel-mac"]?.config.launchd?.agents?.["code-server"]).toEqual({
      enable: true,
      config: {
        ProgramArguments: [`${STORE}-code-server/bin/code-server`, "--bind-addr", "127.0.0.1:8080"],
        RunAtLoad: true,
        KeepAlive: true,
      },
    });
    expect(homes["bigboss@intel-mac"]?.config.home?.packages).toContain("code-server");
    const laptop = homes["bigboss@laptop"]?.config;
    expect(laptop?.launchd).toBeUndefined();
    expect(laptop?.home?.packages).not.toContain("code-server");
  });

  it("holds its own assertion: the bind address and port nixhome.json gives are valid", () => {
    for (const c of Object.values(homes))
      expect(c.config.assertions).toEqual([expect.objectContaining({ assertion: true })]);
  });

  it("refuses, at evaluation, a hand-edited nixhome.json that would add code-server arguments", () => {
    for (const codeServer of [
      { bind: "127.0.0.1 --auth none" },
      { port: "8080 --auth none" },
      { port: 70000 },
    ]) {
      const dir = writePlan(parseHomeSpec({ ...SPEC, hosts: {} }));
      const json = JSON.parse(readFileSync(join(dir, "nixhome.json"), "utf8"));
      json.codeServer = { ...json.codeServer, ...codeServer };
      writeFileSync(join(dir, "nixhome.json"), JSON.stringify(json));
      const [check] = evalServices(dir).bigboss?.config.assertions ?? [];
      expect(check?.assertion, JSON.stringify(codeServer)).toBe(false);
      expect(check?.message).toMatch(/^nixhome\.json: codeServer\.bind must be an IPv4 address/);
    }
  });

  it("puts no password in the store: code-server keeps its own config.yaml", () => {
    const text = renderHome(spec)
      .filter((f) => f.path.startsWith("services/"))
      .map((f) => f.content)
      .join("\n");
    // code-server reads a password from $PASSWORD / $HASHED_PASSWORD or --auth flags: none here.
    expect(text).not.toMatch(/--auth|PASSWORD=|hashed-password/i);
    expect(text).toContain("~/.config/code-server/config.yaml");
  });
});
