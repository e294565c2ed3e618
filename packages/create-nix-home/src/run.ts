/**
 * One run: context → answers → spec → plan → write → git → next steps.
 * Returns the exit code; errors become one `create-nix-home: …` line.
 */
import { writeSync } from "node:fs";
import { resolve } from "node:path";
import { fsErrorLine, isFsError, NixhomeError, nonUtf8Argument } from "@nixhome/core";
import { type Environment, getContext, type Io, realEnvironment } from "./context.js";
import { HELP } from "./help.js";
import { loadClackPrompts, type Prompts } from "./prompts.js";
import { collectAnswers } from "./steps/answers.js";
import { initGit } from "./steps/git.js";
import { nextSteps } from "./steps/next-steps.js";
import { buildPlan, buildSpec } from "./steps/spec.js";
import { checkTarget, dryRun, upToDate, write } from "./steps/write.js";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";

export interface RunOptions {
  environment?: Environment;
  prompts?: Prompts;
  io?: Io;
}

/** A run that asks nothing never calls these (answers.ts checks isTTY and --yes first). */
const NO_PROMPTS: Prompts = new Proxy({} as Prompts, {
  get: (_, name) =>
    name === "isCancel"
      ? () => false
      : () => {
          throw new Error(`internal: prompt ${String(name)} asked without a terminal`);
        },
});

/**
 * Straight to the file descriptor: creating process.stdout costs a short run
 * milliseconds. A pipe that would block (EAGAIN) gets the rest through the stream.
 */
function writeOut(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done);
  } catch {
    (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(done));
  }
}

const processIo: Io = {
  stdout: (text) => writeOut(1, text),
  stderr: (text) => writeOut(2, text),
};

export async function run(argv: readonly string[], options: RunOptions = {}): Promise<number> {
  const io = options.io ?? processIo;
  try {
    const bad = nonUtf8Argument(argv);
    if (bad) throw new NixhomeError(bad, 2);
    const ctx = getContext(argv, options.environment ?? realEnvironment(), io);
    if (ctx.help) {
      io.stdout(HELP);
      return 0;
    }
    if (ctx.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    // A target that cannot work is refused before any question about it is answered.
    if (ctx.flags.dir !== undefined) checkTarget(ctx, ctx.flags.dir);
    // The prompts library is loaded only for a run that asks questions.
    const asks = !ctx.yes && ctx.environment.isTTY;
    const prompts = options.prompts ?? (asks ? await loadClackPrompts() : NO_PROMPTS);
    const answers = await collectAnswers(ctx, prompts);
    const state = checkTarget(ctx, answers.dir);
    const spec = buildSpec(ctx, answers);
    const plan = buildPlan(spec, resolve(ctx.environment.cwd, answers.dir));
    if (ctx.dryRun) {
      dryRun(ctx, plan, answers.dir, state);
      return 0;
    }
    if (upToDate(ctx, plan, answers.dir, state)) {
      io.stdout(`${answers.dir} is up to date: nothing to change.\n`);
      return 0;
    }
    const result = write(ctx, plan, answers.dir);
    const git = answers.git
      ? initGit(
          ctx,
          answers.dir,
          plan.map((f) => f.path),
        )
      : "off";
    if (!ctx.yes && ctx.environment.isTTY) prompts.outro(`${answers.dir} is ready.`);
    io.stdout(
      nextSteps(ctx, spec, answers.dir, {
        written: result.written.length,
        git,
        notes: answers.notes,
      }),
    );
    return 0;
  } catch (e) {
    if (e instanceof NixhomeError) {
      io.stderr(`create-nix-home: ${e.message}\n`);
      return e.exitCode;
    }
    // A filesystem error no step turned into a sentence is still the disk's answer, not a bug.
    if (isFsError(e)) {
      io.stderr(`create-nix-home: ${fsErrorLine(e)}\n`);
      return 1;
    }
    const first = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    io.stderr(`create-nix-home: internal error: ${first} (please report it)\n`);
    if (process.env.NIXHOME_DEBUG && e instanceof Error) io.stderr(`${e.stack}\n`);
    return 1;
  }
}
