/**
 * Running git inside a user's project or repository. That folder is untrusted
 * (it may come from an archive with its own .git), and git runs some configured
 * commands by itself: `core.fsmonitor` whenever it reads the index, hooks on
 * some commands, filter drivers on every file `git add` reads.
 */
import { lstatSync } from "node:fs";
import { join } from "node:path";
import { builtin } from "../builtin.js";

/** Before every git command: these win over the repository's own settings. */
export const UNTRUSTED_GIT_ARGS: readonly string[] = [
  "-c",
  "core.fsmonitor=false",
  "-c",
  "core.hooksPath=/dev/null",
];

/**
 * Why git must not stage files in `dir`, or null. Two things an untrusted
 * folder can carry that no command-line setting turns off:
 * - a `.git` that is a file or a symlink: git follows it to another
 *   repository and would write that one's index and objects;
 * - a filter driver defined by the repository's own config (`local` or
 *   `worktree` scope, includes too): `filter.<name>.clean`/`.process` is a
 *   command `git add` runs on each file whose attributes name it.
 * The global and system config are the user's own and stay in force (git-lfs).
 * Asks git only when `dir/.git` is a folder: without one, `git init` makes a
 * fresh repository. Pass the work tree's top folder (`git rev-parse
 * --show-toplevel`) when the repository may be a parent folder's.
 */
export function gitRefusal(dir: string): string | null {
  let st: ReturnType<typeof lstatSync> | null = null;
  try {
    st = lstatSync(join(dir, ".git"));
  } catch {
    return null;
  }
  if (!st.isDirectory())
    return `its .git is ${st.isSymbolicLink() ? "a symlink" : "a file"}, which points git at another repository`;
  const r = builtin("node:child_process").spawnSync(
    "git",
    [
      ...UNTRUSTED_GIT_ARGS,
      "-C",
      dir,
      "config",
      "--show-scope",
      "--get-regexp",
      "^filter\\..*\\.(clean|process)$",
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
  );
  const names = new Set<string>();
  for (const line of (r.stdout ?? "").split("\n")) {
    const m = /^(?:local|worktree)\tfilter\.(.+)\.(?:clean|process) /.exec(line);
    if (m) names.add(m[1] as string);
  }
  if (names.size === 0) return null;
  // Names are the folder's text: quoted (no control characters), short, a few.
  const shown = [...names]
    .slice(0, 3)
    .map((n) => JSON.stringify(n.length > 40 ? `${n.slice(0, 40)}…` : n))
    .join(", ");
  return `its .git/config defines the filter ${shown}, a command git add would run`;
}
