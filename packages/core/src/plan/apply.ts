/**
 * apply: the only code that writes a FilePlan to disk. It compares with what
 * exists and refuses to clobber; then, holding the target's lock, it stages
 * every file (bytes, mode, owner final), writes an intent journal, checks
 * that no file it replaces changed since it was read, and renames them into
 * place. A failure undoes the commit; a run killed half-way is undone by the
 * next one (see txn.ts and docs/decisions, "how a write stays safe").
 */
import {
  type BigIntStats,
  chownSync,
  closeSync,
  constants,
  copyFileSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmdirSync,
  type Stats,
  statSync,
  unlinkSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { errnoOf, fsError, fsyncDir, isFsError, kindOf, lstatOrNull, readRegular } from "./fsx.js";
import {
  checkPlan,
  diffInserts,
  diffLines,
  type FilePlan,
  lineMergeOf,
  mergeBytes,
  NixhomeError,
  type PlannedFile,
  TXN_DIR,
} from "./plan.js";
import {
  acquire,
  insidePath,
  type Journal,
  type JournalEntry,
  makeSeal,
  markCommitted,
  recoverTarget,
  release,
  rollback,
  type Txn,
  testPoint,
  writeJournal,
  writeNewFile,
} from "./txn.js";

export type ChangeKind = "create" | "update" | "append" | "unchanged" | "conflict";

export interface Change {
  path: string;
  kind: ChangeKind;
  /** The text that would be written (for create/update/append), decoded for display. */
  content: string;
  mode: number;
  /** Unified diff against the existing file (only when asked for: `diff: true`). */
  diff?: string;
  /** The backup this change would keep of the file it overwrites (relative path). */
  backup?: string;
}

export interface ApplyOptions {
  /** Overwrite files that exist with other content. */
  force?: boolean;
  /** Keep a backup (`<file>.bak`, or `.bak.1`, … when that exists) of every file `force` overwrites. */
  backup?: boolean;
  /** Compute diffs (for --dry-run; a real run does not need them). */
  diff?: boolean;
}

export interface ApplyResult {
  changes: Change[];
  written: string[];
  backups: string[];
  /** Things that went wrong after the write succeeded (e.g. a cleanup); worth a warning line. */
  warnings: string[];
}

interface Analysed {
  change: Change;
  planned: PlannedFile;
  /** The path really written, relative to the target's real path (symlinks inside resolved). */
  rel: string;
  existing: { bytes: Buffer; st: Stats } | null;
  bytes: Buffer | null;
}

/**
 * `rel` below the absolute, normalised folder `base`. Planned and journal paths are plain
 * (checkPlan: no `.`, `..` or empty parts), so plain concatenation is exact — and cheaper
 * than path.join's normalising, which a run would do for every file several times.
 */
const under = (base: string, rel: string) => (base === "/" ? `/${rel}` : `${base}/${rel}`);

/**
 * lstat, remembered for one pass over the target. A pass has no test point and waits for
 * nothing, so a folder checked once in it needs no second look in it; every pass (the read,
 * the compare-and-swap before the commit, each commit step) starts with a new Probe, so a
 * folder swapped between two passes is still seen by the later one.
 */
class Probe {
  private readonly seen = new Map<string, Stats | null>();
  lstat(p: string): Stats | null {
    let st = this.seen.get(p);
    if (st === undefined) {
      st = lstatOrNull(p);
      this.seen.set(p, st);
    }
    return st;
  }
}

/** Whether a folder holds nothing but the transaction folder (a target this run just made). */
function onlyTxn(real: string): boolean {
  const names = readdirSync(real);
  return names.length === 1 && names[0] === TXN_DIR;
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep));
}

/**
 * Resolve a planned path below the real target: a symlink on the way (or the
 * file itself) must lead to somewhere inside the target; folders must be
 * folders and the file a regular file. Returns the real relative path and
 * whether it exists.
 */
function resolveInside(
  real: string,
  path: string,
  shown: string,
  probe: Probe,
): { rel: string; exists: boolean; st?: Stats } {
  const parts = path.split("/");
  let cur = real;
  let viaLink = false;
  for (let i = 0; i < parts.length; i++) {
    const next = under(cur, parts[i] as string);
    const here = () => join(shown, ...parts.slice(0, i + 1));
    let st: Stats | null;
    try {
      st = probe.lstat(next);
    } catch (e) {
      throw fsError(e, "read", here());
    }
    if (!st) {
      if (!viaLink) return { rel: path, exists: false };
      return { rel: relative(real, under(cur, parts.slice(i).join("/"))), exists: false };
    }
    let dest = next;
    if (st.isSymbolicLink()) {
      try {
        dest = realpathSync(next);
      } catch {
        throw new NixhomeError(`${here()} is a dangling symlink; remove it first`);
      }
      if (!isInside(real, dest) || dest === real)
        throw new NixhomeError(
          `${here()} is a symlink leading outside ${shown}; refusing to write through it`,
        );
      st = lstatSync(dest);
      viaLink = true;
    }
    const last = i === parts.length - 1;
    if (!last && !st.isDirectory())
      throw new NixhomeError(
        `${here()} is ${st.isFile() ? "a file" : kindOf(st)}, expected a directory`,
      );
    if (last && st.isDirectory())
      throw new NixhomeError(`${here()} is a directory, expected a file`);
    if (last && !st.isFile())
      throw new NixhomeError(`${here()} is ${kindOf(st)}, not a regular file`);
    cur = dest;
    if (last) return { rel: viaLink ? relative(real, cur) : path, exists: true, st };
  }
  return { rel: relative(real, cur), exists: true };
}

const isExec = (mode: number) => (mode & 0o111) !== 0;

/** The mode of a file we rewrite: its own, plus execute bits where it is readable if we plan an executable. */
function keptMode(existing: number, planned: number): number {
  const m = existing & 0o7777;
  return isExec(planned) && !isExec(m) ? m | ((m & 0o444) >> 2) : m;
}

function analyse(
  plan: FilePlan,
  real: string | null,
  shown: string,
  options: ApplyOptions,
): Analysed[] {
  const probe = new Probe();
  const out = plan.map((f): Analysed => {
    const planned = f.mode ?? 0o644;
    const r = real
      ? resolveInside(real, f.path, shown, probe)
      : { rel: f.path, exists: false, st: undefined };
    const content = Buffer.from(f.content, "utf8");
    const create = (): Analysed => ({
      change: { path: f.path, kind: "create", content: f.content, mode: planned },
      planned: f,
      rel: r.rel,
      existing: null,
      bytes: content,
    });
    if (!real || !r.exists) return create();
    const existing = readRegular(under(real, r.rel), join(shown, f.path), r.st);
    const mode = keptMode(existing.st.mode, planned);
    const base = { planned: f, rel: r.rel, existing };
    const unchanged = (): Analysed => ({
      ...base,
      change: { path: f.path, kind: "unchanged", content: f.content, mode },
      bytes: null,
    });
    const merge = lineMergeOf(f);
    if (merge) {
      const m = mergeBytes(existing.bytes, merge);
      if (!m.bytes) return unchanged();
      return {
        ...base,
        change: {
          path: f.path,
          kind: "append",
          content: m.bytes.toString("utf8"),
          mode,
          ...(options.diff ? { diff: diffInserts(m, f.path) } : {}),
        },
        bytes: m.bytes,
      };
    }
    const diff = () =>
      options.diff ? { diff: diffLines(existing.bytes.toString("utf8"), f.content, f.path) } : {};
    if (existing.bytes.equals(content)) {
      if (mode === (existing.st.mode & 0o7777)) return unchanged();
      return {
        ...base,
        change: { path: f.path, kind: "update", content: f.content, mode },
        bytes: content,
      };
    }
    if (f.replaces !== undefined && existing.bytes.equals(Buffer.from(f.replaces, "utf8")))
      return {
        ...base,
        change: { path: f.path, kind: "update", content: f.content, mode, ...diff() },
        bytes: content,
      };
    return {
      ...base,
      change: {
        path: f.path,
        kind: options.force ? "update" : "conflict",
        content: f.content,
        mode,
        ...diff(),
      },
      bytes: content,
    };
  });
  const seen = new Map<string, string>();
  for (const a of out) {
    const other = seen.get(a.rel);
    if (other !== undefined)
      throw new NixhomeError(
        `${join(shown, other)} and ${join(shown, a.planned.path)} are the same file (through a symlink); refusing to write it twice`,
      );
    seen.set(a.rel, a.planned.path);
  }
  // Backups: a fresh name next to each file that --force overwrites.
  if (options.backup && real) {
    const taken = new Set(out.map((a) => a.rel));
    for (const a of out) {
      if (a.change.kind !== "update" || !a.existing || !options.force) continue;
      if (a.planned.replaces !== undefined) continue;
      if (a.existing.bytes.equals(a.bytes as Buffer)) continue;
      let name = `${a.rel}.bak`;
      for (let n = 1; taken.has(name) || lstatOrNull(under(real, name)) !== null; n++)
        name = `${a.rel}.bak.${n}`;
      taken.add(name);
      a.change.backup = name;
    }
  }
  return out;
}

/**
 * The real path of a target folder, or null when nothing is there. A symlink to
 * a folder is followed; a file, a dangling symlink or an unreadable path is a
 * one-line error naming `shown`.
 */
export function existingDirectory(abs: string, shown: string = abs): string | null {
  let st: Stats | null;
  try {
    st = lstatOrNull(abs);
  } catch (e) {
    throw fsError(e, "read", shown);
  }
  if (!st) return null;
  let dir = st.isDirectory();
  if (st.isSymbolicLink()) {
    try {
      dir = statSync(abs).isDirectory();
    } catch {
      throw new NixhomeError(`${shown} is a dangling symlink`);
    }
  }
  if (!dir) throw new NixhomeError(`${shown} exists and is not a directory`);
  return realpathSync(abs);
}

/** Compare a plan with the target directory. Reads only (regular files only, never blocking). */
export function planChanges(plan: FilePlan, target: string, options: ApplyOptions = {}): Change[] {
  checkPlan(plan);
  const real = existingDirectory(resolve(target), target);
  return analyse(plan, real, target, options).map((a) => a.change);
}

function conflictError(
  target: string,
  items: readonly Analysed[],
  options: ApplyOptions,
): NixhomeError | null {
  const conflicts = items.filter((a) => a.change.kind === "conflict");
  if (conflicts.length === 0) return null;
  // A file the caller read and edited (`replaces`) that is no longer what it read.
  const edited = conflicts
    .filter((a) => a.planned.replaces !== undefined)
    .map((a) => a.change.path);
  if (edited.length)
    return new NixhomeError(
      `${edited.join(", ")} in ${target} changed since it was read (edited meanwhile?); nothing was written, run again`,
    );
  const paths = conflicts.map((a) => a.change.path);
  return new NixhomeError(
    `${paths.join(", ")} already exist${paths.length === 1 ? "s" : ""} in ${target} with other content; use --force to overwrite${options.backup ? " (a .bak copy is kept)" : ""}`,
  );
}

/** One file the commit puts in place. */
interface Op {
  /** The planned path (or the backup's), for results and messages. */
  path: string;
  rel: string;
  kind: "create" | "replace";
  bytes: Buffer;
  mode: number;
  owner: { uid: number; gid: number } | null;
  /** What the file held when it was read (the compare-and-swap of the commit). */
  expected: Buffer | null;
  entry?: JournalEntry;
}

/** Create the missing folders of the target; returns them, outermost first. */
function ensureTarget(abs: string, shown: string, owner: Owner): string[] {
  const created: string[] = [];
  let d = abs;
  try {
    while (lstatOrNull(d) === null) {
      created.unshift(d);
      d = dirname(d);
    }
  } catch (e) {
    throw fsError(e, "create directory", shown);
  }
  for (const c of created) {
    try {
      mkdirSync(c);
      if (owner) chownSync(c, owner.uid, owner.gid);
    } catch (e) {
      removeEmptyDirs(created);
      throw fsError(e, "create directory", c === abs ? shown : c);
    }
  }
  return created;
}

function removeEmptyDirs(dirs: readonly string[]): void {
  for (const d of [...dirs].reverse())
    try {
      rmdirSync(d);
    } catch {
      // not ours to remove any more, or already gone
    }
}

type Owner = { uid: number; gid: number } | null;

/** Running as root: the owner new files get (the target's owner), unless that is root. */
function ownerFor(abs: string): Owner {
  if (process.getuid?.() !== 0) return null;
  let d = abs;
  for (;;) {
    const st = lstatOrNull(d);
    if (st) return st.uid === 0 ? null : { uid: st.uid, gid: st.gid };
    if (dirname(d) === d) return null;
    d = dirname(d);
  }
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const SIGNAL_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * While a transaction runs, SIGINT/SIGTERM/SIGHUP are held: the apply is
 * synchronous, so the handler runs only once it has committed or undone
 * everything, and then ends the process with the signal's exit code.
 */
let held = 0;
let removal: NodeJS.Immediate | null = null;
const onSignal = (sig: NodeJS.Signals) => {
  process.stderr.write(
    `nixhome: ${sig}: stopped after the write finished (nothing is half-written)\n`,
  );
  process.exit(SIGNAL_CODES[sig] ?? 1);
};

function holdSignals(): () => void {
  if (removal) clearImmediate(removal);
  removal = null;
  if (held++ === 0 && process.listeners("SIGINT").every((l) => l !== onSignal))
    // First in line: a CLI's own "cancelled; nothing was written" would not be true any more.
    for (const s of SIGNALS) process.prependListener(s, onSignal);
  return () => {
    if (--held > 0) return;
    // Kept until the event loop has polled once more (poll is where a signal that came
    // during the write is delivered): an immediate that queues another. The first runs in
    // the check phase after this poll (or after the first poll, when the write ran before
    // the loop started), the second only after the next poll. A timer would do the same
    // but costs its millisecond on every run.
    removal = setImmediate(() => {
      removal = setImmediate(() => {
        removal = null;
        if (held === 0) for (const s of SIGNALS) process.off(s, onSignal);
      });
    });
  };
}

/**
 * Write a plan. Conflicts (existing files with other content) abort the whole
 * run before anything is written, unless `force`. Throws a one-line
 * NixhomeError naming the path and the cause; the target is then as it was.
 */
export function applyPlan(plan: FilePlan, target: string, options: ApplyOptions = {}): ApplyResult {
  checkPlan(plan);
  const abs = resolve(target);
  const shown = target;
  // What an interrupted run left is undone before anything is compared.
  const leftover = recoverTarget(target);
  const there = existingDirectory(abs, shown);
  const first = analyse(plan, there, shown, { ...options, diff: false });
  const refused = conflictError(target, first, options);
  if (refused) throw refused;
  if (first.every((a) => a.change.kind === "unchanged"))
    return { changes: first.map((a) => a.change), written: [], backups: [], warnings: leftover };

  const owner = ownerFor(abs);
  const created = ensureTarget(abs, shown, owner);
  const real = realpathSync(abs);
  let txn: Txn;
  try {
    txn = acquire(real, shown);
    txn.warnings.push(...leftover);
  } catch (e) {
    removeEmptyDirs(created);
    throw e;
  }
  const unhold = holdSignals();
  try {
    // A target this run made was read as empty (nothing existed); it still is if the lock
    // is all it holds, and then that first read is the read under the lock.
    const fresh = there === null && created.length > 0 ? first : null;
    return transact(plan, txn, options, owner, created, fresh);
  } finally {
    unhold();
  }
}

function transact(
  plan: FilePlan,
  txn: Txn,
  options: ApplyOptions,
  owner: Owner,
  created: string[],
  fresh: Analysed[] | null,
): ApplyResult {
  const { real, shown } = txn;
  let journal: Journal | null = null;
  let committed = false;
  let items: Analysed[] = [];
  const ops: Op[] = [];
  // What this run puts in the transaction folder, in the order release removes it.
  const made: string[] = [];
  try {
    testPoint("locked");
    // The read that counts: under the lock. The commit compares against it.
    let empty = false;
    if (fresh && onlyTxn(real)) {
      items = fresh;
      empty = true;
    } else items = analyse(plan, real, shown, { ...options, diff: false });
    const refused = conflictError(shown, items, options);
    if (refused) throw refused;
    const root = process.getuid?.() === 0;
    for (const a of items) {
      if (a.change.backup && a.existing)
        ops.push({
          path: a.change.backup,
          rel: a.change.backup,
          kind: "create",
          bytes: a.existing.bytes,
          mode: a.existing.st.mode & 0o7777,
          owner: root ? { uid: a.existing.st.uid, gid: a.existing.st.gid } : null,
          expected: null,
        });
    }
    for (const a of items) {
      if (a.change.kind === "unchanged" || !a.bytes) continue;
      ops.push({
        path: a.planned.path,
        rel: a.rel,
        kind: a.existing ? "replace" : "create",
        bytes: a.bytes,
        mode: a.change.mode,
        owner: a.existing
          ? root
            ? { uid: a.existing.st.uid, gid: a.existing.st.gid }
            : null
          : owner,
        expected: a.existing ? a.existing.bytes : null,
      });
    }
    if (ops.length === 0) {
      release(txn);
      return {
        changes: items.map((a) => a.change),
        written: [],
        backups: [],
        warnings: txn.warnings,
      };
    }

    // Stage: every new file complete, with its final mode and owner.
    const replaces = ops.some((op) => op.kind === "replace");
    mkdirSync(join(txn.dir, "stage"));
    if (replaces) mkdirSync(join(txn.dir, "orig"));
    const stageDir = join(txn.dir, "stage");
    ops.forEach((op, i) => {
      const staged = `${stageDir}/${i}`;
      let st: BigIntStats;
      try {
        const fd = writeNewFile(staged, op.bytes, op.mode);
        try {
          if (op.owner) fchownSync(fd, op.owner.uid, op.owner.gid);
          st = fstatSync(fd, { bigint: true });
          // open() gave it mode & ~umask (and a chown as root may drop set-id bits).
          if (Number(st.mode & 0o7777n) !== op.mode) fchmodSync(fd, op.mode);
        } finally {
          closeSync(fd);
        }
      } catch (e) {
        throw fsError(e, "write", join(shown, op.path));
      }
      op.entry = {
        path: op.rel,
        kind: op.kind,
        staged: `stage/${i}`,
        orig: op.kind === "replace" ? `orig/${i}` : null,
        dev: st.dev.toString(),
        ino: st.ino.toString(),
        size: op.bytes.length,
        mtime: st.mtimeNs.toString(),
      };
    });
    testPoint("staged");

    // The folders the commit creates, parents first.
    const dirs: string[] = [];
    const seenDirs = new Set<string>();
    const probe = new Probe();
    for (const op of ops) {
      if (op.kind !== "create") continue;
      const parts = op.rel.split("/");
      for (let k = 1; k < parts.length; k++) {
        const d = parts.slice(0, k).join("/");
        if (seenDirs.has(d)) continue;
        seenDirs.add(d);
        if (probe.lstat(under(real, d)) === null) dirs.push(d);
      }
    }
    const seal = makeSeal(txn);
    made.push("journal.json", "seal");
    journal = { v: 2, seal, dirs, entries: ops.map((op) => op.entry as JournalEntry) };
    try {
      writeJournal(txn, journal);
    } catch (e) {
      journal = null;
      throw fsError(e, "write to", shown);
    }
    testPoint("journaled");

    // Compare-and-swap, first for all files: anything changed since it was read → nothing is
    // written. A target that held nothing but the lock and still does has nothing to compare.
    if (!(empty && onlyTxn(real))) {
      const pass = new Probe();
      for (const op of ops) checkUnchanged(txn, op, pass);
    }

    for (const d of dirs) {
      const p = under(real, d);
      try {
        mkdirSync(p);
        if (owner) chownSync(p, owner.uid, owner.gid);
      } catch (e) {
        if (errnoOf(e) === "EEXIST" && lstatOrNull(p)?.isDirectory()) continue;
        throw fsError(e, "create directory", join(shown, d));
      }
    }
    ops.forEach((op, n) => {
      commitOne(txn, op);
      testPoint(`commit:${n + 1}`);
    });
    // The marker, then every folder the commit changed fsynced, the marker's own last: once
    // the marker is durable every link and rename before it is (see the ADR on ordering).
    const touched = new Set(ops.map((op) => dirname(under(real, op.rel))));
    for (const d of dirs) touched.add(dirname(under(real, d)));
    markCommitted(txn, () => {
      for (const d of touched) fsyncDir(d);
    });
    made.push("committed", "stage/");
    if (replaces) {
      for (const op of ops) if (op.entry?.orig) made.push(op.entry.orig);
      made.push("orig/");
    }
    committed = true;
    testPoint("committed");
  } catch (e) {
    if (committed) {
      txn.warnings.push(`after the write: ${(e as Error).message}`);
    } else {
      let undone = true;
      if (journal) {
        try {
          rollback(txn, journal);
        } catch (err) {
          undone = false;
          // Keep the journal and the (soon stale) lock: the next run retries the undo.
          throw new NixhomeError(`${messageOf(e, shown)}; ${(err as Error).message}`);
        }
      }
      if (undone) {
        release(txn);
        removeEmptyDirs(created);
      }
      if (e instanceof NixhomeError || isFsError(e))
        throw new NixhomeError(
          `${messageOf(e, shown)}; nothing was changed`,
          (e as NixhomeError).exitCode ?? 1,
        );
      throw e;
    }
  }
  release(txn, made);
  testPoint("cleaned");
  return {
    changes: items.map((a) => a.change),
    written: items.filter((a) => a.change.kind !== "unchanged").map((a) => a.change.path),
    backups: items.flatMap((a) => (a.change.backup ? [a.change.backup] : [])),
    warnings: txn.warnings,
  };
}

function messageOf(e: unknown, shown: string): string {
  if (e instanceof NixhomeError) return e.message;
  return fsError(e, "write to", shown).message;
}

const changed = (shownPath: string) =>
  new NixhomeError(
    `${shownPath} was changed by someone else while nixhome was writing (run again)`,
  );

/**
 * The compare-and-swap of one file: it must still be exactly what was read (or still be
 * missing, with every folder on the way a real folder or missing too).
 */
function checkUnchanged(txn: Txn, op: Op, probe: Probe): void {
  const shownPath = join(txn.shown, op.path);
  if (op.expected === null) {
    let p = txn.real;
    const parts = op.rel.split("/");
    for (let i = 0; i < parts.length; i++) {
      p = under(p, parts[i] as string);
      const st = probe.lstat(p);
      if (st === null) return;
      if (i === parts.length - 1 || !st.isDirectory()) throw changed(shownPath);
    }
    return;
  }
  const final = insidePath(txn.real, op.rel);
  if (final === null) throw changed(shownPath);
  let now: Buffer;
  try {
    now = readRegular(final, shownPath).bytes;
  } catch {
    throw changed(shownPath);
  }
  if (!now.equals(op.expected)) throw changed(shownPath);
}

/**
 * Every folder on the way to a file the commit creates is (still) a real folder: checked
 * right before its link, since a folder can be swapped for a symlink between two commit
 * steps. The file itself needs no look: link() fails if anything, even a symlink, is there.
 */
function foldersHold(txn: Txn, op: Op): void {
  const parts = op.rel.split("/");
  let p = txn.real;
  for (let i = 0; i < parts.length - 1; i++) {
    p = under(p, parts[i] as string);
    if (!lstatOrNull(p)?.isDirectory()) throw changed(join(txn.shown, op.path));
  }
}

/** Put one staged file in place: a create never replaces anything; a replace keeps the original aside. */
function commitOne(txn: Txn, op: Op): void {
  const entry = op.entry as JournalEntry;
  const staged = join(txn.dir, entry.staged);
  const shownPath = join(txn.shown, op.path);
  const final = under(txn.real, op.rel);
  if (op.kind === "create") {
    foldersHold(txn, op);
    try {
      linkSync(staged, final); // fails if anything appeared there, even a symlink
      unlinkSync(staged);
      return;
    } catch (e) {
      const code = errnoOf(e);
      if (code === "EEXIST") throw changed(shownPath);
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EMLINK")
        throw fsError(e, "write", shownPath);
    }
    if (lstatOrNull(final) !== null) throw changed(shownPath);
    try {
      renameSync(staged, final);
    } catch (e) {
      throw fsError(e, "write", shownPath);
    }
    return;
  }
  checkUnchanged(txn, op, new Probe());
  const orig = join(txn.dir, entry.orig as string);
  try {
    linkSync(final, orig);
  } catch {
    try {
      copyFileSync(final, orig, constants.COPYFILE_EXCL);
    } catch (e) {
      throw fsError(e, "write", shownPath);
    }
  }
  try {
    renameSync(staged, final);
  } catch (e) {
    throw fsError(e, "write", shownPath);
  }
}

/** A short tree of planned paths, for dry runs and summaries. */
export function formatChanges(changes: readonly Change[], withDiffs = false): string {
  const label: Record<ChangeKind, string> = {
    create: "create   ",
    update: "overwrite",
    append: "append   ",
    unchanged: "unchanged",
    conflict: "CONFLICT ",
  };
  return changes
    .map((c) => {
      const line = `  ${label[c.kind]} ${c.path}${c.backup ? ` (kept as ${c.backup})` : ""}`;
      return withDiffs && c.diff ? `${line}\n${c.diff.replace(/^/gm, "      ")}` : line;
    })
    .join("\n");
}
