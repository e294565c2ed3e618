/**
 * One run of nixhome: parse the command line once into a Context, then run
 * small steps — find the .nix files → analyze each → report, or fix through
 * core's writer. Exit codes: 0 clean, 1 findings (or files that do not parse),
 * 2 usage errors. `cli.ts` wires it to the process.
 */
import { NixhomeError } from "@nixhome/core";
import { type ContextInput, parseContext } from "./context.js";
import { checkFiles } from "./steps/check.js";
import { fixFiles } from "./steps/fix.js";
import { helpText } from "./steps/info.js";
import { report } from "./steps/report.js";
import { findNixFiles } from "./steps/scan.js";

declare const __VERSION__: string;
/** The package version (replaced at build time; "dev" when run from source). */
export const VERSION: string = typeof __VERSION__ === "string" ? __VERSION__ : "dev";

/** One run; returns the exit code. */
export function run(input: ContextInput): number {
  const ctx = parseContext(input);
  if (ctx.command === "help") {
    ctx.stdout(helpText(VERSION));
    return 0;
  }
  if (ctx.command === "version") {
    ctx.stdout(`${VERSION}\n`);
    return 0;
  }
  const files = findNixFiles(ctx.dir);
  const checked = checkFiles(ctx.dir, files);
  const fixed = ctx.fix ? fixFiles(ctx, checked) : undefined;
  return report(ctx, checked, fixed, VERSION);
}

/** `nixhome: <message>` on one line. */
export function errorLine(e: unknown): { line: string; code: number } {
  if (e instanceof NixhomeError)
    return { line: `nixhome: ${e.message.replace(/\s*\n\s*/g, "; ")}\n`, code: e.exitCode };
  const msg = e instanceof Error ? e.message : String(e);
  return { line: `nixhome: internal error: ${msg.split("\n")[0]} (please report it)\n`, code: 1 };
}
