/**
 * Step 4: `git init` and `git add -A`, because flakes only see files git
 * knows. A failure here is reported but does not undo the written files.
 */
import { resolve } from "node:path";
import { builtin, gitRefusal, UNTRUSTED_GIT_ARGS } from "@nixhome/core";
import type { Context } from "../context.js";

export function initGit(ctx: Context, dir: string): boolean {
  const cwd = resolve(ctx.environment.cwd, dir);
  // --force may write into a folder that already has an untrusted .git of its own.
  const refused = gitRefusal(cwd);
  if (refused) {
    ctx.stderr(
      `create-nix-home: warning: git was not run: ${refused}; the files are written: git add them yourself (flakes only see files git knows)\n`,
    );
    return false;
  }
  for (const args of [
    ["init", "--quiet"],
    // Never a transaction's leftovers (nor an old version's staging folders).
    ["add", "-A", "--", ".", ":(exclude).nixhome-txn", ":(exclude).nixhome-staging-*"],
  ]) {
    const r = builtin("node:child_process").spawnSync("git", [...UNTRUSTED_GIT_ARGS, ...args], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (r.status !== 0) {
      const why = (r.stderr || r.error?.message || "failed").trim().split("\n")[0];
      ctx.stderr(
        `create-nix-home: warning: git ${args.join(" ")} failed (${why}); the files are written\n`,
      );
      return false;
    }
  }
  return true;
}
