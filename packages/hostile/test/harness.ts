/**
 * The hostile-input harness: one case = a hostile setup on disk, one or more runs of a BUILT
 * CLI (create-nix-devshell, create-nix-home, or plop with the @nixhome/plop generators), and
 * assertions on the exit code, the message and a byte-for-byte listing of the whole case folder
 * (the target AND a sibling "victim" folder around it) before and after.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// NIXHOME_HOSTILE_PACKAGES=<a packages/ folder> runs the suite against another build (e.g. an
// older commit's, to show which cases it fails); default: this checkout's.
const pkgs = process.env.NIXHOME_HOSTILE_PACKAGES;
const built = (p: string) => (pkgs ? join(pkgs, p) : here(`../../${p}`));
export const CND = built("create-nix-devshell/dist/cli.js");
export const CNH = built("create-nix-home/dist/cli.js");
export const PLOP_GENERATORS = built("plop/dist/index.js");
export const PLOP_BIN = here("../node_modules/plop/bin/plop.js");
for (const f of [CND, CNH, PLOP_GENERATORS, PLOP_BIN])
  if (!existsSync(f)) throw new Error(`${f} is missing: run \`pnpm build\` first`);

export const isRoot = process.getuid?.() === 0;
export const NOBODY = 65534;
export const OTHER = 4242;
export const ROOT_ONLY =
  "needs root (chown to another uid, mknod, mount, or running as another user): skipped, run the suite as root to check it";

/** Where case folders live: a tmpfs when there is one (fast, and CI runs as root). */
const BASE = (() => {
  const shm = "/dev/shm";
  try {
    const d = mkdtempSync(join(existsSync(shm) ? shm : tmpdir(), "nixhome-hostile-"));
    chmodSync(d, 0o755);
    return d;
  } catch {
    const d = mkdtempSync(join(tmpdir(), "nixhome-hostile-"));
    chmodSync(d, 0o755);
    return d;
  }
})();
export const baseDir = BASE;
process.on("exit", () => {
  if (!process.env.NIXHOME_HOSTILE_KEEP) rmSync(BASE, { recursive: true, force: true });
});

/** Can we mount a small tmpfs (root, and allowed in this container)? */
export const canMount = (() => {
  if (!isRoot) return false;
  const d = mkdtempSync(join(BASE, "mount-probe-"));
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", d], { stdio: "ignore" });
  if (r.status !== 0) return false;
  spawnSync("umount", [d], { stdio: "ignore" });
  rmSync(d, { recursive: true, force: true });
  return true;
})();

export const hasNix = spawnSync("nix-instantiate", ["--version"], { stdio: "ignore" }).status === 0;

// ---------------------------------------------------------------------------------------
// The listing

export type Tree = Map<string, string>;

/** Every path under `root` (root included as ""), never following a symlink, never opening a
 * non-regular file: type, mode, uid:gid, then a content hash, a link target or a device number. */
export function listTree(root: string): Tree {
  const out: Tree = new Map();
  const walk = (p: string, rel: string) => {
    let st: ReturnType<typeof lstatSync>;
    try {
      st = lstatSync(p);
    } catch {
      return;
    }
    const head = `${(st.mode & 0o7777).toString(8).padStart(4, "0")} ${st.uid}:${st.gid}`;
    if (st.isSymbolicLink()) out.set(rel, `link ${head} -> ${readlinkSync(p)}`);
    else if (st.isFile()) {
      const h = createHash("sha256").update(readFileSync(p)).digest("hex").slice(0, 16);
      out.set(rel, `file ${head} ${st.size} ${h}`);
    } else if (st.isDirectory()) {
      out.set(rel, `dir  ${head}`);
      let names: string[] = [];
      try {
        names = readdirSync(p).sort();
      } catch {
        names = ["<unreadable>"];
      }
      for (const n of names) walk(join(p, n), rel ? `${rel}/${n}` : n);
    } else if (st.isFIFO()) out.set(rel, `fifo ${head}`);
    else if (st.isCharacterDevice()) out.set(rel, `char ${head} ${st.rdev}`);
    else if (st.isBlockDevice()) out.set(rel, `blk  ${head} ${st.rdev}`);
    else if (st.isSocket()) out.set(rel, `sock ${head}`);
    else out.set(rel, `other ${head}`);
  };
  walk(root, "");
  return out;
}

/** A readable diff of two listings ("" when equal). */
export function treeDiff(a: Tree, b: Tree): string {
  const lines: string[] = [];
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined) lines.push(`- ${k || "."}: ${v}`);
    else if (w !== v) lines.push(`~ ${k || "."}: ${v}  =>  ${w}`);
  }
  for (const [k, v] of b) if (!a.has(k)) lines.push(`+ ${k || "."}: ${v}`);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------
// Case folders

export interface Box {
  /** The case folder: everything in it is listed before and after. */
  root: string;
  /** The target (project / repository); may not exist yet. */
  t: string;
  /** A sibling folder outside the target that nothing may touch. */
  victim: string;
  /** A HOME outside the listing. */
  home: string;
  env: NodeJS.ProcessEnv;
  /** Mounts to undo at the end. */
  mounts: string[];
}

/** A path inside the case's target. */
export const inTarget = (b: Box, p: string) => join(b.t, p);
/** A path inside the case's victim folder (outside the target). */
export const inVictim = (b: Box, p: string) => join(b.victim, p);

/** create-nix-home's identity flags for a non-interactive run, without a terminal or git. */
export const IDENTITY = [
  "--no-git",
  "--name",
  "Big Boss",
  "--email",
  "b@x.y",
  "--username",
  "bigboss",
  "--home",
  "/home/bigboss",
] as const;

let counter = 0;
export function box(): Box {
  const root = mkdtempSync(join(BASE, `c${counter++}-`));
  chmodSync(root, 0o755);
  const home = mkdtempSync(join(BASE, `h${counter++}-`));
  chmodSync(home, 0o755);
  const victim = join(root, "victim");
  mkdirSync(join(victim, "dir"), { recursive: true });
  writeFileSync(join(victim, "keep"), "KEEP this: the user's own file outside the target\n", {
    mode: 0o600,
  });
  writeFileSync(join(victim, "flake.nix"), "{ outputs = _: { victim = true; }; }\n");
  writeFileSync(join(victim, "dir", "note"), "a note\n");
  const gitconfig = join(home, ".gitconfig");
  writeFileSync(
    gitconfig,
    "[user]\n\tname = Big Boss\n\temail = bigboss@metalrodeo.xyz\n[init]\n\tdefaultBranch = main\n",
  );
  chmodSync(gitconfig, 0o644);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    USER: "bigboss",
    SHELL: "/usr/bin/zsh",
    GIT_CONFIG_GLOBAL: gitconfig,
    GIT_CONFIG_NOSYSTEM: "1",
    LANG: "C.UTF-8",
    NO_COLOR: "1",
  };
  return { root, t: join(root, "t"), victim, home, env, mounts: [] };
}

export function cleanup(b: Box): void {
  for (const m of b.mounts.reverse()) spawnSync("umount", ["-l", m], { stdio: "ignore" });
  if (!process.env.NIXHOME_HOSTILE_KEEP) {
    rmSync(b.root, { recursive: true, force: true });
    rmSync(b.home, { recursive: true, force: true });
  }
}

/** Write files (string or bytes) below a folder, creating parents. */
export function put(dir: string, files: Record<string, string | Buffer>, mode = 0o644): void {
  for (const [p, content] of Object.entries(files)) {
    const full = join(dir, p);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, content);
    chmodSync(full, mode);
  }
}

export function sh(cmd: string, cwd?: string): void {
  const r = spawnSync("sh", ["-c", cmd], { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`setup failed: ${cmd}: ${r.stderr}`);
}

// A generated repository, made once by the built create-nix-home, for plop cases.
let templateRepo: string | null = null;
export function repoTemplate(): string {
  if (templateRepo) return templateRepo;
  const b = box();
  const r = spawnSync(
    process.execPath,
    [
      CNH,
      b.t,
      ...["--yes", "--no-git", "--no-plop", "--name", "Big Boss", "--email", "b@x.y"],
      ...["--username", "bigboss", "--home", "/home/bigboss"],
    ],
    { env: b.env, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`could not make the plop template repo: ${r.stderr}`);
  writeFileSync(
    join(b.t, "plopfile.js"),
    `import generators from ${JSON.stringify(PLOP_GENERATORS)};\nexport default (plop) => generators(plop);\n`,
  );
  templateRepo = b.t;
  return b.t;
}
export function copyRepo(b: Box): void {
  cpSync(repoTemplate(), b.t, { recursive: true });
}

// ---------------------------------------------------------------------------------------
// Runs

export type Tool = "cnd" | "cnh" | "plop";

export interface RunOpts {
  env?: Record<string, string>;
  /** Run as this uid/gid (root only). */
  uid?: number;
  /** A `sh -c` prefix, e.g. `ulimit -f 4;` (the command is then run through /bin/sh). */
  shellPrefix?: string;
  /** Raw arguments spliced unquoted into the shell line (for bytes node cannot pass). */
  rawShellArgs?: string;
  timeoutMs?: number;
  stdin?: "ignore" | "pipe";
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
  child?: ChildProcess;
}

export function command(tool: Tool, b: Box, args: readonly string[]): string[] {
  if (tool === "cnd") return [CND, "-C", b.t, ...args];
  if (tool === "cnh") return [CNH, b.t, ...args];
  return [PLOP_BIN, "--plopfile", join(b.t, "plopfile.js"), ...args];
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Start a run; resolve when it ends (or is killed after the timeout: a hang fails the case). */
export function start(
  tool: Tool,
  b: Box,
  args: readonly string[],
  o: RunOpts = {},
): { done: Promise<RunResult>; child: ChildProcess } {
  const argv = command(tool, b, args);
  const env = { ...b.env, ...o.env };
  const t0 = Date.now();
  let child: ChildProcess;
  const cwd = tool === "plop" && existsSync(b.t) ? b.t : b.root;
  if (o.shellPrefix !== undefined || o.rawShellArgs !== undefined) {
    const line = `${o.shellPrefix ?? ""} exec ${[process.execPath, ...argv].map(q).join(" ")} ${o.rawShellArgs ?? ""}`;
    child = spawn("sh", ["-c", line], {
      cwd,
      env,
      stdio: [o.stdin ?? "ignore", "pipe", "pipe"],
      ...(o.uid === undefined ? {} : { uid: o.uid, gid: o.uid }),
    });
  } else {
    child = spawn(process.execPath, argv, {
      cwd,
      env,
      stdio: [o.stdin ?? "ignore", "pipe", "pipe"],
      ...(o.uid === undefined ? {} : { uid: o.uid, gid: o.uid }),
    });
  }
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString("utf8");
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString("utf8");
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, o.timeoutMs ?? 30_000);
  const done = new Promise<RunResult>((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - t0 });
    });
  });
  return { done, child };
}

export const run = (tool: Tool, b: Box, args: readonly string[], o: RunOpts = {}) =>
  start(tool, b, args, o).done;

// ---------------------------------------------------------------------------------------
// Verdicts: each returns a list of problems ("" items never), empty = the case holds.

const STACK = /^\s+at .+[(:]\d+|node:internal|internal error|^\w*Error: |Unhandled|ERR_[A-Z_]+\b/m;

function where(r: RunResult): string {
  return `exit ${r.code}${r.signal ? ` signal ${r.signal}` : ""}${r.timedOut ? " (TIMED OUT: a hang)" : ""}; stderr: ${JSON.stringify(r.stderr.slice(0, 600))}; stdout: ${JSON.stringify(r.stdout.slice(-400))}`;
}

/** The error line a refusing run printed (plop reports on stdout with ✖). */
export function errorLines(tool: Tool, r: RunResult): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours
  const plain = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
  if (tool === "plop") {
    const all = `${plain(r.stdout)}\n${plain(r.stderr)}`.split("\n").map((l) => l.trim());
    const err = plain(r.stderr)
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && l !== "-");
    const marked = all.filter((l) => l.startsWith("✖"));
    return marked.length ? [...marked, ...err.filter((l) => !l.startsWith("✖"))] : err;
  }
  return plain(r.stderr)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

export function checkNoCrash(r: RunResult): string[] {
  const p: string[] = [];
  if (r.timedOut) p.push(`the run hung and was killed after its timeout; ${where(r)}`);
  else if (r.signal) p.push(`the run died of ${r.signal}; ${where(r)}`);
  if (STACK.test(r.stderr) || STACK.test(r.stdout))
    p.push(`a stack trace or "internal error" was printed; ${where(r)}`);
  return p;
}

export function checkRefusal(tool: Tool, r: RunResult, message?: RegExp, exit?: number): string[] {
  const p = checkNoCrash(r);
  if (p.length) return p;
  if (r.code === 0) return [`expected a refusal (exit ≠ 0), got exit 0; ${where(r)}`];
  if (exit !== undefined && r.code !== exit) p.push(`expected exit ${exit}; ${where(r)}`);
  const lines = errorLines(tool, r);
  if (lines.length !== 1)
    p.push(`expected exactly one message line, got ${lines.length}; ${where(r)}`);
  else if (message && !message.test(lines[0] as string))
    p.push(`message ${JSON.stringify(lines[0])} does not match ${message}`);
  return p;
}

export function checkSame(before: Tree, after: Tree, what = "the tree"): string[] {
  const d = treeDiff(before, after);
  return d ? [`${what} changed although nothing may change:\n${d}`] : [];
}

/** Paths a tool may add or change in a successful run (relative to the case root). */
export const PLANNED: Record<Tool, RegExp> = {
  cnd: /^t(\/(flake\.nix|\.envrc|\.gitignore|flake\.nix\.bak[^/]*))?$/,
  cnh: /^t(\/(flake\.nix|home\.nix|nixhome\.json|README\.md|bootstrap\.sh|\.gitignore|package\.json|plopfile\.js|\.github|\.github\/workflows|\.github\/workflows\/[a-z-]+\.yml|services|services\/[^/]+|profiles|profiles\/(base|personal)\.nix|profiles\/project-templates|profiles\/project-templates\/[a-z0-9-]+\.nix|hosts|hosts\/[^/]+\.nix)(\.bak[^/]*)?)?$/,
  plop: /^t\/(nixhome\.json|README\.md|bootstrap\.sh|profiles|profiles\/[^/]+\.nix|profiles\/project-templates|profiles\/project-templates\/[^/]+\.nix|hosts|hosts\/[^/]+\.nix)(\.bak[^/]*)?$/,
};
/** Files a tool may rewrite whole without keeping a backup (they are its own generated data). */
const REWRITABLE: Record<Tool, RegExp> = {
  cnd: /^$/,
  cnh: /^$/,
  plop: /(^|\/)(nixhome\.json|README\.md|bootstrap\.sh)$/,
};
/** Files a tool merges into: the old bytes must stay a prefix. */
const MERGED = /(^|\/)(\.gitignore|\.envrc)$/;

const parse = (line: string) => {
  const [type, mode, owner, ...rest] = line.split(/ +/);
  return { type, mode, owner, rest: rest.join(" ") };
};

/**
 * A successful run: only planned paths are new or changed; nothing existing is removed, changes
 * type, mode or owner; a merged file keeps its old bytes as a prefix; a replaced file's old
 * content survives in a new backup; nothing outside the target changes.
 */
export function checkSuccess(
  tool: Tool,
  b: Box,
  before: Tree,
  after: Tree,
  beforeBytes: Map<string, Buffer>,
  allow?: RegExp,
): string[] {
  const planned = (k: string) => PLANNED[tool].test(k) || (allow?.test(k) ?? false);
  const p: string[] = [];
  const newHashes = new Set<string>();
  for (const [k, v] of after)
    if (!before.has(k) && v.startsWith("file")) newHashes.add(v.split(" ").pop() as string);
  for (const [k, v] of before) {
    const w = after.get(k);
    if (w === v) continue;
    if (w === undefined) {
      p.push(`${k} was removed (${v})`);
      continue;
    }
    if (!planned(k)) {
      p.push(`${k} changed outside the plan: ${v} => ${w}`);
      continue;
    }
    const a = parse(v);
    const c = parse(w);
    if (a.type !== c.type) p.push(`${k} changed type: ${v} => ${w}`);
    if (a.owner !== c.owner) p.push(`${k} lost its owner: ${v} => ${w}`);
    if (a.type === "dir") {
      if (a.mode !== c.mode) p.push(`${k} lost its mode: ${v} => ${w}`);
      continue;
    }
    if (a.type === "link") {
      p.push(`${k}: symlink retargeted: ${v} => ${w}`);
      continue;
    }
    if (a.type !== "file" || c.type !== "file") continue;
    const aPerm = Number.parseInt(a.mode as string, 8);
    const cPerm = Number.parseInt(c.mode as string, 8);
    // Only the exec bit of a planned file may be added (bootstrap.sh); nothing else.
    if ((aPerm | 0o111) !== (cPerm | 0o111) || (aPerm & ~cPerm) !== 0)
      p.push(`${k} lost its mode: ${v} => ${w}`);
    const old = beforeBytes.get(k);
    const now = readFileSync(join(b.root, k));
    if (MERGED.test(k)) {
      if (old && !now.subarray(0, old.length).equals(old))
        p.push(`${k} was merged but its old bytes are not kept as they were`);
    } else if (!REWRITABLE[tool].test(k)) {
      const oldHash = a.rest.split(" ").pop() as string;
      if (!newHashes.has(oldHash))
        p.push(`${k} was overwritten and its old content is in no new backup file`);
    }
  }
  for (const [k, v] of after) {
    if (before.has(k)) continue;
    if (!planned(k)) p.push(`unplanned new path ${k} (${v})`);
  }
  return p;
}

/** Bytes of every regular file (for the prefix / backup checks). */
export function readAll(root: string, tree: Tree): Map<string, Buffer> {
  const m = new Map<string, Buffer>();
  for (const [k, v] of tree) if (v.startsWith("file")) m.set(k, readFileSync(join(root, k)));
  return m;
}

/** Leftovers of a transaction anywhere in the case folder (staging, lock, journal). */
export function leftovers(tree: Tree): string[] {
  return [...tree.keys()].filter((k) =>
    /nixhome-|\.lock$|journal|staging/i.test(k.split("/").pop() ?? ""),
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until the listing differs from `before` (the run got into its write), at most `ms`. */
export async function waitForChange(root: string, before: Tree, ms = 8000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (treeDiff(before, listTree(root))) return true;
    await sleep(15);
  }
  return false;
}

/** Every .nix file of a folder, parsed by Nix; returns problems and the parsed shapes. */
export function parseNix(dir: string): { problems: string[]; shapes: Map<string, string> } {
  const problems: string[] = [];
  const shapes = new Map<string, string>();
  const walk = (d: string, rel: string) => {
    for (const n of readdirSync(d).sort()) {
      const full = join(d, n);
      const r = rel ? `${rel}/${n}` : n;
      const st = lstatSync(full);
      if (st.isDirectory()) walk(full, r);
      else if (st.isFile() && n.endsWith(".nix")) {
        const res = spawnSync("nix-instantiate", ["--parse", full], { encoding: "utf8" });
        if (res.status !== 0) problems.push(`${r} does not parse: ${res.stderr.trim()}`);
        else shapes.set(r, shape(res.stdout));
      }
    }
  };
  if (existsSync(dir)) walk(dir, "");
  return { problems, shapes };
}

/** A parsed expression with every string literal's content blanked: equal shapes = no code
 * came from the text (comments are gone after parsing, strings become "S"). */
export function shape(parsed: string): string {
  return parsed.replace(/"(?:[^"\\]|\\.)*"/gs, '"S"').replace(/\/[^ ;)\]]*/g, "/P");
}
