/**
 * A FilePlan is everything a run would write, in memory: relative path →
 * content. It is a pure value; `apply.ts` is the only code that touches disk.
 */

export type MergeRule =
  /** Replace the file (refused when it exists with other content, unless forced). */
  | "replace"
  /**
   * Line-set merge for `.gitignore` / `.envrc`: keep the user's file and
   * append the planned lines it lacks, once.
   */
  | "lines";

export interface PlannedFile {
  /** Relative POSIX path below the target directory. */
  path: string;
  content: string;
  /** File mode; 0o644 unless executable. */
  mode?: number;
  merge?: MergeRule;
  /**
   * The content this file is expected to have now (an edit of a file we read).
   * When the disk still holds exactly that, the file is replaced without
   * `force`; when someone changed it in between, it is a conflict.
   */
  replaces?: string;
}

export type FilePlan = readonly PlannedFile[];

export class NixhomeError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "NixhomeError";
  }
}

/** Validate plan paths: relative, normalised, unique. */
export function checkPlan(plan: FilePlan): void {
  const seen = new Set<string>();
  for (const f of plan) {
    if (
      f.path === "" ||
      f.path.startsWith("/") ||
      f.path.split("/").some((s) => s === "" || s === "." || s === "..")
    )
      throw new NixhomeError(`internal: bad planned path ${JSON.stringify(f.path)}`);
    if (seen.has(f.path)) throw new NixhomeError(`internal: ${f.path} planned twice`);
    seen.add(f.path);
  }
}

/** Merge planned lines into existing text: append those missing, keep everything else. */
export function mergeLines(existing: string, planned: string): string {
  const have = new Set(existing.split("\n").map((l) => l.trim()));
  const missing = planned
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.trim().startsWith("#") && !have.has(l.trim()));
  if (missing.length === 0) return existing;
  const header = planned.split("\n").find((l) => l.startsWith("#"));
  const sep = existing === "" || existing.endsWith("\n") ? "" : "\n";
  const block = [...(header && !have.has(header.trim()) ? [header] : []), ...missing];
  return `${existing}${sep}${existing === "" ? "" : "\n"}${block.join("\n")}\n`;
}

/** A small line diff (LCS) in unified style, for `--dry-run`. */
export function diffLines(before: string, after: string, name: string): string {
  const a = before.split("\n");
  const b = after.split("\n");
  const m = a.length;
  const nn = b.length;
  const lcs: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(nn + 1).fill(0));
  for (let i = m - 1; i >= 0; i--)
    for (let j = nn - 1; j >= 0; j--)
      (lcs[i] as number[])[j] =
        a[i] === b[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
  const out: string[] = [`--- ${name}`, `+++ ${name} (new)`];
  let i = 0;
  let j = 0;
  while (i < m || j < nn) {
    if (i < m && j < nn && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (
      j < nn &&
      (i >= m || ((lcs[i] as number[])[j + 1] as number) >= ((lcs[i + 1] as number[])[j] as number))
    ) {
      out.push(`+ ${b[j]}`);
      j++;
    } else {
      out.push(`- ${a[i]}`);
      i++;
    }
  }
  // Keep changed lines with two lines of context.
  const keep = new Set<number>();
  out.forEach((l, k) => {
    if (k > 1 && (l.startsWith("+ ") || l.startsWith("- ")))
      for (let c = Math.max(2, k - 2); c <= Math.min(out.length - 1, k + 2); c++) keep.add(c);
  });
  const lines = [out[0] as string, out[1] as string];
  let last = 1;
  for (const k of [...keep].sort((x, y) => x - y)) {
    if (k > last + 1) lines.push("  …");
    lines.push(out[k] as string);
    last = k;
  }
  return lines.join("\n");
}
