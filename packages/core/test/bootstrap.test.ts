// bootstrap.sh, every branch: the generated script runs under POSIX sh (dash
// where /bin/sh is dash) with fake uname, id, hostname, nix, nix-store and curl
// first on a PATH that holds nothing else but a few real text tools. The
// fakes log their arguments, so each test asserts what was run, what was not,
// what landed in $HOME and the exit code.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHomeSpec, renderHome } from "../src/index.js";

const KEY = "fleet-test-1:MtxQVo64yq59k1PUVKsft/yQNXVebz8LZ/ZFqnEtOMA=";
const CACHE = "file:///srv/cache";

const SPEC = {
  version: 1,
  user: { name: "Alice", email: "alice@example.org", username: "alice" },
  system: "x86_64-linux",
  hosts: {
    laptop: { system: "x86_64-linux" },
    mac: { system: "aarch64-darwin" },
    pi: { system: "aarch64-linux" },
    server: { system: "x86_64-linux" },
  },
  templates: [],
  cache: { url: CACHE, publicKey: KEY },
};

/** Real tools the script may use; everything else on PATH is a fake. */
const REAL = [
  "sh",
  "awk",
  "sed",
  "grep",
  "cat",
  "mktemp",
  "rm",
  "mkdir",
  "cut",
  "sort",
  "find",
  "sha256sum",
  "head",
  "dirname",
  "cp",
  "chmod",
  "tee",
  "tr",
  "ls",
  "env",
];

const which = (tool: string) => {
  const r = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
  return r.stdout.trim();
};

interface World {
  dir: string;
  repo: string;
  home: string;
  store: string;
  log: string;
  env: Record<string, string>;
}

interface Options {
  spec?: Record<string, unknown>;
  uname?: string;
  user?: string;
  uid?: string;
  groups?: string;
  hostname?: string;
  /** Put a fake nix on PATH (else only the installer provides one). */
  nix?: boolean;
  curl?: boolean;
  installerRc?: number;
  /** What `nix show-config` prints. */
  nixConfig?: string;
  verifyRc?: number;
  pathInfoRc?: number;
  lock?: boolean;
  /** setuid newuidmap/newgidmap on PATH. */
  uidmap?: boolean | "not-setuid";
  subuid?: boolean;
  /** An apt-get on PATH (a Debian/Ubuntu machine). */
  apt?: boolean;
  /** The real git on PATH. */
  git?: boolean;
  /** A systemd machine (the installer's multi-user mode). */
  systemd?: boolean;
}

const TRUSTED_CONF = [
  "experimental-features = nix-command flakes",
  "substituters = https://cache.nixos.org/",
  "trusted-public-keys = cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY=",
  "trusted-substituters = ",
  "trusted-users = root alice",
].join("\n");

function fake(bin: string, name: string, body: string) {
  const p = join(bin, name);
  writeFileSync(p, `#!/bin/sh\necho "${name} $*" >>"$FAKE_LOG"\n${body}\n`);
  chmodSync(p, 0o755);
}

function world(o: Options = {}): World {
  const dir = mkdtempSync(join(tmpdir(), "nixhome-bootstrap-"));
  const repo = join(dir, "repo");
  const home = join(dir, "home");
  const store = join(dir, "store");
  const bin = join(dir, "bin");
  const sys = join(dir, "sys");
  const root = join(dir, "root");
  const log = join(dir, "log");
  for (const d of [repo, home, store, bin, sys, join(root, "etc")])
    mkdirSync(d, { recursive: true });
  writeFileSync(log, "");

  const specJson = o.spec ?? SPEC;
  const { cache: _c, ...parsable } = specJson as { cache?: unknown };
  // Render through the real code, then write nixhome.json as given (it may
  // carry keys of other helpers, e.g. per-host `docker`).
  const plan = renderHome(
    parseHomeSpec({ ...parsable, ...(specJson.cache ? { cache: specJson.cache } : {}) }),
  );
  for (const f of plan) {
    const p = join(repo, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
    if (f.mode) chmodSync(p, f.mode);
  }
  writeFileSync(join(repo, "nixhome.json"), JSON.stringify(specJson, null, 2));
  if (o.lock !== false) writeFileSync(join(repo, "flake.lock"), '{ "nodes": {}, "version": 7 }\n');

  for (const t of REAL) symlinkSync(which(t), join(sys, t));
  fake(bin, "uname", `case "$1" in -s) echo "\${FAKE_UNAME% *}" ;; *) echo "$FAKE_UNAME" ;; esac`);
  fake(
    bin,
    "id",
    `case "$1" in -un) echo "$FAKE_USER" ;; -u) echo "$FAKE_UID" ;; -Gn) echo "$FAKE_GROUPS" ;; esac`,
  );
  fake(bin, "hostname", 'echo "$FAKE_HOSTNAME"');
  const nixBody = `
case "$*" in
  *--version*) echo "nix (Nix) 2.99" ;;
  *show-config*) printf '%s\\n' "$FAKE_NIX_CONFIG" ;;
  *path-info*) exit "\${FAKE_PATHINFO_RC:-0}" ;;
  *"store verify"*) [ "\${FAKE_VERIFY_RC:-0}" = 0 ] || echo "error: path lacks a valid signature" >&2; exit "\${FAKE_VERIFY_RC:-0}" ;;
  *" build "*)
    out="$NIX_STORE_DIR/ffffffffffffffffffffffffffffffff-home-manager-generation"
    mkdir -p "$out"
    printf '#!/bin/sh\\necho evaluated >"$HOME/generation"\\n' >"$out/activate"; chmod +x "$out/activate"
    printf '[{"drvPath":"/x.drv","outputs":{"out":"%s"}}]\\n' "$out" ;;
  *eval*) echo "fake nix: eval must not run" >&2; exit 3 ;;
esac`;
  if (o.nix !== false) fake(bin, "nix", nixBody);
  fake(bin, "nix-store", 'exit "${FAKE_REALISE_RC:-0}"');
  // The Nix installer: `curl -o FILE URL` writes one that installs the fake nix.
  const nixDir = join(dir, "installed-nix");
  mkdirSync(nixDir);
  fake(nixDir, "nix", nixBody);
  if (o.curl !== false)
    fake(
      bin,
      "curl",
      `while [ $# -gt 0 ]; do [ "$1" = -o ] && o="$2"; shift; done
cat >"$o" <<EOF
echo "installer \\$*" >>"$FAKE_LOG"
for a in "\\$@"; do case "\\$a" in --nix-extra-conf-file) c=1 ;; *) [ -z "\\$c" ] || { cp "\\$a" "$FAKE_DIR/installer-conf"; c=; } ;; esac; done
[ "\${FAKE_INSTALLER_RC:-0}" = 0 ] || exit "\${FAKE_INSTALLER_RC:-0}"
mkdir -p "\\$HOME/.nix-profile/etc/profile.d"
echo 'PATH="${nixDir}:\\$PATH"' >"\\$HOME/.nix-profile/etc/profile.d/nix.sh"
EOF`,
    );
  if (o.apt !== false) fake(bin, "apt-get", "exit 0");
  // Never needed: bootstrap prints sudo commands, it does not run them.
  fake(bin, "sudo", "exit 1");
  if (o.git) for (const t of ["git", "tar"]) symlinkSync(which(t), join(sys, t));
  if (o.systemd) mkdirSync(join(root, "run/systemd/system"), { recursive: true });
  if (o.uidmap !== false)
    for (const b of ["newuidmap", "newgidmap"]) {
      fake(bin, b, "");
      chmodSync(join(bin, b), o.uidmap === "not-setuid" ? 0o755 : 0o4755);
    }
  if (o.subuid !== false) {
    writeFileSync(join(root, "etc/subuid"), `${o.user ?? "alice"}:100000:65536\n`);
    writeFileSync(join(root, "etc/subgid"), `${o.user ?? "alice"}:100000:65536\n`);
  }

  const env: Record<string, string> = {
    PATH: `${bin}:${sys}`,
    HOME: home,
    FAKE_LOG: log,
    FAKE_DIR: dir,
    FAKE_UNAME: o.uname ?? "Linux x86_64",
    FAKE_USER: o.user ?? "alice",
    FAKE_UID: o.uid ?? "1000",
    FAKE_GROUPS: o.groups ?? "alice",
    FAKE_HOSTNAME: o.hostname ?? "somewhere",
    FAKE_NIX_CONFIG: o.nixConfig ?? TRUSTED_CONF,
    FAKE_VERIFY_RC: String(o.verifyRc ?? 0),
    FAKE_PATHINFO_RC: String(o.pathInfoRc ?? 0),
    FAKE_INSTALLER_RC: String(o.installerRc ?? 0),
    NIX_STORE_DIR: store,
    NIXHOME_BOOTSTRAP_ROOT: root,
  };
  return { dir, repo, home, store, log, env };
}

/** A generation "in the cache": its activate drops a file in $HOME. */
function cached(w: World, config: string, sourceHash?: string) {
  const out = join(w.store, "cccccccccccccccccccccccccccccccc-home-manager-generation");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "activate"), '#!/bin/sh\necho cached >"$HOME/generation"\n');
  chmodSync(join(out, "activate"), 0o755);
  const record = {
    version: 1,
    builds: {
      [config]: {
        system: "x86_64-linux",
        outPath: out,
        commit: "0123456789abcdef0123456789abcdef01234567",
        sourceHash: sourceHash ?? hashSources(w.repo),
        cache: CACHE,
      },
    },
  };
  const file = join(w.dir, "builds.json");
  writeFileSync(file, JSON.stringify(record, null, 2));
  return { out, file };
}

/** The source hash, computed independently of the script (the ADR's definition). */
function hashSources(repo: string): string {
  const files: string[] = [];
  for (const f of ["flake.lock", "nixhome.json"]) if (existsSync(join(repo, f))) files.push(f);
  // Every .nix file of the repository, outside .git, node_modules, .nixhome-* and result*.
  const skip = (e: string) =>
    e === ".git" || e === "node_modules" || e.startsWith(".nixhome-") || e.startsWith("result");
  const walk = (d: string) => {
    for (const e of readdirSync(d === "" ? repo : join(repo, d))) {
      if (skip(e)) continue;
      const rel = d === "" ? e : `${d}/${e}`;
      const st = lstatSync(join(repo, rel));
      if (st.isDirectory()) walk(rel);
      else if (st.isFile() && rel.endsWith(".nix")) files.push(rel);
    }
  };
  walk("");
  files.sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : a === b ? 0 : 1));
  const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
  const lines = files.map((f) => `${sha(readFileSync(join(repo, f)))}  ${f}\n`).join("");
  return `sha256:${sha(lines)}`;
}

function run(w: World, args: string[], stdinScript = false) {
  const script = join(w.repo, "bootstrap.sh");
  const r = stdinScript
    ? spawnSync("sh", ["-s", "--", ...args], {
        input: readFileSync(script),
        env: w.env,
        cwd: w.dir,
        encoding: "utf8",
      })
    : spawnSync("sh", [script, ...args], { env: w.env, cwd: w.dir, encoding: "utf8" });
  const log = readFileSync(w.log, "utf8");
  expect(log, "bootstrap ran sudo").not.toMatch(/^sudo /m);
  const generation = existsSync(join(w.home, "generation"))
    ? readFileSync(join(w.home, "generation"), "utf8").trim()
    : null;
  return { status: r.status, out: `${r.stdout}${r.stderr}`, log, generation };
}

describe("bootstrap.sh: choosing the configuration", () => {
  it("takes the host from the argument", () => {
    const w = world();
    const r = run(w, ["laptop", "--no-cache"]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("configuration alice@laptop (x86_64-linux), chosen by the argument");
    expect(r.log).toContain('#homeConfigurations."alice@laptop".activationPackage');
    expect(r.generation).toBe("evaluated");
  });

  it("takes the host from the host name (short name, domain dropped, case ignored)", () => {
    const w = world({ hostname: "Server.example.org" });
    const r = run(w, ["--no-cache"]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("alice@server (x86_64-linux), chosen by this machine's host name");
  });

  it("falls back to the default configuration for an unknown host name", () => {
    const r = run(world({ hostname: "elsewhere" }), ["--no-cache"]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("configuration alice (x86_64-linux), chosen by the default");
  });

  it("refuses an unknown host and lists the configurations for this system", () => {
    const r = run(world(), ["nope"]);
    expect(r.status).toBe(1);
    expect(r.out).toContain("no host 'nope' in nixhome.json");
    expect(r.out).toContain("./bootstrap.sh laptop");
    expect(r.out).toContain("./bootstrap.sh server");
    expect(r.out).not.toContain("./bootstrap.sh mac");
    expect(r.log).not.toMatch(/^nix /m);
  });

  it("refuses a configuration of another system (a darwin host on Linux) before touching Nix", () => {
    const r = run(world(), ["mac"]);
    expect(r.status).toBe(1);
    expect(r.out).toContain(
      "refusing alice@mac: it is for aarch64-darwin, this machine is x86_64-linux (Linux x86_64)",
    );
    expect(r.out).toContain("./bootstrap.sh laptop");
    expect(r.log).not.toMatch(/^(nix|curl) /m);
  });

  it("maps uname -sm to Nix systems (aarch64 Linux, Apple silicon)", () => {
    const pi = run(world({ uname: "Linux aarch64" }), ["pi", "--no-cache"]);
    expect(pi.status, pi.out).toBe(0);
    const mac = run(world({ uname: "Darwin arm64" }), ["mac", "--no-cache"]);
    expect(mac.status, mac.out).toBe(0);
    expect(mac.out).toContain("alice@mac (aarch64-darwin)");
    const none = run(world({ uname: "Darwin arm64" }), ["laptop"]);
    expect(none.status).toBe(1);
    expect(none.out).toContain("./bootstrap.sh mac");
  });

  it("says when no configuration fits this system at all", () => {
    const r = run(world({ uname: "Darwin x86_64" }), ["laptop"]);
    expect(r.status).toBe(1);
    expect(r.out).toContain(
      'no configuration in nixhome.json is for x86_64-darwin; add a host with "system": "x86_64-darwin"',
    );
  });

  it("refuses an unsupported machine", () => {
    const r = run(world({ uname: "FreeBSD amd64" }), []);
    expect(r.status).toBe(1);
    expect(r.out).toContain("unsupported machine: FreeBSD amd64");
  });

  it("refuses a configuration of another user", () => {
    const r = run(world({ user: "bob" }), ["laptop"]);
    expect(r.status).toBe(1);
    expect(r.out).toContain("refusing alice@laptop: it is for the user alice, you are bob");
  });

  it("sees a host added by hand to nixhome.json (nothing is baked into the script)", () => {
    const w = world();
    const spec = JSON.parse(readFileSync(join(w.repo, "nixhome.json"), "utf8"));
    spec.hosts.handmade = { system: "x86_64-linux" };
    writeFileSync(join(w.repo, "nixhome.json"), JSON.stringify(spec));
    const r = run(w, ["handmade", "--no-cache"]);
    expect(r.status, r.out).toBe(0);
    expect(r.log).toContain('"alice@handmade"');
  });

  it("reports invalid JSON in nixhome.json in one line", () => {
    const w = world();
    writeFileSync(join(w.repo, "nixhome.json"), '{ "user": ');
    const r = run(w, []);
    expect(r.status).toBe(1);
    expect(r.out).toContain("nixhome.json is not valid JSON");
  });
});

describe("bootstrap.sh: installing Nix", () => {
  it("stops with the command to run when Nix and curl are both missing", () => {
    const r = run(world({ nix: false, curl: false }), ["laptop"]);
    expect(r.status).toBe(1);
    expect(r.out).toContain("Nix is not installed and curl is missing");
    expect(r.out).toContain("sudo apt-get install -y curl");
  });

  it("stops when the installer fails, and activates nothing", () => {
    const r = run(world({ nix: false, installerRc: 7 }), ["laptop"]);
    expect(r.status).toBe(1);
    expect(r.out).toContain("the Nix installer failed");
    expect(r.generation).toBeNull();
  });

  it("installs Nix with flakes on, the cache as extra substituter and its key trusted", () => {
    const w = world({ nix: false });
    const r = run(w, ["laptop", "--no-cache"]);
    expect(r.status, r.out).toBe(0);
    expect(r.log).toMatch(/^installer --no-daemon --nix-extra-conf-file /m);
    const conf = readFileSync(join(w.dir, "installer-conf"), "utf8");
    expect(conf).toContain("experimental-features = nix-command flakes");
    expect(conf).toContain(`extra-substituters = ${CACHE}`);
    expect(conf).toContain(`extra-trusted-public-keys = ${KEY}`);
    expect(r.generation).toBe("evaluated");
  });

  it("runs with flakes on when nix.conf has them off, and says how to make it permanent", () => {
    const r = run(world({ nixConfig: "experimental-features = \ntrusted-users = root alice" }), [
      "laptop",
      "--no-cache",
    ]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("flakes are off in nix.conf: this run turns them on for itself");
    expect(r.out).toContain(
      "echo 'experimental-features = nix-command flakes' >>~/.config/nix/nix.conf",
    );
    for (const line of r.log.split("\n").filter((l) => l.startsWith("nix ")))
      expect(line).toContain("--extra-experimental-features nix-command flakes");
  });
});

describe("bootstrap.sh: cache path or evaluate-and-switch", () => {
  it("takes the cache path when the record matches: fetch by store path, signature checked, no evaluation", () => {
    const w = world();
    const { out, file } = cached(w, "alice@laptop");
    const r = run(w, ["laptop", "--record", file]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("took the cache path: no evaluation on this machine");
    expect(r.log).toContain(
      `store verify --no-contents --store ${CACHE} --option trusted-public-keys ${KEY} ${out}`,
    );
    expect(r.log).toContain(`nix-store --realise ${out} --option extra-substituters ${CACHE}`);
    expect(r.log).not.toMatch(/ (build|eval) /);
    expect(r.generation).toBe("cached");
  });

  it("refuses a generation not signed by the repository's key", () => {
    const w = world({ verifyRc: 1 });
    const { file } = cached(w, "alice@laptop");
    const r = run(w, ["laptop", "--record", file]);
    expect(r.status).toBe(1);
    expect(r.out).toContain("refused:");
    expect(r.out).toContain("is not signed by the repository's key fleet-test-1");
    expect(r.log).not.toContain("nix-store --realise");
    expect(r.generation).toBeNull();
  });

  it("falls back when the record is stale (other sources), and says so", () => {
    const w = world();
    const { file } = cached(w, "alice@laptop", `sha256:${"0".repeat(64)}`);
    const r = run(w, ["laptop", "--record", file]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("evaluate and switch, because the recorded generation of alice@laptop");
    expect(r.out).toContain("stale record");
    expect(r.log).toContain("nix-command flakes build");
    expect(r.log).toContain(`--option extra-substituters ${CACHE}`);
    expect(r.generation).toBe("evaluated");
  });

  it("falls back when the record has no generation for this configuration", () => {
    const w = world();
    const { file } = cached(w, "alice@server");
    const r = run(w, ["laptop", "--record", file]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("because the build record has no generation for alice@laptop");
  });

  it("falls back when the recorded path is not in the cache", () => {
    const w = world({ pathInfoRc: 1 });
    const { file } = cached(w, "alice@laptop");
    const r = run(w, ["laptop", "--record", file]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("because the recorded generation is not in file:///srv/cache");
    expect(r.generation).toBe("evaluated");
  });

  it("falls back with no record, no flake.lock, no cache or --no-cache, each saying why", () => {
    const cases: [Options, string[], string][] = [
      [{}, ["laptop", "--record", "/nonexistent"], "no build record found"],
      [{ lock: false }, ["laptop"], "flake.lock is not committed"],
      [{ spec: { ...SPEC, cache: undefined } }, ["laptop"], "nixhome.json has no binary cache"],
      [{}, ["laptop", "--no-cache"], "--no-cache was given"],
    ];
    for (const [o, args, why] of cases) {
      const w = world(o);
      if (o.spec)
        writeFileSync(join(w.repo, "nixhome.json"), JSON.stringify({ ...SPEC, cache: undefined }));
      const r = run(w, args);
      expect(r.status, r.out).toBe(0);
      expect(r.out).toContain(`evaluate and switch, because ${why}`);
      expect(r.generation).toBe("evaluated");
    }
  });

  it("builds with the Home Manager pinned in flake.lock (the flake's own activationPackage), never home-manager/master", () => {
    const r = run(world(), ["laptop", "--no-cache"]);
    expect(r.log).toMatch(
      /build --no-link --json .*#homeConfigurations\."alice@laptop"\.activationPackage/,
    );
    expect(r.log).not.toContain("home-manager/");
  });

  it("an untrusted user of a daemon Nix gets the one command that fixes it, then falls back", () => {
    const w = world({
      nixConfig:
        "experimental-features = nix-command flakes\ntrusted-users = root\ntrusted-substituters = ",
    });
    const { file } = cached(w, "alice@laptop");
    const r = run(w, ["laptop", "--record", file]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(
      `printf 'extra-trusted-substituters = ${CACHE}\\nextra-trusted-public-keys = ${KEY}\\n' | sudo tee -a /etc/nix/nix.conf >/dev/null && sudo systemctl restart nix-daemon`,
    );
    expect(r.log).not.toContain("extra-substituters");
    expect(r.generation).toBe("evaluated");
  });

  it("a member of a trusted group, or a cache nix.conf already trusts, may use the cache", () => {
    for (const nixConfig of [
      "experimental-features = nix-command flakes\ntrusted-users = root @wheel",
      `experimental-features = nix-command flakes\ntrusted-users = root\ntrusted-substituters = ${CACHE}\ntrusted-public-keys = ${KEY}`,
    ]) {
      const w = world({ groups: "alice wheel", nixConfig });
      const { file } = cached(w, "alice@laptop");
      const r = run(w, ["laptop", "--record", file]);
      expect(r.status, r.out).toBe(0);
      expect(r.out).toContain("took the cache path");
    }
  });

  it("single-user Nix (the user owns the store) may use the cache", () => {
    const w = world({
      uid: String(process.getuid?.()),
      nixConfig: "experimental-features = nix-command flakes\ntrusted-users = root",
    });
    const { file } = cached(w, "alice@laptop");
    const r = run(w, ["laptop", "--record", file]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("took the cache path");
  });

  it("piped with --repo <git URL>: clones it, reads the record from the nixhome-builds branch, takes the cache path", () => {
    const w = world({ git: true });
    const { out } = cached(w, "alice@laptop");
    const git = (cwd: string, ...args: string[]) => {
      const r = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], {
        cwd,
        encoding: "utf8",
      });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.trim();
    };
    const origin = join(w.dir, "origin.git");
    git(w.dir, "init", "-q", "--bare", origin);
    git(origin, "symbolic-ref", "HEAD", "refs/heads/main");
    git(w.repo, "init", "-q");
    git(w.repo, "add", ".");
    git(w.repo, "commit", "-qm", "init");
    git(w.repo, "push", "-q", origin, "HEAD:refs/heads/main");
    // The record branch, as CI's record job writes it: builds.json alone.
    const blob = spawnSync("git", ["hash-object", "-w", join(w.dir, "builds.json")], {
      cwd: w.repo,
      encoding: "utf8",
    }).stdout.trim();
    const tree = spawnSync("git", ["mktree"], {
      cwd: w.repo,
      input: `100644 blob ${blob}\tbuilds.json\n`,
      encoding: "utf8",
    }).stdout.trim();
    const commit = git(w.repo, "commit-tree", tree, "-m", "builds");
    git(w.repo, "push", "-q", origin, `${commit}:refs/heads/nixhome-builds`);
    w.env.GIT_CONFIG_NOSYSTEM = "1";
    const r = spawnSync("sh", ["-s", "--", "--repo", `file://${origin}`, "laptop"], {
      input: readFileSync(join(w.repo, "bootstrap.sh")),
      env: w.env,
      cwd: w.home,
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(w.home, "home", "nixhome.json"))).toBe(true);
    expect(r.stderr).toContain("took the cache path");
    expect(readFileSync(w.log, "utf8")).toContain(`nix-store --realise ${out}`);
    expect(readFileSync(join(w.home, "generation"), "utf8").trim()).toBe("cached");
  });

  it("installs a multi-user Nix on a systemd machine, and gives the macOS daemon restart there", () => {
    const linux = run(world({ nix: false, systemd: true }), ["laptop", "--no-cache"]);
    expect(linux.status, linux.out).toBe(0);
    expect(linux.log).toMatch(/^installer --daemon --yes --nix-extra-conf-file /m);
    const w = world({
      uname: "Darwin arm64",
      nixConfig: "experimental-features = nix-command flakes\ntrusted-users = root",
    });
    const { file } = cached(w, "alice@mac");
    const mac = run(w, ["mac", "--record", file]);
    expect(mac.status, mac.out).toBe(0);
    expect(mac.out).toContain("sudo launchctl kickstart -k system/org.nixos.nix-daemon");
  });

  it("runs piped into sh -s -- with --repo", () => {
    const w = world();
    const { file } = cached(w, "alice@laptop");
    const r = run(w, ["--repo", w.repo, "--record", file, "laptop"], true);
    expect(r.status, r.out).toBe(0);
    expect(r.generation).toBe("cached");
  });

  it("piped without --repo and away from a clone, says what to do", () => {
    const w = world();
    const r = spawnSync("sh", ["-s", "--", "laptop"], {
      input: readFileSync(join(w.repo, "bootstrap.sh")),
      env: w.env,
      cwd: w.home,
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("pass --repo <git URL>");
  });

  it("prints the source hash CI records, which is the ADR's definition", () => {
    const w = world();
    const r = spawnSync("sh", [join(w.repo, "bootstrap.sh"), "--print-source-hash"], {
      env: w.env,
      encoding: "utf8",
    });
    expect(r.stdout.trim()).toBe(hashSources(w.repo));
    writeFileSync(join(w.repo, "README.md"), "edited: not a source\n");
    const again = spawnSync("sh", [join(w.repo, "bootstrap.sh"), "--print-source-hash"], {
      env: w.env,
      encoding: "utf8",
    });
    expect(again.stdout).toBe(r.stdout);
  });

  it("a module in any folder is a source: editing services/docker.nix makes the record stale", () => {
    const w = world();
    const hash = () =>
      spawnSync("sh", [join(w.repo, "bootstrap.sh"), "--print-source-hash"], {
        env: w.env,
        encoding: "utf8",
      }).stdout.trim();
    const before = hash();
    expect(existsSync(join(w.repo, "services/docker.nix"))).toBe(true);
    writeFileSync(join(w.repo, "services/docker.nix"), "{ ... }: { }\n");
    expect(hash()).not.toBe(before);
    mkdirSync(join(w.repo, "modules"));
    const edited = hash();
    writeFileSync(join(w.repo, "modules/extra.nix"), "{ ... }: { }\n");
    expect(hash()).not.toBe(edited);
    expect(hash()).toBe(hashSources(w.repo));
  });
});

describe("bootstrap.sh: rootless docker prerequisites (Linux, docker on)", () => {
  it("prints the exact commands when uidmap or subordinate ids are missing, and still activates", () => {
    const r = run(world({ uidmap: false, subuid: false }), ["laptop", "--no-cache"]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("newuidmap and newgidmap");
    expect(r.out).toContain("sudo apt-get install -y uidmap");
    expect(r.out).toContain(
      "sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 alice",
    );
    expect(r.out).toContain("rootless docker will not start until you run:");
    expect(r.generation).toBe("evaluated");
  });

  it("as root, says rootless docker does not run there instead of the uidmap commands", () => {
    const r = run(
      world({
        user: "root",
        uid: "0",
        uidmap: false,
        subuid: false,
        spec: { ...SPEC, user: { ...SPEC.user, username: "root" } },
      }),
      ["laptop", "--no-cache"],
    );
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(
      'rootless docker does not run as root: set "docker": false for this host',
    );
    expect(r.out).not.toContain("uidmap");
  });

  it("a newuidmap without the setuid bit counts as missing", () => {
    const r = run(world({ uidmap: "not-setuid", apt: false }), ["laptop", "--no-cache"]);
    expect(r.out).toContain("not setuid: newuidmap newgidmap");
    expect(r.out).toContain("install the package that ships setuid newuidmap/newgidmap");
  });

  it("says nothing when all is there, when the host turns docker off, or on macOS", () => {
    const ok = run(world(), ["laptop", "--no-cache"]);
    expect(ok.out).not.toContain("uidmap");
    const spec = {
      ...SPEC,
      hosts: { ...SPEC.hosts, server: { system: "x86_64-linux", docker: false } },
    };
    const w = world({ uidmap: false, subuid: false });
    writeFileSync(join(w.repo, "nixhome.json"), JSON.stringify(spec));
    const off = run(w, ["server", "--no-cache"]);
    expect(off.status, off.out).toBe(0);
    expect(off.out).not.toContain("uidmap");
    const topOff = world({ uidmap: false, subuid: false });
    writeFileSync(join(topOff.repo, "nixhome.json"), JSON.stringify({ ...SPEC, docker: false }));
    expect(run(topOff, ["laptop", "--no-cache"]).out).not.toContain("uidmap");
    const mac = run(world({ uname: "Darwin arm64", uidmap: false, subuid: false }), [
      "mac",
      "--no-cache",
    ]);
    expect(mac.out).not.toContain("uidmap");
  });
});
