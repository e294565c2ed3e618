/** Building blocks of hostile setups. */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  linkSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import type { Box, RunResult, Tree } from "./harness.js";

export const USER_FLAKE = "# my own flake, by hand\n{ outputs = _: { mine = true; }; }\n";
export const SECRET_ENVRC = "export API_TOKEN=s3cr3t-do-not-leak\n";
export const LATIN1 = Buffer.from([
  0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a, 0xff, 0xfe, 0x2f, 0x0a,
]);

export function file(path: string, content: string | Buffer = "x\n", mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  chmodSync(path, mode);
}
export function dir(path: string, mode = 0o755): void {
  mkdirSync(path, { recursive: true });
  chmodSync(path, mode);
}
export function link(path: string, to: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(to, path);
}
export function hardlink(path: string, existing: string): void {
  mkdirSync(dirname(path), { recursive: true });
  linkSync(existing, path);
}
export function fifo(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const r = spawnSync("mkfifo", [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path} failed`);
}
export function chardev(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const r = spawnSync("mknod", [path, "c", "1", "3"]);
  if (r.status !== 0) throw new Error(`mknod ${path} failed`);
}
export function own(path: string, uid: number, gid = uid): void {
  chownSync(path, uid, gid);
}

/** Problems unless every line of the file ends with CRLF. */
export function allCrlf(b: Box, rel: string): string[] {
  const text = readFileSync(join(b.t, rel), "latin1");
  const bare = text
    .split("\n")
    .slice(0, -1)
    .filter((l) => !l.endsWith("\r"));
  return bare.length
    ? [`${rel}: ${bare.length} line(s) end with LF, not CRLF: ${JSON.stringify(bare.slice(0, 3))}`]
    : [];
}

/** Problems unless the file at rel contains `needle`. */
export function contains(b: Box, rel: string, needle: string): string[] {
  const text = readFileSync(join(b.t, rel), "latin1");
  return text.includes(needle) ? [] : [`${rel} does not contain ${JSON.stringify(needle)}`];
}

/** Problems unless some path matching `re` holds exactly `content`. */
export function someFileHolds(b: Box, after: Tree, re: RegExp, content: string): string[] {
  for (const [k, v] of after)
    if (re.test(k) && v.startsWith("file") && readFileSync(join(b.root, k), "utf8") === content)
      return [];
  return [`no file matching ${re} holds ${JSON.stringify(content.slice(0, 40))}`];
}

export const ok = (_b: Box, _r: RunResult): string[] => [];

/** Run git in a setup (identity and config of its own: nothing of the machine's). */
function git(cwd: string, ...args: string[]): void {
  const r = spawnSync("git", ["-c", "init.defaultBranch=main", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

/**
 * A repository in `dir` whose own .git/config defines a filter driver that every file goes
 * through (`* filter=evil`): `git add` there would run `touch marker`.
 */
export function gitWithFilter(dir: string, marker: string): void {
  mkdirSync(dir, { recursive: true });
  git(dir, "init", "-q");
  git(dir, "config", "filter.evil.clean", `touch '${marker}'; cat`);
  git(dir, "config", "filter.evil.process", `touch '${marker}'`);
  writeFileSync(join(dir, ".gitattributes"), "* filter=evil\n");
}

/** A real repository at `repo`, and `dir/.git` pointing at it (a gitdir file, or a symlink). */
export function gitLinkedTo(dir: string, repo: string, how: "file" | "symlink"): void {
  mkdirSync(repo, { recursive: true });
  git(repo, "init", "-q");
  writeFileSync(join(repo, "theirs"), "their file\n");
  git(repo, "add", "theirs");
  mkdirSync(dir, { recursive: true });
  if (how === "file") writeFileSync(join(dir, ".git"), `gitdir: ${join(repo, ".git")}\n`);
  else symlinkSync(join(repo, ".git"), join(dir, ".git"));
}
