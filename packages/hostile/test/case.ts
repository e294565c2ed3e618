/**
 * One hostile case as data, and the one function that runs and judges it.
 */
import {
  type Box,
  box,
  checkNoCrash,
  checkRefusal,
  checkSame,
  checkSuccess,
  cleanup,
  leftovers,
  listTree,
  type RunOpts,
  type RunResult,
  readAll,
  run,
  type Tool,
  type Tree,
} from "./harness.js";

/**
 * - refuse: exit ≠ 0, one message line (matching `message`), the listing identical;
 * - succeed: exit 0, no stack trace, only planned changes (see checkSuccess);
 * - safe: either of the two above, judged by the exit code;
 * - same: a dry run: any exit, but the listing identical and no crash (one line if ≠ 0).
 */
export type Outcome = "refuse" | "succeed" | "safe" | "same";

export interface Case {
  name: string;
  tool: Tool;
  /** Build the hostile setup (in b.t, b.victim, b.root). */
  setup?: (b: Box) => void;
  args: readonly string[] | ((b: Box) => readonly string[]);
  outcome: Outcome;
  message?: RegExp;
  exit?: number;
  opts?: RunOpts | ((b: Box) => RunOpts);
  /** More assertions after the run (return problems). */
  check?: (b: Box, r: RunResult, before: Tree, after: Tree) => string[];
  /** Paths (relative to the case folder) a success may change besides the tool's own. */
  allow?: RegExp;
  root?: boolean;
  mount?: boolean;
  timeoutMs?: number;
}

export interface Verdict {
  problems: string[];
  result?: RunResult;
}

export async function judge(c: Case): Promise<Verdict> {
  const b = box();
  try {
    c.setup?.(b);
    const opts = typeof c.opts === "function" ? c.opts(b) : (c.opts ?? {});
    const args = typeof c.args === "function" ? c.args(b) : c.args;
    const before = listTree(b.root);
    const bytes = readAll(b.root, before);
    const r = await run(c.tool, b, args, { timeoutMs: c.timeoutMs ?? 30_000, ...opts });
    const after = listTree(b.root);
    const problems: string[] = [];
    const outcome: Outcome =
      c.outcome === "safe" ? (r.code === 0 && !r.signal ? "succeed" : "refuse") : c.outcome;
    if (outcome === "refuse") {
      problems.push(...checkRefusal(c.tool, r, c.message, c.exit));
      problems.push(...checkSame(before, after));
    } else if (outcome === "same") {
      problems.push(...checkNoCrash(r));
      if (r.code !== 0 && !r.signal) problems.push(...checkRefusal(c.tool, r, undefined, c.exit));
      problems.push(...checkSame(before, after));
    } else {
      problems.push(...checkNoCrash(r));
      if (r.code !== 0)
        problems.push(
          `expected success, got exit ${r.code}: ${JSON.stringify(r.stderr.slice(0, 500) || r.stdout.slice(-500))}`,
        );
      else problems.push(...checkSuccess(c.tool, b, before, after, bytes, c.allow));
      const left = leftovers(after).filter((k) => !before.has(k));
      if (left.length) problems.push(`left behind: ${left.join(", ")}`);
    }
    if (c.check && outcome === "succeed" && !problems.length)
      problems.push(...c.check(b, r, before, after));
    return { problems, result: r };
  } finally {
    cleanup(b);
  }
}
