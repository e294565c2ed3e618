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

/**
 * A matcher of a set of rules that stays fast on files of tens of thousands of
 * lines: for each path it asks `ignore` only about the rules that could match
 * it, in their order (so the answer is the same): a rule can match only paths
 * that contain its longest literal run (the text between its wildcards).
 * Rules without one (`*`, `**`) and with escapes are always asked.
 */
export function gitignoreMatcher(lines: readonly string[]): (path: string) => boolean {
  const needs: Array<{ at: number; text: string }> = [];
  const always: number[] = [];
  lines.forEach((raw, at) => {
    const body = raw.replace(/^!/, "").trim().replace(/^\//, "").replace(/\/+$/, "");
    if (/\\/.test(body)) {
      always.push(at);
      return;
    }
    // A run's slashes may stand for a `**` matching nothing: only its text must appear.
    const runs = body
      .replace(/\[[^\]]*\]/g, "*")
      .split(/[*?]+/)
      .map((r) => r.replace(/^\/+|\/+$/g, ""));
    const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), "");
    if (longest === "") always.push(at);
    else needs.push({ at, text: longest });
  });
  const cache = new Map<string, ReturnType<typeof ignore>>();
  return (path) => {
    const hits = needs.filter((r) => path.includes(r.text)).map((r) => r.at);
    const key = hits.join(",");
    let ig = cache.get(key);
    if (!ig) {
      const picked = [...always, ...hits].sort((x, y) => x - y);
      ig = ignore().add(picked.map((k) => lines[k] as string));
      cache.set(key, ig);
    }
    return ig.ignores(path);
  };
}

/** At most this many negation sample paths are checked per line (a file may have thousands). */
const MAX_SAMPLES = 64;

/** Whether a path has `name` as one of its segments (what a plain `name/` line can match). */
function hasSegment(path: string, name: string): boolean {
  return path.split("/").includes(name);
}

/**
 * Decide the lines to add to a `.gitignore` (null: there is none yet).
 * `wanted` are directory lines such as `node_modules/`; `dirs` are the
 * subproject folders the path must be ignored in too (`web`).
 *
 * Cost: one matcher of the file's rules, asked about a handful of paths per
 * line (the probes, and the negations' sample paths that line could match);
 * a second matcher only when a line must go first.
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
  // Each negation's sample paths, remembering which negation they come from.
  const samples: Array<{ path: string; negation: string }> = [];
  const seen = new Set<string>();
  for (const l of current)
    if (l.startsWith("!"))
      for (const path of negationSamples(l))
        if (!seen.has(path)) {
          seen.add(path);
          samples.push({ path, negation: l });
        }
  const dirs = ["", ...(options.dirs ?? []).filter((d) => d !== "")];
  let base: ((p: string) => boolean) | null = null;
  let baseKey = "";
  // What the file says now, with the lines this plan already decided to add.
  const before = (path: string): boolean => {
    const key = plan.prepend.join("\n");
    if (!base || key !== baseKey) {
      base = gitignoreMatcher([...plan.prepend, ...current]);
      baseKey = key;
    }
    return (plan.append.length > 0 && gitignoreMatcher(plan.append)(path)) || base(path);
  };
  for (const line of new Set(wanted)) {
    const name = line.replace(/^\//, "").replace(/\/+$/, "");
    const probes = dirs.map((d) => (d === "" ? `${name}/` : `${d}/${name}/`));
    if (probes.every(before)) {
      plan.skipped.push({ line, why: "already ignored" });
      continue;
    }
    // A plain `name/` line can only change paths with a `name` segment.
    const plain = /^[^/*?[\\!#]+$/.test(name);
    // Bounded: the first MAX_SAMPLES sample paths a line could change are checked.
    const relevant = samples
      .filter((s) => !plain || hasSegment(s.path, name))
      .slice(0, MAX_SAMPLES);
    const mine = gitignoreMatcher([line]);
    // Appended last, a positive line only ignores more: what it matches and was kept changes.
    const changed = relevant.find((s) => mine(s.path) && !before(s.path));
    if (!changed) {
      plan.append.push(line);
      continue;
    }
    const first = gitignoreMatcher([...plan.prepend, line, ...current]);
    const safe =
      relevant.every((s) => first(s.path) === before(s.path)) && probes.every((p) => first(p));
    if (safe) {
      plan.prepend.push(line);
      continue;
    }
    // The line is the project's text: shown only when it is plain and short.
    const named = /^[\x20-\x7e]{1,120}$/.test(changed.negation) ? changed.negation : "a negation";
    plan.skipped.push({ line, why: `it would change what ${named} re-includes` });
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
