/**
 * A FilePlan is everything a run would write, in memory: relative path →
 * content. It is a pure value; `apply.ts` is the only code that touches disk.
 */

/**
 * Lines to insert into an existing file: `at` is the index of the existing
 * line they go before (the line count means "at the end").
 */
export interface LineInsert {
  at: number;
  lines: readonly string[];
}

/**
 * A line merge decision, as a pure function: the existing file's lines
 * (decoded for matching only, without terminators) → what to insert. The
 * writer applies the inserts to the file's exact bytes with the file's own
 * line ending, so a merge can only ever add lines.
 */
export type LineMerge = (existingLines: readonly string[]) => readonly LineInsert[];

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
  /** How an existing file is merged: a rule, or a line-merge decision (see `LineMerge`). */
  merge?: MergeRule | LineMerge;
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

/** The folder a transaction keeps its lock, journal and staged files in (inside the target). */
export const TXN_DIR = ".nixhome-txn";

/** Whether a path is relative, normalised and plain (no "", ".", ".." segments). */
export function isPlainRelative(path: string): boolean {
  return (
    typeof path === "string" &&
    path !== "" &&
    !path.startsWith("/") &&
    !path.includes("\0") &&
    !path.split("/").some((s) => s === "" || s === "." || s === "..")
  );
}

/** Validate plan paths: relative, normalised, unique, not the transaction folder. */
export function checkPlan(plan: FilePlan): void {
  const seen = new Set<string>();
  for (const f of plan) {
    if (!isPlainRelative(f.path) || f.path.split("/")[0] === TXN_DIR)
      throw new NixhomeError(`internal: bad planned path ${JSON.stringify(f.path)}`);
    if (seen.has(f.path)) throw new NixhomeError(`internal: ${f.path} planned twice`);
    seen.add(f.path);
  }
}

/** Trim ASCII blanks only (a line compared for a merge; never written back). */
const trimAscii = (s: string) => s.replace(/^[ \t\r\f\v]+|[ \t\r\f\v]+$/g, "");

/**
 * The default line merge: the planned lines the file lacks (blank and comment
 * lines aside), appended once at the end after a blank line and the planned
 * header comment.
 */
export function appendMissingLines(planned: string): LineMerge {
  return (existing) => {
    const have = new Set(existing.map(trimAscii));
    const lines = planned.split("\n");
    const missing = lines.filter((l) => {
      const t = trimAscii(l);
      return t !== "" && !t.startsWith("#") && !have.has(t);
    });
    if (missing.length === 0) return [];
    const header = lines.find((l) => l.startsWith("#"));
    const block = [
      ...(existing.length ? [""] : []),
      ...(header && !have.has(trimAscii(header)) ? [header] : []),
      ...missing,
    ];
    return [{ at: existing.length, lines: block }];
  };
}

/** The line-merge decision of a planned file. */
export function lineMergeOf(f: PlannedFile): LineMerge | null {
  if (typeof f.merge === "function") return f.merge;
  return f.merge === "lines" ? appendMissingLines(f.content) : null;
}

/** One existing line: where its bytes start, where its text ends, where its terminator ends. */
interface LineSpan {
  start: number;
  textEnd: number;
  end: number;
}

/** Split bytes into lines at `\n` (a `\r` before it belongs to the terminator). Linear. */
export function splitLineSpans(bytes: Uint8Array): LineSpan[] {
  const spans: LineSpan[] = [];
  let start = 0;
  for (;;) {
    const nl = bytes.indexOf(0x0a, start);
    if (nl === -1) {
      if (start < bytes.length) spans.push({ start, textEnd: bytes.length, end: bytes.length });
      return spans;
    }
    const textEnd = nl > start && bytes[nl - 1] === 0x0d ? nl - 1 : nl;
    spans.push({ start, textEnd, end: nl + 1 });
    start = nl + 1;
  }
}

export interface LineMergeResult {
  /** The merged bytes, or null when nothing is added. */
  bytes: Buffer | null;
  /** The inserts, sorted and validated (for a dry-run diff). */
  inserts: LineInsert[];
  /** The existing lines as decoded for matching. */
  lines: string[];
  eol: string;
}

/**
 * Apply a line merge to a file's exact bytes: every existing byte is kept
 * (non-UTF-8 too), inserted lines end with the file's line ending (CRLF when
 * its first line ends with CRLF), a last line without one gets it before an
 * insert at the end. Linear in the file size.
 */
export function mergeBytes(existing: Uint8Array, decide: LineMerge): LineMergeResult {
  const buf = Buffer.from(existing.buffer, existing.byteOffset, existing.byteLength);
  const spans = splitLineSpans(buf);
  const lines = spans.map((s) => buf.toString("utf8", s.start, s.textEnd));
  const first = spans[0];
  const eol = first && first.end - first.textEnd === 2 ? "\r\n" : "\n";
  const inserts = decide(lines)
    .filter((i) => i.lines.length > 0)
    .map((i, k) => ({ ...i, k }));
  for (const i of inserts)
    if (!Number.isInteger(i.at) || i.at < 0 || i.at > lines.length)
      throw new Error(`line merge inserts at ${i.at}, outside 0..${lines.length}`);
  inserts.sort((a, b) => a.at - b.at || a.k - b.k);
  if (inserts.length === 0) return { bytes: null, inserts: [], lines, eol };
  const parts: Buffer[] = [];
  let pos = 0;
  for (const ins of inserts) {
    const at = ins.at < spans.length ? (spans[ins.at] as LineSpan).start : buf.length;
    if (at > pos) parts.push(buf.subarray(pos, at));
    pos = at;
    const last = spans[spans.length - 1];
    if (ins.at === spans.length && last && last.end === last.textEnd && pos === buf.length)
      parts.push(Buffer.from(eol));
    parts.push(Buffer.from(ins.lines.map((l) => l + eol).join(""), "utf8"));
  }
  if (pos < buf.length) parts.push(buf.subarray(pos));
  return {
    bytes: Buffer.concat(parts),
    inserts: inserts.map(({ at, lines: l }) => ({ at, lines: l })),
    lines,
    eol,
  };
}

/** Merge planned lines into existing text: append those missing, keep everything else. */
export function mergeLines(existing: string, planned: string): string {
  const r = mergeBytes(Buffer.from(existing, "utf8"), appendMissingLines(planned));
  return r.bytes ? r.bytes.toString("utf8") : existing;
}

const CONTEXT = 2;

/** Unified-style hunks from a list of marked lines ("  ", "+ ", "- "), with two lines of context. */
function hunks(name: string, out: readonly string[]): string {
  const keep: number[] = [];
  let lastKept = -1;
  for (let k = 0; k < out.length; k++) {
    if ((out[k] as string).startsWith("  ")) continue;
    for (
      let c = Math.max(lastKept + 1, k - CONTEXT);
      c <= Math.min(out.length - 1, k + CONTEXT);
      c++
    )
      keep.push(c);
    lastKept = Math.max(lastKept, Math.min(out.length - 1, k + CONTEXT));
  }
  const lines = [`--- ${name}`, `+++ ${name} (new)`];
  let last = -1;
  for (const k of keep) {
    if (k <= last) continue;
    if (k > last + 1) lines.push("  …");
    lines.push(out[k] as string);
    last = k;
  }
  return lines.join("\n");
}

/** The diff of a line merge, straight from its inserts (linear; no line matching). */
export function diffInserts(r: LineMergeResult, name: string): string {
  const out: string[] = [];
  let k = 0;
  for (const ins of r.inserts) {
    for (; k < ins.at; k++) out.push(`  ${r.lines[k]}`);
    for (const l of ins.lines) out.push(`+ ${l}`);
  }
  for (; k < r.lines.length; k++) out.push(`  ${r.lines[k]}`);
  return hunks(name, out);
}

/** Above this many changed lines (after the common head and tail), a diff shows all of them. */
const LCS_LIMIT = 4_000_000;

/**
 * A small line diff in unified style, for `--dry-run`: the common head and
 * tail are cut off first (linear), and only the middle is matched (LCS,
 * bounded; a huge middle is shown as removed-then-added).
 */
export function diffLines(before: string, after: string, name: string): string {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const out: string[] = a.slice(0, head).map((l) => `  ${l}`);
  const m = am.length;
  const n = bm.length;
  if (m * n > LCS_LIMIT) {
    for (const l of am) out.push(`- ${l}`);
    for (const l of bm) out.push(`+ ${l}`);
  } else {
    const w = n + 1;
    const lcs = new Uint32Array((m + 1) * w);
    for (let i = m - 1; i >= 0; i--)
      for (let j = n - 1; j >= 0; j--)
        lcs[i * w + j] =
          am[i] === bm[j]
            ? (lcs[(i + 1) * w + j + 1] as number) + 1
            : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
    let i = 0;
    let j = 0;
    while (i < m || j < n) {
      if (i < m && j < n && am[i] === bm[j]) {
        out.push(`  ${am[i]}`);
        i++;
        j++;
      } else if (
        j < n &&
        (i >= m || (lcs[i * w + j + 1] as number) >= (lcs[(i + 1) * w + j] as number))
      ) {
        out.push(`+ ${bm[j]}`);
        j++;
      } else {
        out.push(`- ${am[i]}`);
        i++;
      }
    }
  }
  for (const l of a.slice(a.length - tail)) out.push(`  ${l}`);
  return hunks(name, out);
}
