/**
 * One run of create-nix-devshell: parse the command line once into a Context, then run
 * small steps — choose languages → compose and plan → show or write → next
 * steps. Errors are NixhomeErrors: one line on stderr and their exit code
 * (1; 2 for usage errors; 130 when cancelled). `cli.ts` wires it to the process.
 */
import { fsErrorLine, isFsError, NixhomeError, nonUtf8Argument } from "@nixhome/core";
import { type ContextInput, checkProjectDir, parseContext } from "./context.js";
import { checkHome, type HomeCheck } from "./steps/home.js";
import { helpText, listText } from "./steps/info.js";
import { chooseLanguages } from "./steps/languages.js";
import { planFiles } from "./steps/plan.js";
import { clackPrompts, type Prompts } from "./steps/prompts.js";
import { showPlan, writePlan } from "./steps/write.js";

declare const __VERSION__: string;
/** The package version (replaced at build time; "dev" when run from source). */
export const VERSION: string = typeof __VERSION__ === "string" ? __VERSION__ : "dev";

/** One run; resolves to the exit code. */
export async function run(
  input: ContextInput,
  prompts: Prompts = clackPrompts(),
  home: HomeCheck = {},
): Promise<number> {
  const bad = nonUtf8Argument(input.argv);
  if (bad) throw new NixhomeError(bad, 2);
  const ctx = parseContext(input);
  if (ctx.help) {
    ctx.stdout(helpText(VERSION, ctx.presets));
    return 0;
  }
  if (ctx.version) {
    ctx.stdout(`${VERSION}\n`);
    return 0;
  }
  if (ctx.list) {
    ctx.stdout(listText(ctx.presets));
    return 0;
  }
  checkProjectDir(ctx.dir);
  const chosen = await chooseLanguages(ctx, prompts);
  const planned = planFiles(ctx, chosen);
  if (ctx.fromHome !== undefined)
    checkHome(
      ctx.fromHome,
      chosen.choices.map((c) => c.preset.id),
      ctx.cwd,
      ctx.env,
      home,
    );
  if (ctx.dryRun) {
    // A dry run shows what would change and succeeds, even where a real run would stop.
    try {
      showPlan(ctx, chosen, planned);
    } catch (e) {
      if (!(e instanceof NixhomeError)) throw e;
      ctx.stdout(`Without --dry-run this run would stop here: ${e.message}\n`);
    }
    return 0;
  }
  writePlan(ctx, chosen, planned);
  return 0;
}

/** `create-nix-devshell: <message>` on one line. */
export function errorLine(e: unknown): { line: string; code: number } {
  if (e instanceof NixhomeError)
    return {
      line: `create-nix-devshell: ${e.message.replace(/\s*\n\s*/g, "; ")}\n`,
      code: e.exitCode,
    };
  if (isFsError(e)) return { line: `create-nix-devshell: ${fsErrorLine(e)}\n`, code: 1 };
  const msg = e instanceof Error ? e.message : String(e);
  return {
    line: `create-nix-devshell: internal error: ${msg.split("\n")[0]} (please report it)\n`,
    code: 1,
  };
}
