/**
 * The git identity (`user.name`, `user.email`) a run offers as defaults, and
 * whether git is installed, without starting git when the answer is certain.
 *
 * Starting git costs a `--yes` run more than everything else it does together
 * (loading child_process, fork, exec, git reading its files), so the common
 * case is read directly: the global config files, in git's order, when they
 * set both keys in plain syntax. Anything this reader is not sure of (an
 * include, a syntax it does not know, a GIT_CONFIG* variable, a folder inside a git
 * repository whose local config could win, a key missing so that the system
 * file could matter) makes it ask git itself, exactly as before. A test
 * checks its answers against real git's.
 */
import { readFileSync, type Stats, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";

export interface GitIdentity {
  /** Lower-case key (`user.name`) → value; only keys that are set. */
  values: Map<string, string>;
}

const KEYS = ["user.name", "user.email"] as const;
const REPO_VARIABLES = ["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR"];
/** Larger files are git's to read. */
const MAX_CONFIG_BYTES = 1 << 20;

// A missing path is the common answer: asked without an exception (they cost a short run).
const stat = (path: string): Stats | undefined => {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};

function regularFile(path: string): Stats | undefined {
  const st = stat(path);
  return st?.isFile() ? st : undefined;
}

/**
 * One config file's user.name/user.email, or null when the file uses anything
 * beyond plain `[section]` / `key = value` lines (then git must read it).
 */
export function readPlainGitConfig(text: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let section = "";
  for (const raw of text.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    // git's blanks are space and tab only (no Unicode spaces).
    const trimmed = line.replace(/^[ \t]+|[ \t]+$/g, "");
    if (trimmed === "" || trimmed[0] === "#" || trimmed[0] === ";") continue;
    if (trimmed[0] === "[") {
      // `[section]` or `[section "sub"]`, nothing after it but a comment.
      const m = /^\[([A-Za-z0-9-]+)(?:[ \t]+"((?:[^"\\]|\\.)*)")?\][ \t]*(?:[#;].*)?$/.exec(
        trimmed,
      );
      if (!m) return null;
      const name = (m[1] as string).toLowerCase();
      // Includes bring in other files (and conditions): git's to resolve.
      if (name === "include" || name === "includeif") return null;
      section = m[2] === undefined ? name : `${name}.sub`;
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*(?:=(.*))?$/.exec(trimmed);
    if (!m) return null;
    // A backslash at the end continues the value on the next line, in any section (the next
    // line, even a `[user]`, is then part of it): git's to read.
    if (trimmed.endsWith("\\")) return null;
    if (section !== "user") continue;
    const key = `user.${(m[1] as string).toLowerCase()}`;
    if (!(KEYS as readonly string[]).includes(key)) continue;
    // `name` alone is the boolean true; not an identity git would offer either way.
    if (m[2] === undefined) return null;
    const value = plainValue(m[2]);
    if (value === null) return null;
    // As the answer read from git's output always was: trimmed, and an empty value sets nothing.
    if (value.trim()) out.set(key, value.trim());
  }
  return out;
}

/** A value as git reads it: quotes, the escapes \" \\ \t, comments, blanks; null if unsure. */
function plainValue(raw: string): string | null {
  let out = "";
  // Trailing blanks outside quotes are dropped: hold them until something follows.
  let pending = "";
  let quoted = false;
  let started = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (!quoted && (c === "#" || c === ";")) break;
    if (!quoted && (c === " " || c === "\t")) {
      // git keeps a run of blanks inside a value as that many spaces.
      if (started) pending += " ";
      continue;
    }
    out += pending;
    pending = "";
    started = true;
    if (c === '"') {
      quoted = !quoted;
      continue;
    }
    if (c === "\\") {
      const next = raw[++i];
      // \n and \b would make a line break or a control character (no identity has one);
      // a backslash at the end continues the value on the next line: git's to read.
      const escaped = next === '"' || next === "\\" ? next : next === "t" ? "\t" : undefined;
      if (escaped === undefined) return null;
      out += escaped;
      continue;
    }
    if (c.charCodeAt(0) < 0x20 || c === "\x7f") return null;
    out += c;
  }
  return quoted ? null : out;
}

/** Is `dir` or a folder above it a git work tree or repository (so local config could apply)? */
function insideGitRepository(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if (stat(join(d, ".git"))) return true;
    // A bare repository's own folder: config + HEAD + objects.
    if (regularFile(join(d, "HEAD")) && regularFile(join(d, "config"))) return true;
    if (dirname(d) === d) return false;
  }
}

/**
 * The identity from the global config files alone, or undefined when only git
 * can say (see the top of this file).
 */
export function readGitIdentity(env: NodeJS.ProcessEnv, cwd: string): GitIdentity | undefined {
  // Variables that change which config git reads (GIT_CONFIG_GLOBAL, _COUNT, _PARAMETERS…, or
  // another repository): git's to apply.
  if (Object.keys(env).some((k) => k.startsWith("GIT_CONFIG") || REPO_VARIABLES.includes(k)))
    return undefined;
  const home = env.HOME;
  if (!home?.startsWith("/")) return undefined;
  const xdg = env.XDG_CONFIG_HOME ? env.XDG_CONFIG_HOME : join(home, ".config");
  if (!xdg.startsWith("/")) return undefined;
  if (insideGitRepository(cwd)) return undefined;
  const values = new Map<string, string>();
  // git reads $XDG_CONFIG_HOME/git/config, then ~/.gitconfig: a later value wins.
  for (const file of [join(xdg, "git", "config"), join(home, ".gitconfig")]) {
    let st: Stats | undefined;
    try {
      st = statSync(file, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!st) continue;
    if (!st.isFile() || st.size > MAX_CONFIG_BYTES) return undefined;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
    const found = readPlainGitConfig(text);
    if (!found) return undefined;
    for (const [k, v] of found) values.set(k, v);
  }
  // A key the global files do not set could come from the system file, whose
  // place depends on how git was built: git's to say.
  if (!KEYS.every((k) => values.has(k))) return undefined;
  return { values };
}

/** Is there an executable `git` on PATH (what spawning "git" would find)? */
export function gitOnPath(env: NodeJS.ProcessEnv): boolean {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const st = regularFile(join(dir, "git"));
    if (st && st.mode & 0o111) return true;
  }
  return false;
}
