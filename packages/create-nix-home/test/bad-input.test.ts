// Bad input: one clear line on stderr, a non-zero exit code, and the target
// (indeed the whole working directory) exactly as it was.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BOSS, CLI, cli, snapshot, tmp, write } from "./support.js";

interface Case {
  what: string;
  args: string[];
  /** Prepare the working directory. */
  setup?: (cwd: string) => void;
  env?: NodeJS.ProcessEnv;
  code: number;
  message: RegExp;
}

const YES = ["--yes", "--no-git"];

const cases: Case[] = [
  {
    what: "a username with a space",
    args: ["t", ...YES, "--username", "bad name"],
    code: 2,
    message: /--username: "bad name" is not a valid username/,
  },
  {
    what: "a username with a path",
    args: ["t", ...YES, "--username", "../x"],
    code: 2,
    message: /--username: "\.\.\/x" is not a valid username/,
  },
  {
    what: "a username like a flag",
    args: ["t", ...YES, "--username=-rf"],
    code: 2,
    message: /--username: "-rf" is not a valid username/,
  },
  {
    what: "a flag value that looks like a flag",
    args: ["t", ...YES, "--username", "-rf"],
    code: 2,
    message: /--username/,
  },
  {
    what: "a host name with a space",
    args: ["t", ...YES, "--host", "bad name"],
    code: 2,
    message: /--host: "bad name" is not a valid host name/,
  },
  {
    what: "a host name with a path",
    args: ["t", ...YES, "--host", "../x"],
    code: 2,
    message: /--host: "\.\.\/x" is not a valid host name/,
  },
  {
    what: "a host name like a flag",
    args: ["t", ...YES, "--host=-rf"],
    code: 2,
    message: /--host: "-rf" is not a valid host name/,
  },
  {
    what: "a host given twice",
    args: ["t", ...YES, "--host", "laptop", "--host", "Laptop"],
    code: 2,
    message: /--host Laptop is given twice/,
  },
  {
    what: "a host with an unknown system",
    args: ["t", ...YES, "--host", "pi:riscv64-linux"],
    code: 2,
    message: /--host pi: unknown system "riscv64-linux"/,
  },
  {
    what: "a host with too many colons",
    args: ["t", ...YES, "--host", "a:b:c"],
    code: 2,
    message: /expected NAME or NAME:SYSTEM/,
  },
  {
    what: "an unknown system",
    args: ["t", ...YES, "--system", "x86_64-linx"],
    code: 2,
    message: /--system: unknown system "x86_64-linx".*did you mean x86_64-linux/,
  },
  {
    what: "x86_64-darwin on unstable",
    args: ["t", ...YES, "--system", "x86_64-darwin", "--channel", "unstable"],
    code: 2,
    message:
      /--system: x86_64-darwin is not supported by nixpkgs on the unstable channel; use --channel 26\.05/,
  },
  {
    what: "an x86_64-darwin host on unstable",
    args: ["t", ...YES, "--host", "old:x86_64-darwin", "--channel", "unstable"],
    code: 2,
    message: /--host old: x86_64-darwin is not supported/,
  },
  {
    what: "an unknown shell",
    args: ["t", ...YES, "--shell", "zhs"],
    code: 2,
    message: /--shell: unknown shell "zhs".*did you mean zsh\?/,
  },
  {
    what: "an unknown template",
    args: ["t", ...YES, "--template", "pyhton"],
    code: 2,
    message: /--template: unknown template "pyhton"; did you mean python/,
  },
  {
    what: "a template nobody knows",
    args: ["t", ...YES, "--template", "python,qqqqqq"],
    code: 2,
    message: /--template: unknown template "qqqqqq"; known: .*python/,
  },
  {
    what: "an unknown editor",
    args: ["t", ...YES, "--editor", "emacs"],
    code: 2,
    message: /--editor: unknown editor "emacs"/,
  },
  {
    what: "an unknown channel",
    args: ["t", ...YES, "--channel", "25.11"],
    code: 2,
    message: /--channel: unknown channel "25\.11"/,
  },
  {
    what: "a state version Home Manager refuses",
    args: ["t", ...YES, "--state-version", "27.05"],
    code: 2,
    message: /--state-version: state version "27\.05" is not one Home Manager accepts/,
  },
  {
    what: "an email without @",
    args: ["t", ...YES, "--email", "bigboss"],
    code: 2,
    message: /--email: "bigboss" is not an email address/,
  },
  {
    what: "an empty name",
    args: ["t", ...YES, "--name", " "],
    code: 2,
    message: /--name: the name is empty/,
  },
  {
    what: "a relative home",
    args: ["t", ...YES, "--home", "home/bigboss"],
    code: 2,
    message: /--home: "home\/bigboss" is not an absolute path/,
  },
  {
    what: "an unknown option",
    args: ["t", ...YES, "--nmae", "x"],
    code: 2,
    message: /unknown option --nmae; did you mean --name\?/,
  },
  {
    what: "a flag without its value",
    args: ["t", ...YES, "--username"],
    code: 2,
    message: /--username/,
  },
  {
    what: "two directories",
    args: ["a", "b", ...YES],
    code: 2,
    message: /one directory expected, got 2: a b/,
  },
  {
    what: "--git with --no-git",
    args: ["t", "--yes", "--git", "--no-git"],
    code: 2,
    message: /--git and --no-git contradict/,
  },
  {
    what: "a missing --config file",
    args: ["t", ...YES, "--config", "nope.json"],
    code: 2,
    message: /--config nope\.json: no such file/,
  },
  {
    what: "a --config that is not JSON",
    args: ["t", ...YES, "--config", "bad.json"],
    setup: (d) => write(d, { "bad.json": "{ nope" }),
    code: 2,
    message: /bad\.json: not valid JSON/,
  },
  {
    what: "a --config of another version",
    args: ["t", ...YES, "--config", "v2.json"],
    setup: (d) => write(d, { "v2.json": '{"version": 2}' }),
    code: 2,
    message: /v2\.json: version: unsupported version 2/,
  },
  {
    what: "a --config with a bad host",
    args: ["t", ...YES, "--config", "c.json"],
    setup: (d) =>
      write(d, {
        "c.json": JSON.stringify({
          version: 1,
          user: { name: "A", email: "a@b.c", username: "a" },
          system: "x86_64-linux",
          hosts: { "bad host": {} },
        }),
      }),
    code: 2,
    message: /c\.json: hosts: "bad host" is not a valid host name/,
  },
  {
    what: "no terminal and no --yes",
    args: ["t", "--name", "X"],
    code: 2,
    message:
      /no terminal to ask questions on: pass --yes to take the defaults, or give --email, --username, --system, --home, --shell, --editor, --host, --template, --channel, --git\/--no-git/,
  },
  {
    what: "no terminal, no directory",
    args: ["--no-git"],
    code: 2,
    message: /give <directory>, --name/,
  },
  {
    what: "an unusable default username",
    args: ["t", ...YES],
    env: { ...BOSS, USER: "bad name" },
    code: 2,
    message:
      /cannot use the default for --username: "bad name" is not a valid username.*give --username/,
  },
  {
    what: "a target that is a file",
    args: ["t", ...YES],
    setup: (d) => write(d, { t: "a file\n" }),
    code: 1,
    message: /t exists and is not a directory/,
  },
  {
    what: "a non-empty target without --force",
    args: ["t", ...YES],
    setup: (d) => write(d, { "t/mine.txt": "x\n" }),
    code: 1,
    message: /t is not empty; use --force/,
  },
  {
    what: "a non-empty default directory",
    args: [...YES],
    setup: (d) => write(d, { "home-manager/x": "" }),
    code: 1,
    message: /home-manager is not empty; use --force/,
  },
  {
    what: "a symlink leading outside the target",
    args: ["t", ...YES, "--force"],
    setup: (d) => {
      mkdirSync(join(d, "t"));
      mkdirSync(join(d, "elsewhere"));
      symlinkSync(join(d, "elsewhere"), join(d, "t", "profiles"));
    },
    code: 1,
    message: /t\/profiles is a symlink leading outside .*t; refusing to write through it/,
  },
  {
    what: "a directory where a file goes",
    args: ["t", ...YES, "--force"],
    setup: (d) => mkdirSync(join(d, "t", "flake.nix"), { recursive: true }),
    code: 1,
    message: /t\/flake\.nix is a directory, expected a file/,
  },
];

describe("bad input", () => {
  it(`has at least 25 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });
  for (const c of cases)
    it(`refuses ${c.what}`, () => {
      const cwd = tmp();
      c.setup?.(cwd);
      const before = snapshot(cwd);
      const r = cli(c.args, { cwd, env: c.env ?? BOSS });
      expect(r.stderr).toMatch(/^create-nix-home: [^\n]+\n$/);
      expect(r.stderr).toMatch(c.message);
      expect(r.status).toBe(c.code);
      expect(r.stdout).toBe("");
      expect(snapshot(cwd)).toEqual(before);
    });

  it("refuses a read-only directory and leaves it as it was", () => {
    const cwd = tmp();
    const target = join(cwd, "ro");
    mkdirSync(target);
    writeFileSync(join(cwd, "keep.txt"), "x\n");
    chmodSync(target, 0o555);
    const before = snapshot(cwd);
    // The bundle is one file: a copy anyone can read works wherever the repository lives.
    const cli = join(tmp("cnh-bin-"), "cli.cjs");
    copyFileSync(CLI, cli);
    chmodSync(cli, 0o755);
    const args = [cli, "ro", "--yes", "--no-git"];
    // Root ignores permission bits: run as `nobody` then.
    const r =
      process.getuid?.() === 0
        ? spawnSync(
            "setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, ...args],
            {
              cwd,
              env: BOSS,
              encoding: "utf8",
            },
          )
        : spawnSync(process.execPath, args, { cwd, env: BOSS, encoding: "utf8" });
    expect(r.stderr).toMatch(/^create-nix-home: cannot write to \S*ro: permission denied\n$/);
    expect(r.status).toBe(1);
    expect(snapshot(cwd)).toEqual(before);
  });
});
