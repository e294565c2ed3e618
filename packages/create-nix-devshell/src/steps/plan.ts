/**
 * Step 2: compose the chosen presets and turn them into a FilePlan, then
 * compare it with the project (reads only).
 */
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Change,
  type ComposedShell,
  composeShell,
  envrcLoadsShell,
  type FilePlan,
  gitignoreLines,
  NixhomeError,
  planChanges,
  planGitignore,
  recoverTarget,
  renderDevShell,
  shellTitle,
} from "@nixhome/core";
import type { Context } from "../context.js";
import type { Chosen } from "./languages.js";

export interface Planned {
  plan: FilePlan;
  changes: Change[];
  shell: ComposedShell;
  /** "Python 3.13 and Node.js 24" */
  title: string;
  notes: string[];
}

function readIfFile(path: string): string | undefined {
  try {
    return lstatSync(path).isFile() ? readFileSync(path, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

export function planFiles(ctx: Context, chosen: Chosen): Planned {
  const notes: string[] = [];
  if (ctx.fromHome !== undefined) {
    const flags = Object.keys(ctx.versions);
    if (flags.length)
      throw new NixhomeError(
        `--${flags[0]} has no effect with --from-home: the home repository's shell decides the version`,
        2,
      );
  }
  // A run killed half-way is undone first, so the plan compares with a whole project.
  if (!ctx.dryRun) recoverTarget(ctx.dir);
  const shell = composeShell(chosen.choices, { allowUnfree: ctx.allowUnfree });
  const existingEnvrc = readIfFile(join(ctx.dir, ".envrc"));
  const existingGitignore =
    ctx.fromHome === undefined ? readIfFile(join(ctx.dir, ".gitignore")) : undefined;
  if (existingGitignore !== undefined) {
    const dirs = [...new Set(chosen.choices.flatMap((c) => c.dirs ?? []))];
    const decision = planGitignore(existingGitignore, gitignoreLines(shell), { dirs });
    for (const s of decision.skipped)
      if (s.why !== "already ignored")
        notes.push(`.gitignore: not adding ${s.line}: ${s.why}; add it where it fits yourself`);
    if (decision.prepend.length)
      notes.push(
        `.gitignore: ${decision.prepend.join(", ")} go${decision.prepend.length === 1 ? "es" : ""} at the top, so the project's negations below still apply`,
      );
  }
  if (ctx.fromHome === undefined && existingEnvrc !== undefined && envrcLoadsShell(existingEnvrc))
    notes.push(
      ".envrc already loads a Nix shell (use flake/use nix); left that line as it is: make sure it loads this flake",
    );
  const plan = renderDevShell({
    choices: chosen.choices,
    channel: ctx.channel,
    allowUnfree: ctx.allowUnfree,
    ...(ctx.fromHome !== undefined ? { fromHome: ctx.fromHome } : {}),
    ...(existingEnvrc !== undefined ? { existingEnvrc } : {}),
  });
  const changes = planChanges(plan, ctx.dir, {
    force: ctx.force,
    backup: true,
    diff: ctx.dryRun,
  });
  return { plan, changes, shell, title: shellTitle(shell), notes };
}
