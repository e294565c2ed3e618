/**
 * Step 3 (--fix): the one place nixhome writes. Each changed file is planned
 * as an edit of the text we read (`replaces`), so core's writer applies all of
 * them in one transaction and refuses a file someone changed meanwhile.
 * --dry-run plans the same and shows the diff instead.
 */
import { applyPlan, type Change, type FilePlan, formatChanges, planChanges } from "@nixhome/core";
import type { Context } from "../context.js";
import type { Checked } from "./check.js";

export interface Fixed {
  /** Relative paths written (or that would be, with --dry-run). */
  files: string[];
  changes: Change[];
  /** The diff text (--dry-run). */
  diff?: string;
}

export function fixFiles(ctx: Context, checked: readonly Checked[]): Fixed {
  const plan: FilePlan = checked
    .filter((c) => c.result && c.result.text !== c.source)
    .map((c) => ({
      path: c.path,
      content: c.result?.text ?? c.source,
      replaces: c.source,
      mode: c.mode,
    }));
  if (!plan.length) return { files: [], changes: [] };
  if (ctx.dryRun) {
    const changes = planChanges(plan, ctx.dir, { diff: true });
    return { files: plan.map((p) => p.path), changes, diff: formatChanges(changes, true) };
  }
  const result = applyPlan(plan, ctx.dir);
  for (const w of result.warnings) ctx.stderr(`nixhome: warning: ${w}\n`);
  return { files: result.written, changes: result.changes };
}
