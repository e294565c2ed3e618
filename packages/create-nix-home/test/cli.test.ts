// The built CLI end to end: help and version, --yes, flags, --config,
// --dry-run, --force, git, and names that must survive into Nix unchanged.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeNix, nixEvalJson, nixFilesUnder, nixParse } from "../../core/test/support/nix.js";
import { ALL_FLAGS, BOSS, cli, machine, snapshot, tmp, write } from "./support.js";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const golden = (p: string) =>
  readFileSync(new URL(`../../core/test/__golden__/home/default/${p}`, import.meta.url), "utf8");

describe("create-nix-home", () => {
  it("prints help and version", () => {
    const help = cli(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage");
    for (const flag of ALL_FLAGS.filter((f) => f.startsWith("--")))
      expect(help.stdout).toContain(flag);
    for (const flag of [
      "--yes",
      "--dry-run",
      "--force",
      "--config",
      "--no-plop",
      "--state-version",
    ])
      expect(help.stdout).toContain(flag);
    const version = cli(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it("--force into a folder with its own .git runs none of that repository's git config", () => {
    const cwd = tmp();
    const target = join(cwd, "home");
    expect(spawnSync("git", ["init", "-q", target]).status).toBe(0);
    const marker = join(cwd, "fsmonitor-ran");
    writeFileSync(join(target, "monitor.sh"), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    const config = (k: string, v: string) =>
      expect(spawnSync("git", ["-C", target, "config", k, v]).status).toBe(0);
    config("core.fsmonitor", join(target, "monitor.sh"));
    config("core.hooksPath", join(target, "hooks"));
    const r = cli(["home", "--yes", "--force"], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
    // git still added the files: flakes see them.
    const ls = spawnSync("git", ["-C", target, "ls-files", "flake.nix"], { encoding: "utf8" });
    expect(ls.stdout.trim()).toBe("flake.nix");
  });

  it("--force into a repository stages only the files it wrote, none of the user's", () => {
    const cwd = tmp();
    const target = join(cwd, "home");
    expect(spawnSync("git", ["init", "-q", target]).status).toBe(0);
    writeFileSync(join(target, "secrets.env"), "TOKEN=do-not-commit\n");
    const r = cli(["home", "--yes", "--force"], { cwd });
    expect(r.status, r.stderr).toBe(0);
    const staged = spawnSync("git", ["-C", target, "ls-files"], { encoding: "utf8" }).stdout;
    expect(staged.split("\n")).toContain("flake.nix");
    expect(staged.split("\n")).toContain(".github/workflows/ci.yml");
    expect(staged).not.toContain("secrets.env");
  });

  it("--yes takes every default from the machine", () => {
    const cwd = tmp();
    const r = cli(["--yes", "--no-git"], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const json = JSON.parse(readFileSync(join(cwd, "home-manager", "nixhome.json"), "utf8"));
    expect(json.user).toEqual({
      name: "Big Boss",
      email: "bigboss@metalrodeo.xyz",
      username: "bigboss",
      homeDirectory: BOSS.HOME,
    });
    expect(json.shell).toBe("zsh");
    expect(Object.keys(json.hosts)).toEqual(["laptop", "work-server", "cloud-instance"]);
    expect(json.templates).toEqual(["python", "node", "rust"]);
    expect(r.stdout).toContain(
      "nix --extra-experimental-features 'nix-command flakes' run .#home-manager -- switch -b backup --flake .#bigboss",
    );
    expect(statSync(join(cwd, "home-manager", "bootstrap.sh")).mode & 0o777).toBe(0o755);
    // The services the base layer starts, and how to reach them.
    expect(json.docker).toBe(true);
    expect(json.codeServer).toEqual({ enable: true, bind: "127.0.0.1", port: 8080 });
    expect(r.stdout).toContain("code-server: ssh -L 8080:127.0.0.1:8080 <host>");
    expect(r.stdout).toContain("loginctl enable-linger $USER");
  });

  it("promises no code-server and no linger on an Apple-silicon Mac alone", () => {
    const cwd = tmp();
    const r = cli(["--yes", "--no-git", "--system", "aarch64-darwin", "--host", "mac"], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("code-server:");
    expect(r.stdout).not.toContain("enable-linger");
  });

  it("writes the golden repository from flags, without a terminal", () => {
    const cwd = tmp();
    const r = cli(["home", ...ALL_FLAGS], { cwd });
    expect(r.status, r.stderr).toBe(0);
    for (const f of ["flake.nix", "profiles/personal.nix", "hosts/work-server.nix", "README.md"])
      expect(readFileSync(join(cwd, "home", f), "utf8")).toBe(golden(f));
  });

  it("falls back to a placeholder email and says so", () => {
    const cwd = tmp();
    const r = cli(["--yes", "--no-git", "--shell", "bash"], { cwd, env: machine() });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("placeholder");
    const json = JSON.parse(readFileSync(join(cwd, "home-manager", "nixhome.json"), "utf8"));
    expect(json.user.email).toBe("bigboss@example.com");
    expect(r.stdout).toContain("change user.email in nixhome.json");
  });

  it("initialises git and stages every file (flakes ignore untracked files)", () => {
    const cwd = tmp();
    const r = cli(["repo", "--yes"], { cwd });
    expect(r.status, r.stderr).toBe(0);
    const status = spawnSync("git", ["status", "--porcelain"], {
      cwd: join(cwd, "repo"),
      encoding: "utf8",
    });
    const staged = status.stdout.trim().split("\n");
    expect(staged).toContain("A  flake.nix");
    expect(staged).toContain("A  profiles/project-templates/rust.nix");
    expect(staged.every((l) => l.startsWith("A  "))).toBe(true);
  });

  it("regenerates a repository from its nixhome.json, byte for byte", () => {
    const cwd = tmp();
    const config = join(cwd, "answers.json");
    write(cwd, {
      "answers.json": JSON.stringify({
        version: 1,
        user: { name: "Ada", email: "ada@x.y", username: "ada", homeDirectory: "/Users/ada" },
        system: "aarch64-darwin",
        editor: "vscode",
        layers: ["base", "personal", "work"],
        hosts: {
          mbp: { system: "aarch64-darwin", layers: ["base", "personal", "work"] },
          box: {
            system: "x86_64-linux",
            username: "ops",
            user: { email: "ops@x.y" },
            layers: ["base"],
          },
        },
        templates: ["go"],
      }),
    });
    const first = cli(["one", "--config", config, "--yes", "--no-git"], { cwd });
    expect(first.status, first.stderr).toBe(0);
    const again = cli(["two", "--config", join(cwd, "one", "nixhome.json"), "--yes", "--no-git"], {
      cwd,
    });
    expect(again.status, again.stderr).toBe(0);
    expect(snapshot(join(cwd, "two"))).toEqual(snapshot(join(cwd, "one")));
    const json = JSON.parse(readFileSync(join(cwd, "one", "nixhome.json"), "utf8"));
    expect(json.hosts.box).toEqual({
      system: "x86_64-linux",
      layers: ["base"],
      username: "ops",
      user: { email: "ops@x.y" },
    });
    // flake.nix allows VS Code itself, following "editor".
    expect(json.allowUnfree).toEqual([]);
    // Flags still win over the file; the rest of the file is kept.
    const third = cli(
      [
        "three",
        "--config",
        join(cwd, "one", "nixhome.json"),
        "--yes",
        "--shell",
        "fish",
        "--no-plop",
        "--no-git",
      ],
      { cwd },
    );
    expect(third.status, third.stderr).toBe(0);
    const j3 = JSON.parse(readFileSync(join(cwd, "three", "nixhome.json"), "utf8"));
    expect(j3.shell).toBe("fish");
    expect(j3.created.plop).toBe(false);
    expect(j3.layers).toEqual(["base", "personal", "work"]);
    expect(snapshot(join(cwd, "three"))["package.json"]).toBeUndefined();
  });

  it("re-running with --force restores our files and keeps the user's own layers", () => {
    const cwd = tmp();
    write(cwd, {
      "a.json": JSON.stringify({
        version: 1,
        user: { name: "A", email: "a@x.y", username: "a" },
        system: "x86_64-linux",
        layers: ["base", "personal", "work"],
        hosts: { box: {} },
      }),
    });
    expect(cli(["r", "--config", "a.json", "--yes", "--no-git"], { cwd }).status).toBe(0);
    const mine = "{ pkgs, ... }:\n{\n  home.packages = [ pkgs.jq ];\n}\n";
    write(cwd, { "r/profiles/work.nix": mine, "r/profiles/base.nix": "{ }\n" });
    const r = cli(["r", "--config", "r/nixhome.json", "--yes", "--no-git", "--force"], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(cwd, "r/profiles/work.nix"), "utf8")).toBe(mine);
    expect(readFileSync(join(cwd, "r/profiles/base.nix"), "utf8")).toContain("lib.mkDefault");
  });

  it("--dry-run prints the tree and diffs and writes nothing", () => {
    const cwd = tmp();
    const fresh = cli(["new", "--yes", "--dry-run"], { cwd });
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain("new/\n├── .github/\n│   └── workflows/\n");
    expect(fresh.stdout).toContain("├── hosts/\n│   ├── cloud-instance.nix  (new)");
    expect(fresh.stdout).toContain("└── plopfile.js  (new)");
    expect(snapshot(cwd)).toEqual({});

    write(cwd, { "old/flake.nix": "{ }\n", "old/notes.txt": "mine\n" });
    const before = snapshot(cwd);
    const r = cli(["old", "--yes", "--dry-run"], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("├── flake.nix  (exists and differs: needs --force)");
    expect(r.stdout).toContain("--- flake.nix\n+++ flake.nix (new)\n");
    expect(r.stdout).toMatch(/^- \{ \}$/m);
    expect(r.stdout).toContain("a real run needs --force");
    expect(snapshot(cwd)).toEqual(before);
  });

  it("a re-run with the same answers changes nothing and succeeds; other answers are refused", () => {
    const cwd = tmp();
    const args = ["t", "--yes", "--no-git", "--name", "A", "--email", "a@b.c"];
    expect(cli(args, { cwd }).status).toBe(0);
    const before = snapshot(join(cwd, "t"));
    const again = cli(args, { cwd });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("t is up to date: nothing to change.");
    expect(snapshot(join(cwd, "t"))).toEqual(before);
    const other = cli([...args.slice(0, -1), "other@b.c"], { cwd });
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/^create-nix-home: t is not empty; use --force/);
    expect(snapshot(join(cwd, "t"))).toEqual(before);
  });

  it("--force writes only our files into a non-empty directory", () => {
    const cwd = tmp();
    write(cwd, {
      "t/notes.txt": "mine\n",
      "t/flake.nix": "{ }\n",
      "t/.gitignore": "*.log\n",
      "t/profiles/extra.nix": "{ }\n",
    });
    const refused = cli(["t", "--yes", "--no-git"], { cwd });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^create-nix-home: t is not empty; use --force/);
    const r = cli(["t", "--yes", "--no-git", "--force"], { cwd });
    expect(r.status, r.stderr).toBe(0);
    const after = snapshot(join(cwd, "t"));
    expect(after["notes.txt"]).toBe("file 644 mine\n");
    expect(after["profiles/extra.nix"]).toBe("file 644 { }\n");
    expect(after["flake.nix"]).toBe(`file 644 ${golden("flake.nix")}`);
    // .gitignore keeps the user's lines and gains ours.
    expect(after[".gitignore"]).toMatch(/^file 644 \*\.log\n\n# Nix build results\nresult\n/);
  });

  it("prints the switch command of this machine's host when the hostname matches", () => {
    const cwd = tmp();
    const host = spawnSync("hostname", { encoding: "utf8" }).stdout.trim().split(".")[0] ?? "";
    if (!/^[A-Za-z0-9-]+$/.test(host) || host.startsWith("-")) return;
    const r = cli(["x", "--yes", "--no-git", "--host", `laptop,${host}`], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`--flake .#bigboss@${host}`);
  });
});

describe("the one edit path", () => {
  it("adds hosts and templates as plop would: homes derived, headless hosts on vim, clashes refused", () => {
    const cwd = tmp();
    const r = cli(
      [
        "repo",
        "--yes",
        "--no-git",
        "--editor",
        "vscode",
        "--host",
        "laptop,work-server,mac:aarch64-darwin",
        "--template",
        "py,python,go",
      ],
      { cwd },
    );
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(cwd, "repo", "nixhome.json"), "utf8"));
    // The Darwin host's home is /Users/bigboss: flake.nix derives it, nothing stores it.
    expect(json.hosts.mac).toEqual({ system: "aarch64-darwin", layers: ["base", "personal"] });
    // No desktop on work-server: the editor is overridden in its entry, not baked into a file.
    expect(json.hosts["work-server"].editor).toBe("vim");
    expect(json.hosts.laptop.editor).toBeUndefined();
    expect(json.templates).toEqual(["python", "go"]);
    const clash = cli(["other", "--yes", "--no-git", "--host", "laptop,Laptop"], { cwd });
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(/--host Laptop is given twice/);
  });

  it("--config goes through the same edits: a spec plop would refuse is refused", () => {
    const cwd = tmp();
    write(cwd, {
      "c.json": JSON.stringify({
        version: 1,
        user: { name: "A", email: "a@b.c", username: "a" },
        system: "x86_64-linux",
        hosts: { box: { system: "x86_64-darwin" } },
      }),
    });
    const r = cli(["t", "--yes", "--no-git", "--config", "c.json"], { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/x86_64-darwin is not supported by nixpkgs on the unstable channel/);
  });
});

describeNix("what the CLI writes, read by Nix", () => {
  it("parses, and keeps a hostile name exactly", () => {
    const cwd = tmp();
    const name = "Big \"Boss\" ${HOME} \\ ''${x}";
    const r = cli(["repo", "--yes", "--no-git", "--name", name, "--editor", "vscode"], { cwd });
    expect(r.status, r.stderr).toBe(0);
    nixParse(nixFilesUnder(join(cwd, "repo")));
    // The name is data: nixhome.json holds it, no .nix file does.
    const json = JSON.parse(readFileSync(join(cwd, "repo", "nixhome.json"), "utf8"));
    expect(json.user.name).toBe(name);
    const got = nixEvalJson(
      `(builtins.fromJSON (builtins.readFile ${join(cwd, "repo", "nixhome.json")})).user.name`,
    );
    expect(got).toBe(name);
  });
});
