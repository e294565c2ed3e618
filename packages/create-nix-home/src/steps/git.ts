/**
 * Step 4: `git init` and `git add` of the repository's files, because flakes
 * only see files git knows. Only the files of the plan are staged: with
 * --force the folder may hold the user's own files, which stay as git had them.
 * A failure here is reported but does not undo the written files.
 */
import { resolve } from "node:path";
import { builtin, gitRefusal, UNTRUSTED_GIT_ARGS } from "@nixhome/core";
import type { Context } from "../context.js";

/** What became of the git step: files staged, git skipped for what the folder holds, or failed. */
export type GitOutcome = "staged" | "refused" | "failed";

export function initGit(ctx: Context, dir: string, paths: readonly string[]): GitOutcome {
  const cwd = resolve(ctx.environment.cwd, dir);
  // --force may write into a folder that already has an untrusted .git of its own.
  const refused = gitRefusal(cwd);
  if (refused) {
    ctx.stderr(
      `create-nix-home: warning: git was not run: ${refused}; the files are written: git add them yourself (flakes only see files git knows)\n`,
    );
    return "refused";
  }
  for (const args of [
    ["init", "--quiet"],
    ["add", "--", ...paths],
  ]) {
    const r = builtin("node:child_process").spawnSync("git", [...UNTRUSTED_GIT_ARGS, ...args], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (r.status !== 0) {
      const why = (r.stderr || r.error?.message || "failed").trim().split("\n")[0];
      ctx.stderr(
        `create-nix-home: warning: git ${args[0]} failed (${why}); the files are written\n`,
      );
      return "failed";
    }
  }
  return "staged";
}
