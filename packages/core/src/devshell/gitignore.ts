/**
 * Which `.gitignore` lines a dev shell adds, and where — decided by what git
 * would ignore, not by comparing text (see docs/decisions, the gitignore ADR).
 *
 * Matching follows git's rules through the `ignore` package (the matcher
 * eslint and prettier use; bundled into the CLIs): last match wins, `!`
 * re-includes, a path under an excluded directory cannot be re-included,
 * anchored (`/target`) and unanchored (`target/`) patterns differ.
 *
 * For each wanted line (`node_modules/`):
 *   - skipped when the path it is for (at the root and in the subprojects) is
 *     ignored already (`/node_modules`, `node_modules`, `**\/node_modules/` …);
 *   - else appended, when that leaves every path the file's negations
 *     (`!**\/glob-import/root/dir/node_modules`) re-include as it was;
 *   - else put at the start of the file, where later rules (the negations)
 *     still win, when that leaves them as they were and still ignores the path;
 *   - else skipped, and the caller says why.
 * Pure: the caller reads the file and hands the decision to the plan; how
 * the bytes are merged on disk is apply's job.
 */
import ignore from "ignore";

export interface GitignorePlan {
  /** Lines to append at the end, in order. */
  append: string[];
  /** Lines to put at the start of the file, before the project's own rules. */
  prepend: string[];
  /** Lines not added, with the reason (already ignored, or it would undo a negation). */
  skipped: Array<{ line: string; why: string }>;
}

function rules(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.replace(/\r$/, ""))
    .filter((l) => l.trim() !== "" && !l.startsWith("#"));
}

/** Concrete paths a negation re-includes: `!**\/a/*.log` → `a/x.log`, `x/a/x.log`. */
function negationSamples(negation: string): string[] {
  let p = negation.slice(1).trim().replace(/\\(.)/g, "$1");
  const dir = p.endsWith("/");
  p = p.replace(/\/+$/, "").replace(/^\//, "");
  const concrete = (s: string) => s.replace(/\[[^\]]*\]/g, "x").replace(/[*?]/g, "x");
  const bases = new Set<string>();
  bases.add(concrete(p.replace(/(^|\/)\*\*\//g, "$1")));
  bases.add(concrete(p.replace(/(^|\/)\*\*\//g, "$1x/")));
  if (!p.includes("/")) bases.add(`x/${concrete(p)}`);
  const out: string[] = [];
  for (const b of bases) {
    if (b === "" || b.startsWith("/")) continue;
    out.push(`${b}/`, `${b}/x`);
    if (!dir) out.push(b);
  }
  return out;
}

function status(lines: readonly string[], paths: readonly string[]): boolean[] {
  const ig = ignore().add([...lines]);
  return paths.map((p) => ig.ignores(p));
}

function same(a: readonly boolean[], b: readonly boolean[]): boolean {
  return a.every((x, i) => x === b[i]);
}

/**
 * Decide the lines to add to a `.gitignore` (null: there is none yet).
 * `wanted` are directory lines such as `node_modules/`; `dirs` are the
 * subproject folders the path must be ignored in too (`web`).
 */
export function planGitignore(
  existing: string | null,
  wanted: readonly string[],
  options: { dirs?: readonly string[] } = {},
): GitignorePlan {
  const plan: GitignorePlan = { append: [], prepend: [], skipped: [] };
  if (existing === null) {
    plan.append = [...new Set(wanted)];
    return plan;
  }
  const current = rules(existing);
  const samples = [...new Set(current.filter((l) => l.startsWith("!")).flatMap(negationSamples))];
  const dirs = ["", ...(options.dirs ?? []).filter((d) => d !== "")];
  for (const line of new Set(wanted)) {
    const name = line.replace(/^\//, "").replace(/\/+$/, "");
    const probes = dirs.map((d) => (d === "" ? `${name}/` : `${d}/${name}/`));
    // What the file says now, with what this plan already decided to add.
    const before = [...plan.prepend, ...current, ...plan.append];
    if (status(before, probes).every(Boolean)) {
      plan.skipped.push({ line, why: "already ignored" });
      continue;
    }
    const was = status(before, samples);
    const appended = [...before, line];
    if (same(status(appended, samples), was)) {
      plan.append.push(line);
      continue;
    }
    const prepended = [...plan.prepend, line, ...current, ...plan.append];
    if (same(status(prepended, samples), was) && status(prepended, probes).every(Boolean)) {
      plan.prepend.push(line);
      continue;
    }
    const negation = current.find(
      (l) =>
        l.startsWith("!") &&
        !same(status(appended, negationSamples(l)), status(before, negationSamples(l))),
    );
    plan.skipped.push({
      line,
      why: `it would change what ${negation ?? "a negation"} re-includes`,
    });
  }
  return plan;
}

/** Lines to insert before the existing line `at` (the line count: at the end). */
export interface GitignoreInsert {
  at: number;
  lines: string[];
}

const HEADER = "# Nix dev shell";

/**
 * The decision as inserts into the existing lines (the shape of the writer's
 * line merge): the prepended lines first, under a comment saying why they are
 * there, the appended ones at the end after a blank line and the header.
 */
export function gitignoreInserts(
  existingLines: readonly string[],
  wanted: readonly string[],
  options: { dirs?: readonly string[] } = {},
): GitignoreInsert[] {
  const plan = planGitignore(existingLines.join("\n"), wanted, options);
  const out: GitignoreInsert[] = [];
  if (plan.prepend.length)
    out.push({
      at: 0,
      lines: [
        `${HEADER} (first, so the rules below still decide what they re-include)`,
        ...plan.prepend,
        "",
      ],
    });
  if (plan.append.length) {
    const hasHeader = existingLines.some((l) => l.trim() === HEADER);
    out.push({
      at: existingLines.length,
      lines: [
        ...(existingLines.length ? [""] : []),
        ...(hasHeader ? [] : [HEADER]),
        ...plan.append,
      ],
    });
  }
  return out;
}

/** The whole new text of a `.gitignore` after the inserts: every existing character kept. */
export function applyGitignoreInserts(
  existing: string,
  inserts: readonly GitignoreInsert[],
): string {
  const firstEnd = existing.indexOf("\n");
  const eol = firstEnd > 0 && existing[firstEnd - 1] === "\r" ? "\r\n" : "\n";
  // Where each line starts; a last line without its newline ends the text.
  const starts: number[] = [];
  for (let at = 0; at < existing.length; ) {
    starts.push(at);
    const nl = existing.indexOf("\n", at);
    at = nl === -1 ? existing.length : nl + 1;
  }
  let out = "";
  let from = 0;
  for (const ins of [...inserts].sort((a, b) => a.at - b.at)) {
    const offset = ins.at < starts.length ? (starts[ins.at] as number) : existing.length;
    out += existing.slice(from, offset);
    if (offset === existing.length && existing !== "" && !existing.endsWith("\n")) out += eol;
    out += ins.lines.map((l) => `${l}${eol}`).join("");
    from = offset;
  }
  return out + existing.slice(from);
}
