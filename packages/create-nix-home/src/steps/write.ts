/**
 * Step 3: the target directory. A non-empty target is refused unless
 * `--force` (and then only our files are written, nothing deleted); `--dry-run`
 * shows the tree and diffs and writes nothing; otherwise `applyPlan` writes
 * everything or nothing.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  type ApplyResult,
  applyPlan,
  type Change,
  existingDirectory,
  type FilePlan,
  NixhomeError,
  planChanges,
  recoverTarget,
  TXN_DIR,
} from "@nixhome/core";
import type { Context } from "../context.js";

export type TargetState = "missing" | "empty" | "non-empty";

/** What is at the target; a file (or a link to one) there is an error. */
export function targetState(target: string): TargetState {
  if (existingDirectory(target) === null) return "missing";
  try {
    // What an interrupted run left (.nixhome-txn) does not count: the write undoes it first.
    return readdirSync(target).some((name) => name !== TXN_DIR) ? "non-empty" : "empty";
  } catch (e) {
    throw new NixhomeError(`cannot read ${target}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
}

const notEmpty = (dir: string) =>
  new NixhomeError(
    `${dir} is not empty; use --force to write create-nix-home's files into it (nothing else is touched)`,
  );

/**
 * Refuse a non-empty target without --force (a dry run only warns) — except a
 * repository made before (it has a nixhome.json): running again with the same
 * answers is allowed when it would change nothing (see `upToDate`).
 */
export function checkTarget(ctx: Context, dir: string): TargetState {
  const target = resolve(ctx.environment.cwd, dir);
  // A run killed half-way is undone first (a dry run only looks), so "empty" means empty.
  if (!ctx.dryRun && targetState(target) !== "missing") recoverTarget(target);
  const state = targetState(target);
  if (
    state === "non-empty" &&
    !ctx.force &&
    !ctx.dryRun &&
    !existsSync(join(target, "nixhome.json"))
  )
    throw notEmpty(dir);
  return state;
}

/**
 * For a non-empty target without --force: true when every planned file is
 * already there with the same content (a re-run: nothing to do); otherwise the
 * run is refused.
 */
export function upToDate(ctx: Context, plan: FilePlan, dir: string, state: TargetState): boolean {
  if (state !== "non-empty") return false;
  // A run killed half-way is undone first, so the plan compares with a whole repository.
  recoverTarget(resolve(ctx.environment.cwd, dir));
  if (ctx.force) return false;
  const changes = planChanges(plan, resolve(ctx.environment.cwd, dir));
  if (changes.every((c) => c.kind === "unchanged")) return true;
  throw notEmpty(dir);
}

const LABEL: Record<Change["kind"], string> = {
  create: "new",
  update: "overwrite",
  append: "add lines",
  unchanged: "unchanged",
  conflict: "exists and differs: needs --force",
};

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A tree of the planned files with what would happen to each. */
export function formatTree(root: string, changes: readonly Change[]): string {
  interface Node {
    dirs: Map<string, Node>;
    files: Array<{ name: string; change: Change }>;
  }
  const top: Node = { dirs: new Map(), files: [] };
  for (const c of changes) {
    const parts = c.path.split("/");
    let node = top;
    for (const d of parts.slice(0, -1)) {
      let next = node.dirs.get(d);
      if (!next) {
        next = { dirs: new Map(), files: [] };
        node.dirs.set(d, next);
      }
      node = next;
    }
    node.files.push({ name: parts[parts.length - 1] as string, change: c });
  }
  const lines = [`${root.replace(/\/$/, "")}/`];
  const walk = (node: Node, prefix: string) => {
    const entries = [
      ...[...node.dirs.entries()]
        .sort(([a], [b]) => byCodePoint(a, b))
        .map(([name, child]) => ({ name: `${name}/`, child, change: undefined })),
      ...node.files
        .sort((a, b) => byCodePoint(a.name, b.name))
        .map((f) => ({ name: f.name, child: undefined, change: f.change })),
    ];
    entries.forEach((e, i) => {
      const last = i === entries.length - 1;
      const backup = e.change?.backup ? `, kept as ${e.change.backup}` : "";
      const label = e.change ? `  (${LABEL[e.change.kind]}${backup})` : "";
      lines.push(`${prefix}${last ? "└── " : "├── "}${e.name}${label}`);
      if (e.child) walk(e.child, `${prefix}${last ? "    " : "│   "}`);
    });
  };
  walk(top, "");
  return lines.join("\n");
}

/** --dry-run: the tree, then a diff for every file that exists with other content. */
export function dryRun(ctx: Context, plan: FilePlan, dir: string, state: TargetState): void {
  const target = resolve(ctx.environment.cwd, dir);
  const changes = planChanges(plan, target, { force: ctx.force, backup: true, diff: true });
  ctx.stdout(`Dry run: nothing is written. ${dir} would get:\n\n${formatTree(dir, changes)}\n`);
  for (const c of changes) if (c.diff) ctx.stdout(`\n${c.diff}\n`);
  if (state === "non-empty" && !ctx.force)
    ctx.stdout(
      `\n${dir} is not empty: a real run needs --force (nothing else would be touched).\n`,
    );
}

/**
 * Write the plan (all or nothing). A file --force overwrites is kept as a
 * backup first (`<file>.bak`, or `.bak.1`, … when that name is taken); a
 * problem after the write succeeded (a cleanup) is a warning, not a failure.
 */
export function write(ctx: Context, plan: FilePlan, dir: string): ApplyResult {
  const result = applyPlan(plan, resolve(ctx.environment.cwd, dir), {
    force: ctx.force,
    backup: true,
  });
  for (const b of result.backups) ctx.stdout(`kept ${b} (the file --force overwrote)\n`);
  for (const w of result.warnings) ctx.stderr(`create-nix-home: warning: ${w}\n`);
  return result;
}
