/**
 * apply: the only code that writes a FilePlan to disk. It compares with what
 * exists, refuses to clobber, then stages every file beside the target and
 * renames them into place — all or nothing.
 */
import {
  accessSync,
  chmodSync,
  constants,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { checkPlan, diffLines, type FilePlan, mergeLines, NixhomeError } from "./plan.js";

export type ChangeKind = "create" | "update" | "append" | "unchanged" | "conflict";

export interface Change {
  path: string;
  kind: ChangeKind;
  /** The text that would be written (for create/update/append). */
  content: string;
  mode: number;
  /** Unified diff against the existing file (update/append/conflict). */
  diff?: string;
}

export interface ApplyOptions {
  /** Overwrite files that exist with other content. */
  force?: boolean;
  /** Keep `<file>.bak` of every file `force` overwrites. */
  backup?: boolean;
}

export interface ApplyResult {
  changes: Change[];
  written: string[];
  backups: string[];
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && rel !== "..");
}

function lstatOrNull(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}

/** Refuse targets that are files, and paths whose components escape through symlinks. */
function checkTarget(target: string, plan: FilePlan): string | null {
  const st = lstatOrNull(target);
  if (st && !st.isDirectory() && !(st.isSymbolicLink() && statSync(target).isDirectory()))
    throw new NixhomeError(`${target} exists and is not a directory`);
  if (!st) return null;
  const real = realpathSync(target);
  for (const f of plan) {
    let p = real;
    for (const part of f.path.split("/")) {
      p = join(p, part);
      const s = lstatOrNull(p);
      if (!s) break;
      if (s.isSymbolicLink()) {
        let dest: string;
        try {
          dest = realpathSync(p);
        } catch {
          throw new NixhomeError(`${join(target, f.path)} is a dangling symlink; remove it first`);
        }
        if (!isInside(real, dest))
          throw new NixhomeError(
            `${join(target, relative(real, p))} is a symlink leading outside ${target}; refusing to write through it`,
          );
      }
      if (p !== join(real, f.path) && !statSync(p).isDirectory())
        throw new NixhomeError(
          `${join(target, relative(real, p))} is a file, expected a directory`,
        );
    }
    const full = join(real, f.path);
    const s = lstatOrNull(full);
    if (s && statSync(full).isDirectory())
      throw new NixhomeError(`${join(target, f.path)} is a directory, expected a file`);
  }
  return real;
}

/** Compare a plan with the target directory. Reads only. */
export function planChanges(plan: FilePlan, target: string, options: ApplyOptions = {}): Change[] {
  checkPlan(plan);
  const real = checkTarget(resolve(target), plan);
  return plan.map((f) => {
    const mode = f.mode ?? 0o644;
    const full = real ? join(real, f.path) : null;
    const existing = full && lstatOrNull(full) ? readFileSync(full, "utf8") : null;
    if (existing === null) return { path: f.path, kind: "create", content: f.content, mode };
    if (f.merge === "lines") {
      const merged = mergeLines(existing, f.content);
      return merged === existing
        ? { path: f.path, kind: "unchanged", content: existing, mode }
        : {
            path: f.path,
            kind: "append",
            content: merged,
            mode,
            diff: diffLines(existing, merged, f.path),
          };
    }
    if (f.replaces !== undefined && existing === f.replaces && existing !== f.content)
      return {
        path: f.path,
        kind: "update",
        content: f.content,
        mode,
        diff: diffLines(existing, f.content, f.path),
      };
    if (existing === f.content) {
      const st = statSync(full as string);
      const exec = (st.mode & 0o111) !== 0;
      if (exec === ((mode & 0o111) !== 0))
        return { path: f.path, kind: "unchanged", content: existing, mode };
      return { path: f.path, kind: "update", content: f.content, mode };
    }
    return {
      path: f.path,
      kind: options.force ? "update" : "conflict",
      content: f.content,
      mode,
      diff: diffLines(existing, f.content, f.path),
    };
  });
}

/**
 * Write a plan. Conflicts (existing files with other content) abort the whole
 * run before anything is written, unless `force`. Files are staged in a
 * temporary folder inside the target, then renamed into place; if a rename
 * fails, those already done are rolled back.
 */
export function applyPlan(plan: FilePlan, target: string, options: ApplyOptions = {}): ApplyResult {
  const abs = resolve(target);
  const changes = planChanges(plan, abs, options);
  const conflicts = changes.filter((c) => c.kind === "conflict");
  if (conflicts.length)
    throw new NixhomeError(
      `${conflicts.map((c) => c.path).join(", ")} already exist${conflicts.length === 1 ? "s" : ""} in ${target} with other content; use --force to overwrite${options.backup ? " (a .bak copy is kept)" : ""}`,
    );
  const todo = changes.filter((c) => c.kind !== "unchanged");
  if (todo.length === 0) return { changes, written: [], backups: [] };

  // Create the target (remember what we created, to remove it on failure).
  const created: string[] = [];
  let d = abs;
  while (!lstatOrNull(d)) {
    created.unshift(d);
    d = dirname(d);
  }
  try {
    accessSync(d, constants.W_OK);
  } catch {
    throw new NixhomeError(`cannot write to ${d}: permission denied`);
  }
  for (const dir of created) mkdirSync(dir);
  const real = realpathSync(abs);
  try {
    accessSync(real, constants.W_OK);
  } catch {
    throw new NixhomeError(`cannot write to ${target}: permission denied`);
  }

  let stage: string;
  try {
    stage = mkdtempSync(join(real, ".nixhome-staging-"));
  } catch (e) {
    for (const dir of created.reverse()) rmSync(dir, { recursive: true, force: true });
    throw new NixhomeError(`cannot write to ${target}: ${(e as Error).message}`);
  }
  const done: Array<{ full: string; saved: string | null }> = [];
  const backups: string[] = [];
  const madeDirs: string[] = [];
  try {
    todo.forEach((c, i) => {
      const staged = join(stage, String(i));
      writeFileSync(staged, c.content, { mode: c.mode });
      chmodSync(staged, c.mode);
    });
    todo.forEach((c, i) => {
      const full = join(real, c.path);
      let parent = dirname(full);
      const missing: string[] = [];
      while (!lstatOrNull(parent)) {
        missing.unshift(parent);
        parent = dirname(parent);
      }
      for (const m of missing) {
        mkdirSync(m);
        madeDirs.push(m);
      }
      let saved: string | null = null;
      if (lstatOrNull(full)) {
        saved = join(stage, `${i}.orig`);
        copyFileSync(full, saved);
        if (c.kind === "update" && options.backup && readFileSync(full, "utf8") !== c.content) {
          copyFileSync(full, `${full}.bak`);
          backups.push(`${c.path}.bak`);
        }
      }
      renameSync(join(stage, String(i)), full);
      done.push({ full, saved });
    });
  } catch (e) {
    for (const { full, saved } of done.reverse()) {
      if (saved) renameSync(saved, full);
      else rmSync(full, { force: true });
    }
    for (const b of backups) rmSync(join(real, b), { force: true });
    for (const m of madeDirs.reverse()) rmSync(m, { recursive: true, force: true });
    rmSync(stage, { recursive: true, force: true });
    for (const dir of created.reverse()) rmSync(dir, { recursive: true, force: true });
    throw new NixhomeError(
      `could not write ${target}: ${(e as Error).message}; nothing was changed`,
    );
  }
  rmSync(stage, { recursive: true, force: true });
  return { changes, written: todo.map((c) => c.path), backups };
}

/** A short tree of planned paths, for dry runs and summaries. */
export function formatChanges(changes: readonly Change[], withDiffs = false): string {
  const label: Record<ChangeKind, string> = {
    create: "create   ",
    update: "overwrite",
    append: "append   ",
    unchanged: "unchanged",
    conflict: "CONFLICT ",
  };
  return changes
    .map((c) => {
      const line = `  ${label[c.kind]} ${c.path}`;
      return withDiffs && c.diff ? `${line}\n${c.diff.replace(/^/gm, "      ")}` : line;
    })
    .join("\n");
}
