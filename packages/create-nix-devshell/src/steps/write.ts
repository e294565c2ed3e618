/**
 * Step 3: show the plan (--dry-run) or write it, then say what to do next.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import {
  applyPlan,
  type Change,
  formatChanges,
  NixhomeError,
  UNTRUSTED_GIT_ARGS,
} from "@nixhome/core";
import type { Context } from "../context.js";
import type { Chosen } from "./languages.js";
import type { Planned } from "./plan.js";

function conflictError(ctx: Context, changes: readonly Change[]): NixhomeError {
  const paths = changes.filter((c) => c.kind === "conflict").map((c) => c.path);
  return new NixhomeError(
    `${paths.join(", ")} already exist${paths.length === 1 ? "s" : ""} in ${ctx.dir} with other content; ` +
      "use --force to overwrite (a .bak copy is kept) or --dry-run to see the difference",
  );
}

function header(ctx: Context, chosen: Chosen, planned: Planned): string {
  const from = ctx.fromHome === undefined ? "" : ` from ${ctx.fromHome}`;
  const lines = [`Dev shell for ${planned.title}${from}`];
  const detected = chosen.choices.filter((c) => chosen.reasons[c.preset.id]);
  const width = Math.max(0, ...detected.map((c) => c.preset.id.length));
  for (const c of detected)
    lines.push(`  ${c.preset.id.padEnd(width)}  ${chosen.reasons[c.preset.id]}`);
  return lines.join("\n");
}

function notesText(notes: readonly string[]): string {
  return notes.map((n) => `note: ${n}\n`).join("");
}

/** `--dry-run`: what would be written, diffs for files that exist; writes nothing. */
export function showPlan(ctx: Context, chosen: Chosen, planned: Planned): void {
  const { changes } = planned;
  let out = `${header(ctx, chosen, planned)}\n${notesText([...chosen.notes, ...planned.notes])}`;
  out += `Dry run in ${ctx.dir}; nothing is written.\n${formatChanges(changes, true)}\n`;
  for (const c of changes.filter((x) => x.kind === "create"))
    out += `\n--- ${c.path} (new file)\n${c.content}`;
  ctx.stdout(out);
  if (changes.some((c) => c.kind === "conflict")) throw conflictError(ctx, changes);
}

function insideGit(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return true;
    if (dirname(d) === d) return false;
  }
}

/**
 * Which of `paths` the project's own ignore rules ignore, by git's answer
 * (nested .gitignore files and global excludes included): `git add` refuses
 * those, so the next steps must not tell the user to add them. Empty when
 * git cannot answer.
 */
function ignoredByGit(dir: string, paths: readonly string[]): Set<string> {
  // The project is untrusted: its own git config must not run anything here.
  const r = spawnSync("git", [...UNTRUSTED_GIT_ARGS, "-C", dir, "check-ignore", "--", ...paths], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return new Set(r.status === 0 ? r.stdout.split("\n").filter(Boolean) : []);
}

/** Write the plan (all or nothing) and print what changed and the next steps. */
export function writePlan(ctx: Context, chosen: Chosen, planned: Planned): void {
  const { changes } = planned;
  const notes = notesText([...chosen.notes, ...planned.notes]);
  if (changes.every((c) => c.kind === "unchanged")) {
    ctx.stdout(
      `${header(ctx, chosen, planned)}\n${notes}Nothing to change: ${changes.map((c) => c.path).join(", ")} already up to date.\n`,
    );
    return;
  }
  if (changes.some((c) => c.kind === "conflict")) throw conflictError(ctx, changes);
  const result = applyPlan(planned.plan, ctx.dir, { force: ctx.force, backup: true });
  const where = relative(ctx.cwd, ctx.dir) || ".";
  const lines = [
    header(ctx, chosen, planned),
    ...notes.split("\n").filter(Boolean),
    where === "." ? "Wrote:" : `Wrote in ${where}:`,
    formatChanges(result.changes),
    ...result.backups.map((b) => `  kept      ${b} (the previous file)`),
    "",
    "Next steps:",
    ...(ctx.dir === ctx.cwd ? [] : [`  cd ${where}`]),
  ];
  const wrote = result.written.filter((p) => p !== ".gitignore");
  if (ctx.fromHome === undefined && insideGit(ctx.dir)) {
    const toAdd = ["flake.nix", ...wrote.filter((p) => p !== "flake.nix")];
    const ignored = ignoredByGit(ctx.dir, toAdd);
    const add = toAdd.filter((p) => !ignored.has(p));
    if (add.length > 0)
      lines.push(`  git add ${add.join(" ")}   # flakes only see files git knows about`);
    // .envrc is often ignored by a project's own rules (`.env*`); direnv reads it all the same.
    if (ignored.has(".envrc"))
      lines.push("  (.envrc is ignored by this project's git rules: it stays local)");
    if (ignored.has("flake.nix"))
      lines.push(
        "  git add -f flake.nix   # this project's git rules ignore it; flakes need it tracked",
      );
  }
  lines.push("  direnv allow      # enter the shell whenever you cd here (https://direnv.net)");
  if (ctx.fromHome === undefined)
    lines.push("  nix develop       # or enter it by hand; the first run writes flake.lock");
  ctx.stdout(`${lines.join("\n")}\n`);
  for (const w of result.warnings) ctx.stderr(`create-nix-devshell: warning: ${w}\n`);
}
