/**
 * End to end: the built CLI (dist/cli.js, `tsup` first; turbo builds before
 * tests) run with node in temporary projects, non-interactive (stdin is a pipe).
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findPreset, presets, renderDevShell } from "@nixhome/core";
import { beforeAll, describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const PKG = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npx tsup` (or turbo build)");
});

function tmp(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "nix-devshell-cli-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}
function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Result {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    input: "",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file below dir with its content (to prove nothing changed). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, `${prefix}${e.name}/`);
      else if (e.isSymbolicLink()) out[`${prefix}${e.name}`] = "<symlink>";
      else out[`${prefix}${e.name}`] = readFileSync(p, "utf8");
    }
  };
  walk(dir, "");
  return out;
}

/** One line on stderr, prefixed with the program name. */
function expectOneErrorLine(r: Result, pattern: RegExp): void {
  expect(r.stderr.endsWith("\n")).toBe(true);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^create-nix-devshell: /);
  expect(lines[0]).toMatch(pattern);
}

const expected = (...words: string[]) =>
  renderDevShell({
    choices: words.map((w) => {
      const [id, version] = w.split("@") as [string, string | undefined];
      const preset = findPreset(id);
      if (!preset) throw new Error(id);
      return version ? { preset, version } : { preset };
    }),
  });

describe("information", () => {
  it("--version prints package.json's version", () => {
    const dir = tmp();
    for (const flag of ["--version", "-v"]) {
      const r = cli([flag], dir);
      expect(r).toEqual({ code: 0, stdout: `${PKG.version}\n`, stderr: "" });
    }
  });

  it("--help shows usage, options and a version flag for every knob", () => {
    const r = cli(["--help"], tmp());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^create-nix-devshell \S+\n/);
    for (const opt of ["--list", "--yes", "--dry-run", "--force", "--dir", "--channel"])
      expect(r.stdout).toContain(opt);
    for (const opt of ["--allow-unfree", "--from-home"]) expect(r.stdout).toContain(opt);
    for (const p of presets)
      if (p.version)
        expect(r.stdout).toContain(`--${p.version.flag} ${Object.keys(p.version.attrs).join("|")}`);
    for (const flag of ["python", "node", "go", "java", "ruby", "php"])
      expect(r.stdout).toContain(`--${flag} `);
  });

  it("--list shows every preset with its aliases and packages", () => {
    const r = cli(["--list"], tmp());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${presets.length} languages`);
    for (const p of presets) {
      const block = r.stdout.split("\n").findIndex((l) => l.startsWith(`${p.id}`));
      expect(block, p.id).toBeGreaterThanOrEqual(0);
      const head = r.stdout.split("\n")[block] as string;
      for (const a of p.aliases) expect(head).toContain(a);
      for (const pkg of p.packages) expect(r.stdout).toContain(pkg);
      if (p.version)
        for (const attr of Object.values(p.version.attrs)) expect(r.stdout).toContain(attr);
    }
  });
});

describe("writing a dev shell", () => {
  it("writes flake.nix, .envrc and .gitignore for named languages", () => {
    const dir = tmp();
    const r = cli(["rust"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const plan = expected("rust");
    for (const f of plan) expect(readFileSync(join(dir, f.path), "utf8")).toBe(f.content);
    expect(r.stdout).toContain("Dev shell for Rust");
    expect(r.stdout).toMatch(/create\s+flake\.nix/);
    expect(r.stdout).toContain("direnv allow");
    expect(r.stdout).toContain("nix develop");
  });

  it("composes several languages into one shell, with versions from flags", () => {
    const dir = tmp();
    const r = cli(["python", "js", "--python", "3.12", "--node=22"], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toBe(
      (expected("python@3.12", "node@22")[0] as { content: string }).content,
    );
  });

  it("changes nothing when run twice with the same choice, and says so", () => {
    const dir = tmp({ "Cargo.toml": "[package]\n" });
    expect(cli(["--yes"], dir).code).toBe(0);
    const before = snapshot(dir);
    const mtime = statSync(join(dir, "flake.nix")).mtimeMs;
    const again = cli(["--yes"], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nothing to change");
    expect(snapshot(dir)).toEqual(before);
    expect(statSync(join(dir, "flake.nix")).mtimeMs).toBe(mtime);
  });

  it("adds to an existing .envrc and .gitignore once, never duplicating lines", () => {
    const dir = tmp({
      ".envrc": "dotenv_if_exists\n",
      ".gitignore": "dist/\n.direnv/\n",
      "pyproject.toml": "[project]\n",
    });
    expect(cli(["--yes"], dir).code).toBe(0);
    const envrc = readFileSync(join(dir, ".envrc"), "utf8");
    expect(envrc.startsWith("dotenv_if_exists\n")).toBe(true);
    expect(envrc.match(/^use flake$/gm)).toHaveLength(1);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe(
      "dist/\n.direnv/\n\n# Nix dev shell\n.venv/\n",
    );
    const before = snapshot(dir);
    expect(cli(["--yes"], dir).stdout).toContain("Nothing to change");
    expect(snapshot(dir)).toEqual(before);
  });

  it("a version flag alone picks its language", () => {
    const dir = tmp();
    const r = cli(["--go", "1.27", "--yes"], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toContain("pkgs.go_1_27");
  });

  it("--channel 26.05 adds x86_64-darwin and pins nixos-26.05", () => {
    const dir = tmp();
    expect(cli(["go", "--channel", "26.05"], dir).code).toBe(0);
    const flake = readFileSync(join(dir, "flake.nix"), "utf8");
    expect(flake).toContain("github:NixOS/nixpkgs/nixos-26.05");
    expect(flake).toContain('"x86_64-darwin"');
  });

  it("--allow-unfree NAME allows exactly that package by name", () => {
    const dir = tmp();
    const r = cli(["hashi", "--allow-unfree", "terraform"], dir);
    expect(r.code).toBe(0);
    const flake = readFileSync(join(dir, "flake.nix"), "utf8");
    expect(flake.replace(/\s+/g, " ")).toContain(
      'allowUnfreePredicate = pkg: builtins.elem (nixpkgs.lib.getName pkg) [ "terraform" ];',
    );
    expect(flake).not.toMatch(/allowUnfree\s*=\s*true/);
    expect(flake).toContain("pkgs.terraform\n");
  });

  it("says git add in a git repository (flakes only see tracked files)", () => {
    const dir = tmp({ ".git/HEAD": "ref: refs/heads/main\n" });
    const r = cli(["go"], dir);
    expect(r.stdout).toContain("git add flake.nix .envrc");
  });

  it("does not tell git to add a file the project's own rules ignore (.env* covers .envrc)", () => {
    const dir = tmp({ ".gitignore": "/.env*\n" });
    expect(spawnSync("git", ["init", "-q", dir]).status).toBe(0);
    const r = cli(["go"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  git add flake.nix   #");
    expect(r.stdout).not.toContain("git add flake.nix .envrc");
    expect(r.stdout).toContain(".envrc is ignored by this project's git rules");
  });

  it("asks git what is ignored without running the project's own git config (core.fsmonitor)", () => {
    const dir = tmp({ ".gitignore": "/.env*\n" });
    expect(spawnSync("git", ["init", "-q", dir]).status).toBe(0);
    const marker = join(dir, "..", `fsmonitor-ran-${process.pid}`);
    writeFileSync(join(dir, "monitor.sh"), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    expect(
      spawnSync("git", ["-C", dir, "config", "core.fsmonitor", join(dir, "monitor.sh")]).status,
    ).toBe(0);
    spawnSync("git", ["-C", dir, "add", ".gitignore"], {
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1" },
    });
    rmSync(marker, { force: true });
    const r = cli(["go"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  git add flake.nix   #");
    expect(existsSync(marker)).toBe(false);
  });

  it("-C / --dir chooses the project folder", () => {
    const parent = tmp({ "app/go.mod": "module x\n\ngo 1.27\n" });
    const r = cli(["-C", "app", "--yes"], parent);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("cd app");
    expect(readFileSync(join(parent, "app", "flake.nix"), "utf8")).toContain("pkgs.go_1_27");
    expect(existsSync(join(parent, "flake.nix"))).toBe(false);
  });
});

describe("detection without a language", () => {
  it("--yes takes the detected languages and versions, and says why", () => {
    const dir = tmp({
      "pyproject.toml": "[project]\n",
      ".python-version": "3.12.4\n",
      "web/package.json": '{"name":"web"}',
      "web/.nvmrc": "22\n",
    });
    const r = cli(["--yes"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/python\s+pyproject\.toml; \.python-version asks for 3\.12\.4/);
    expect(r.stdout).toMatch(/node\s+web\/package\.json; web\/\.nvmrc asks for 22/);
    const flake = readFileSync(join(dir, "flake.nix"), "utf8");
    expect(flake).toContain("pkgs.python312");
    expect(flake).toContain("pkgs.nodejs_22");
    // The subproject's node_modules/.bin, not the root's.
    expect(flake).toContain('export PATH="$project_root/web/node_modules/.bin:$PATH"');
    expect(readFileSync(join(dir, ".envrc"), "utf8")).toContain("watch_file web/package.json");
  });

  it("without a TTY takes the detection too (nothing to confirm with)", () => {
    const dir = tmp({ "Cargo.toml": "[package]\n" });
    expect(cli([], dir).code).toBe(0);
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toContain("pkgs.cargo");
  });

  it("reports replaced presets and version hints it cannot use", () => {
    const dir = tmp({ "package.json": "{}", "bun.lock": "{}", ".nvmrc": "16\n" });
    const r = cli(["--yes"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("note: bun replaces node (bun.lock)");
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).not.toContain("nodejs");
  });

  it("fails with how to choose when nothing is detected and there is no TTY", () => {
    const dir = tmp({ "README.md": "# hi\n" });
    const before = snapshot(dir);
    const r = cli([], dir);
    expect(r.code).toBe(1);
    expectOneErrorLine(r, /no language detected/);
    expect(r.stderr).toContain("create-nix-devshell <language>");
    expect(r.stderr).toContain("--list");
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("bad input: one line, exit ≠ 0, nothing written", () => {
  const cases: Array<[string, string[], number, RegExp]> = [
    ["unknown language", ["pyhton"], 2, /unknown language "pyhton"; did you mean python/],
    ["unknown option", ["--pyhton", "3.12"], 2, /unknown option --pyhton; did you mean --python\?/],
    [
      "unsupported version",
      ["python", "--python", "2.7"],
      2,
      /Python 2\.7 is not available; supported --python versions: 3\.11, 3\.12, 3\.13, 3\.14/,
    ],
    ["missing value", ["go", "--go"], 2, /--go needs a value/],
    ["unknown channel", ["go", "--channel", "25.11"], 2, /unknown channel "25\.11"; use one of/],
    [
      "shared version flag alone",
      ["--dotnet", "9"],
      2,
      /--dotnet is the version of csharp and fsharp/,
    ],
    [
      "unfree package no preset offers",
      ["python", "--allow-unfree", "terraform"],
      1,
      /--allow-unfree terraform: not an unfree package of the chosen presets/,
    ],
    [
      "version flag with --from-home",
      ["python", "--from-home", "~/hm", "--python", "3.12"],
      2,
      /--python has no effect with --from-home/,
    ],
    ["flake ref with an attribute", ["python", "--from-home", "~/hm#py"], 2, /without #attribute/],
  ];
  for (const [name, args, code, pattern] of cases)
    it(name, () => {
      const dir = tmp({ "pyproject.toml": "[project]\n" });
      const before = snapshot(dir);
      const r = cli(args, dir);
      expect(r.code).toBe(code);
      expectOneErrorLine(r, pattern);
      expect(r.stdout).toBe("");
      expect(snapshot(dir)).toEqual(before);
    });

  it("a target that is a file or does not exist", () => {
    const dir = tmp({ "notes.txt": "x" });
    const r1 = cli(["go", "--dir", "notes.txt"], dir);
    expect(r1.code).toBe(1);
    expectOneErrorLine(r1, /notes\.txt is not a directory$/);
    const r2 = cli(["go", "-C", "missing"], dir);
    expect(r2.code).toBe(1);
    expectOneErrorLine(r2, /missing does not exist/);
    expect(snapshot(dir)).toEqual({ "notes.txt": "x" });
  });

  it("a .gitignore that is a symlink leading outside the project", () => {
    const outside = tmp({ ignore: "secret/\n" });
    const dir = tmp();
    symlinkSync(join(outside, "ignore"), join(dir, ".gitignore"));
    const r = cli(["python"], dir);
    expect(r.code).toBe(1);
    expectOneErrorLine(
      r,
      /\.gitignore is a symlink leading outside .*; refusing to write through it/,
    );
    expect(readFileSync(join(outside, "ignore"), "utf8")).toBe("secret/\n");
    expect(readdirSync(dir)).toEqual([".gitignore"]);
  });

  it("a read-only project folder", () => {
    const dir = join(tmp(), "readonly");
    mkdirSync(dir);
    chmodSync(dirname(dir), 0o755);
    writeFileSync(join(dir, "go.mod"), "module x\n");
    chmodSync(dir, 0o555);
    let r: Result;
    if (process.getuid?.() !== 0) r = cli(["--yes"], dir);
    else {
      // Root ignores permission bits: run as `nobody`.
      const s = spawnSync(
        "setpriv",
        ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI, "--yes"],
        { cwd: dir, encoding: "utf8", input: "" },
      );
      r = { code: s.status, stdout: s.stdout, stderr: s.stderr };
    }
    expect(r.code).toBe(1);
    expectOneErrorLine(r, /cannot write to .*readonly: permission denied$/);
    expect(readdirSync(dir)).toEqual(["go.mod"]);
  });
});

describe("an existing flake.nix", () => {
  it("is never overwritten without --force; --force keeps a .bak", () => {
    const mine = "{ outputs = { self }: { }; }\n";
    const dir = tmp({ "flake.nix": mine });
    const r = cli(["go"], dir);
    expect(r.code).toBe(1);
    expectOneErrorLine(r, /flake\.nix already exists in .* with other content; use --force/);
    expect(snapshot(dir)).toEqual({ "flake.nix": mine });

    const forced = cli(["go", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/overwrite flake\.nix/);
    expect(forced.stdout).toContain("flake.nix.bak");
    expect(readFileSync(join(dir, "flake.nix.bak"), "utf8")).toBe(mine);
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toContain("pkgs.gopls");
  });
});

describe("--dry-run", () => {
  it("prints the files and diffs, and writes nothing", () => {
    const dir = tmp({ "pyproject.toml": "[project]\n", ".gitignore": "dist/\n" });
    const before = snapshot(dir);
    const r = cli(["--yes", "--dry-run"], dir);
    expect(r.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(r.stdout).toContain("nothing is written");
    expect(r.stdout).toMatch(/create\s+flake\.nix/);
    expect(r.stdout).toMatch(/append\s+\.gitignore/);
    expect(r.stdout).toContain("+ .venv/");
    expect(r.stdout).toContain("--- flake.nix (new file)");
    expect(r.stdout).toContain((expected("python")[0] as { content: string }).content);
  });

  it("shows the difference with an existing flake.nix, says the real run would stop, exits 0", () => {
    for (const args of [
      ["go", "--dry-run"],
      ["go", "--dry-run", "--yes"],
      ["--yes", "--dry-run"],
    ]) {
      const dir = tmp({ "flake.nix": "{ }\n", "go.mod": "module x\n" });
      const r = cli(args, dir);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stdout).toMatch(/CONFLICT\s+flake\.nix/);
      expect(r.stdout).toContain("- { }");
      expect(r.stdout).toMatch(/Without --dry-run this run would stop here: .*use --force/);
      expect(r.stderr).toBe("");
      expect(snapshot(dir)).toEqual({ "flake.nix": "{ }\n", "go.mod": "module x\n" });
    }
  });
});

describe("--from-home", () => {
  it("writes only .envrc reusing the home repository's shells", () => {
    const dir = tmp();
    const home = tmp({
      "home-manager/flake.nix": "{ }\n",
      "home-manager/nixhome.json": JSON.stringify({ templates: ["python", "node", "go"] }),
    });
    const r = cli(["python", "node", "--from-home", "~/home-manager"], dir, { HOME: home });
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual([".envrc"]);
    const lines = readFileSync(join(dir, ".envrc"), "utf8").split("\n");
    expect(lines.filter((l) => !l.startsWith("#") && l)).toEqual([
      "use flake ~/home-manager#python",
      "use flake ~/home-manager#node",
    ]);
    expect(r.stdout).toContain("direnv allow");
    expect(r.stdout).not.toContain("nix develop");
  });

  it("refuses a repository that does not exist or lacks the template, writing nothing", () => {
    const home = tmp({
      "hm/flake.nix": "{ }\n",
      "hm/nixhome.json": JSON.stringify({ templates: ["python"] }),
      "bare/README": "",
    });
    for (const [ref, why] of [
      ["~/nope", /~\/nope: .*nope does not exist$/],
      ["~/bare", /has no flake\.nix/],
      ["~/hm", /has no dev shell for node \(it offers: python\); add the template there first/],
    ] as const) {
      const dir = tmp();
      const r = cli(["python", "node", "--from-home", ref], dir, { HOME: home });
      expect(r.code, ref).toBe(1);
      expectOneErrorLine(r, why);
      expect(readdirSync(dir), ref).toEqual([]);
    }
  });
});

const hasScript = spawnSync("script", ["--version"], { stdio: "ignore" }).status === 0;

describe("interactive (a real terminal through script(1))", () => {
  function tty(dir: string, keys: string[]): Result {
    const feed = keys.map((k) => `sleep 1; printf '${k}'`).join("; ");
    const r = spawnSync(
      "sh",
      [
        "-c",
        `(${feed}; sleep 1) | script -qefc "stty cols 100 rows 40; ${process.execPath} ${CLI}" /dev/null`,
      ],
      { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 20_000 },
    );
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it.skipIf(!hasScript)("Ctrl-C at the prompt exits 130 and writes nothing", () => {
    const dir = tmp({ "package.json": "{}" });
    const r = tty(dir, ["\\003"]);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain("cancelled; nothing was written");
    expect(readdirSync(dir)).toEqual(["package.json"]);
  });

  it.skipIf(!hasScript)("Enter confirms the preselected detection", () => {
    const dir = tmp({ "package.json": "{}" });
    const r = tty(dir, ["\\r"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("detected: package.json");
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toContain("pkgs.nodejs_24");
  });
});
