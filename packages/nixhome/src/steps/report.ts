/** Step 4: tell the user (text grouped per file, or --json) and choose the exit code. */
import type { Finding } from "@nixhome/core";
import { renameData } from "@nixhome/core";
import type { Context } from "../context.js";
import type { Checked } from "./check.js";
import type { Fixed } from "./fix.js";

function describe(f: Finding): string {
  if (f.to) return `${f.from} → ${f.to}`;
  return `${f.from}  ${f.kind === "removed" ? "removed" : "deprecated"}: ${f.message ?? ""}`.trimEnd();
}

export function report(
  ctx: Context,
  checked: readonly Checked[],
  fixed: Fixed | undefined,
  version: string,
): number {
  const withFindings = checked.filter((c) => c.error || c.result?.analysis.findings.length);
  const all = checked.flatMap((c) => c.result?.analysis.findings ?? []);
  const auto = all.filter((f) => f.fix === "auto");
  const manual = all.filter((f) => f.fix === "manual");
  const errors = checked.filter((c) => c.error);
  const applied = fixed !== undefined && !ctx.dryRun;
  // After a real --fix, what is left is what needs a person (and unparsable files).
  const remaining = applied ? manual.length : all.length;
  const code = remaining > 0 || errors.length > 0 ? 1 : 0;

  if (ctx.json) {
    const out = {
      nixhome: version,
      homeManager: renameData.source.homeManager.commit,
      dir: ctx.dir,
      mode: fixed ? (ctx.dryRun ? "dry-run" : "fix") : "check",
      files: withFindings.map((c) => ({
        path: c.path,
        ...(c.error ? { error: c.error } : {}),
        findings: (c.result?.analysis.findings ?? []).map((f) => ({
          line: f.line,
          column: f.column,
          where: f.where,
          kind: f.kind,
          from: f.from,
          ...(f.to ? { to: f.to } : {}),
          ...(f.message ? { message: f.message } : {}),
          fix: f.fix,
          ...(f.reason ? { reason: f.reason } : {}),
          ...(applied && f.fix === "auto" ? { fixed: true } : {}),
        })),
      })),
      summary: {
        files: checked.length,
        findings: all.length,
        fixable: auto.length,
        manual: manual.length,
        unparsable: errors.length,
        written: applied ? fixed.files : [],
      },
      ...(fixed?.diff !== undefined ? { diff: fixed.diff } : {}),
    };
    ctx.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return code;
  }

  const blocks: string[] = [];
  for (const c of withFindings) {
    const lines: string[] = [];
    if (c.error) lines.push(`${c.path}:${c.error}`);
    for (const f of c.result?.analysis.findings ?? []) {
      const mark = applied
        ? f.fix === "auto"
          ? "  (fixed)"
          : `  (needs a person: ${f.reason})`
        : f.fix === "manual"
          ? `  (by hand: ${f.reason})`
          : "";
      lines.push(`${c.path}:${f.line}:${f.column}  ${describe(f)}${mark}`);
    }
    blocks.push(lines.join("\n"));
  }
  let out = blocks.length ? `${blocks.join("\n\n")}\n\n` : "";
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
  if (fixed?.diff) out += `${fixed.diff}\n\n`;
  if (!all.length && !errors.length)
    out += `No renamed or removed options found in ${n(checked.length, "Nix file")}.\n`;
  else if (applied) {
    out += `Fixed ${n(auto.length, "finding")} in ${n(fixed.files.length, "file")}.`;
    out += manual.length
      ? ` ${n(manual.length, "finding")} need${manual.length === 1 ? "s" : ""} a person (listed above).\n`
      : "\n";
  } else {
    out += `${n(all.length, "finding")} in ${n(withFindings.length, "file")} (of ${checked.length}); ${auto.length} fixable`;
    out += ctx.dryRun
      ? "; dry run, nothing written.\n"
      : auto.length
        ? " with nixhome doctor --fix.\n"
        : ".\n";
  }
  if (errors.length)
    out += `${n(errors.length, "file")} could not be read as Nix (listed above).\n`;
  ctx.stdout(out);
  return code;
}
