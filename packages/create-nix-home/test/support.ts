// Running the built CLI the way a user does: a child process, no terminal,
// an environment we control (account, home, shell, git identity).
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

if (!existsSync(CLI))
  throw new Error(`${CLI} is missing: build first (cd packages/create-nix-home && npx tsup)`);

export function tmp(prefix = "cnh-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** A machine: an account, its home, its login shell and a global git identity. */
export function machine(opts: { gitName?: string; gitEmail?: string } = {}): NodeJS.ProcessEnv {
  const home = tmp("cnh-home-");
  const gitconfig = join(home, ".gitconfig");
  const user = [
    "[user]",
    ...(opts.gitName === undefined ? [] : [`\tname = ${opts.gitName}`]),
    ...(opts.gitEmail === undefined ? [] : [`\temail = ${opts.gitEmail}`]),
    "[init]",
    "\tdefaultBranch = main",
    "",
  ];
  writeFileSync(gitconfig, user.join("\n"));
  return {
    PATH: process.env.PATH,
    HOME: home,
    USER: "bigboss",
    SHELL: "/usr/bin/zsh",
    GIT_CONFIG_GLOBAL: gitconfig,
    GIT_CONFIG_NOSYSTEM: "1",
    LANG: "C.UTF-8",
  };
}

export const BOSS = machine({ gitName: "Big Boss", gitEmail: "bigboss@metalrodeo.xyz" });

export function cli(
  args: readonly string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string } = { cwd: tmp() },
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    env: opts.env ?? BOSS,
    input: opts.input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
}

/** Every entry below `dir` with its type, mode and content: equal snapshots mean untouched. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      const r = rel ? `${rel}/${entry}` : entry;
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[r] = `link -> ${readlinkSync(p)}`;
      else if (st.isDirectory()) {
        out[`${r}/`] = `dir ${(st.mode & 0o777).toString(8)}`;
        walk(p, r);
      } else out[r] = `file ${(st.mode & 0o777).toString(8)} ${readFileSync(p, "utf8")}`;
    }
  };
  if (existsSync(dir)) walk(dir, "");
  return out;
}

export function write(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const p = join(dir, path);
    mkdirSync(join(p, ".."), { recursive: true });
    writeFileSync(p, content);
  }
}

/** Answers for every question as flags. */
export const ALL_FLAGS = [
  "--name",
  "Big Boss",
  "--email",
  "bigboss@metalrodeo.xyz",
  "--username",
  "bigboss",
  "--home",
  "/home/bigboss",
  "--system",
  "x86_64-linux",
  "--shell",
  "zsh",
  "--editor",
  "vim",
  "--host",
  "laptop,work-server,cloud-instance",
  "--template",
  "python,node,rust",
  "--channel",
  "unstable",
  "--no-git",
];
