/**
 * The transaction of one apply: a lock per target, an intent journal, and the
 * recovery that undoes a run killed half-way. Everything lives in
 * `<target>/.nixhome-txn/` (see docs/decisions, "how a write stays safe"):
 *
 *   lock            {"pid","host","start"}; created with O_EXCL, so one run at a time
 *   .gitignore      "*": a crashed run's folder is never `git add`ed
 *   stage/<n>       the new bytes of each file, mode and owner already set
 *   orig/<n>        a hard link to (or copy of) each file it replaces
 *   seal            an empty file; the journal names its device, inode and change time
 *   journal.json    the intent, fsynced before the first rename
 *   committed       present once every rename is done (roll forward = clean up)
 *
 * Recovery trusts nothing in that folder: a cloned repository may carry a
 * planted one. A journal is acted on only when the seal it names is there
 * with that very inode and change time — which no clone, archive or copy can
 * reproduce (a change time cannot be set), so only a nixhome run on this
 * machine can have written it. Every path it names must still be plain,
 * relative, inside the target and reached without symlinks; a file is removed
 * or restored only when it is the very inode (device, inode, size, mtime) the
 * journal says the run wrote.
 */
import {
  type BigIntStats,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { causeOf, errnoOf, fsError, fsyncDir, kindOf, lstatOrNull, readRegular } from "./fsx.js";
import { isPlainRelative, NixhomeError, TXN_DIR } from "./plan.js";

/** The points of a transactional apply the test hooks can crash or pause at, in order. */
export const TEST_POINTS = [
  "locked",
  "staged",
  "journaled",
  "commit:<n>",
  "committed",
  "cleaned",
] as const;

/**
 * Test hooks: `NIXHOME_TEST_CRASH_AT=<point>` SIGKILLs the process there;
 * `NIXHOME_TEST_PAUSE_AT=<point>:<ms>` sleeps there (synchronously).
 */
export function testPoint(name: string): void {
  const env = process.env;
  if (env.NIXHOME_TEST_CRASH_AT === name) {
    process.kill(process.pid, "SIGKILL");
    for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
  const pause = env.NIXHOME_TEST_PAUSE_AT;
  if (pause) {
    const i = pause.lastIndexOf(":");
    const ms = Number(pause.slice(i + 1));
    if (i > 0 && pause.slice(0, i) === name && ms > 0)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  }
}

export interface JournalEntry {
  /** Relative path below the target (symlinks already resolved). */
  path: string;
  kind: "create" | "replace";
  /** `stage/<n>` inside the transaction folder. */
  staged: string;
  /** `orig/<n>`: where the replaced file is kept until the commit is done. */
  orig: string | null;
  /**
   * The staged file's identity: device, inode, size and mtime (ns). A rename or link keeps
   * all four; any write to the file changes its mtime (and mostly its size).
   */
  dev: string;
  ino: string;
  size: number;
  mtime: string;
}

/** Device, inode and change time (ns) of the seal file: unforgeable by a clone or a copy. */
export interface Seal {
  dev: string;
  ino: string;
  ctime: string;
}

export interface Journal {
  v: 2;
  seal: Seal;
  /** Folders the commit creates, parents first (relative). */
  dirs: string[];
  entries: JournalEntry[];
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** Create a file that must not exist yet, never through a symlink; write all bytes. */
export function writeNewFile(path: string, bytes: Uint8Array, mode = 0o644): number {
  const fd = openSync(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW,
    mode,
  );
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return fd;
}

interface LockInfo {
  pid: number;
  host: string;
  start: string | null;
}

let ownStart: string | null | undefined;

/** The start time of a process (Linux /proc), to tell a reused pid from the lock's owner. */
function processStart(pid: number): string | null {
  if (pid === process.pid && ownStart !== undefined) return ownStart;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
    if (pid === process.pid) ownStart = start;
    return start;
  } catch {
    return null;
  }
}

function lockAlive(info: LockInfo): boolean {
  if (info.host !== hostname()) return true; // cannot tell: assume it runs
  if (info.pid === process.pid) return false;
  try {
    process.kill(info.pid, 0);
  } catch (e) {
    if (errnoOf(e) === "ESRCH") return false;
  }
  if (info.start !== null) {
    const now = processStart(info.pid);
    if (now !== null && now !== info.start) return false;
  }
  return true;
}

function parseLock(text: string): LockInfo | null {
  try {
    const j = JSON.parse(text) as Partial<LockInfo>;
    if (Number.isInteger(j.pid) && typeof j.host === "string")
      return {
        pid: j.pid as number,
        host: j.host,
        start: typeof j.start === "string" ? j.start : null,
      };
  } catch {
    // fall through
  }
  return null;
}

export interface Txn {
  /** The real path of the target. */
  real: string;
  /** The target as the user named it (for messages). */
  shown: string;
  dir: string;
  warnings: string[];
}

const busy = (shown: string, pid: number | string) =>
  new NixhomeError(
    `another nixhome run (pid ${pid}) is writing to ${shown}; try again when it has finished (if none is running, remove ${join(shown, TXN_DIR)})`,
  );

/**
 * Take the target's lock. A lock left by a run that is gone is taken over, and
 * what that run left (a journal: undone; staged files: removed) is cleaned first.
 */
export function acquire(real: string, shown: string): Txn {
  const dir = join(real, TXN_DIR);
  const lock = join(dir, "lock");
  const shownDir = join(shown, TXN_DIR);
  const me = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    start: processStart(process.pid),
  });
  let lastPid: number | string = "?";
  for (let attempt = 0; attempt < 5; attempt++) {
    const st = lstatOrNull(dir);
    if (st && !st.isDirectory())
      throw new NixhomeError(
        `${shownDir} is ${kindOf(st)}, not nixhome's transaction folder; remove it and run again`,
      );
    let fresh = false;
    if (!st) {
      try {
        mkdirSync(dir, 0o700);
        fresh = true;
      } catch (e) {
        if (errnoOf(e) === "EEXIST") continue;
        throw fsError(e, "write to", shown);
      }
    }
    let fd: number;
    try {
      fd = writeNewFile(lock, Buffer.from(me), 0o644);
    } catch (e) {
      const code = errnoOf(e);
      if (code === "ENOENT") continue; // the folder was just cleaned away by another run
      if (code !== "EEXIST") {
        if (fresh) rmSync(dir, { recursive: true, force: true });
        throw fsError(e, "write to", shown);
      }
      let text: string;
      let mtime = Date.now();
      try {
        const r = readRegular(lock, join(shownDir, "lock"));
        text = r.bytes.toString("utf8");
        mtime = r.st.mtimeMs;
      } catch (err) {
        if (errnoOf(err) === "ENOENT" || lstatOrNull(lock) === null) continue;
        throw err;
      }
      const info = parseLock(text);
      // An unreadable lock is being written right now, or is junk: junk once it is 10 s old.
      if (info ? lockAlive(info) : Date.now() - mtime < 10_000) throw busy(shown, info?.pid ?? "?");
      lastPid = info?.pid ?? "?";
      // Take the stale lock over: move it aside, and put it back if it was not the one we judged.
      const aside = `${lock}.stale-${process.pid}`;
      try {
        renameSync(lock, aside);
      } catch {
        continue;
      }
      let moved = "";
      try {
        moved = readFileSync(aside, "utf8");
      } catch {
        // gone: treat as taken over
      }
      if (moved !== text) {
        try {
          linkSync(aside, lock);
        } catch {
          // someone holds a newer lock already
        }
        rmSync(aside, { force: true });
        throw busy(shown, parseLock(moved)?.pid ?? "?");
      }
      rmSync(aside, { force: true });
      continue;
    }
    closeSync(fd);
    const txn: Txn = { real, shown, dir, warnings: [] };
    try {
      if (fresh) closeSync(writeNewFile(join(dir, ".gitignore"), Buffer.from("*\n")));
      else recover(txn);
    } catch (e) {
      if (fresh) {
        // Only ours in there: remove it all.
        rmSync(dir, { recursive: true, force: true });
        throw fsError(e, "write to", shown);
      }
      // Leave what we could not make sense of for a person to look at; only drop our lock.
      rmSync(lock, { force: true });
      throw e instanceof NixhomeError ? e : fsError(e, "clean up", shownDir);
    }
    return txn;
  }
  throw busy(shown, lastPid);
}

/** Validate a journal read from disk; anything odd → null. */
function parseJournal(text: string): Journal | null {
  let j: Journal;
  try {
    j = JSON.parse(text) as Journal;
  } catch {
    return null;
  }
  if (j?.v !== 2 || !Array.isArray(j.entries) || !Array.isArray(j.dirs)) return null;
  const seal = j.seal;
  if (!seal || typeof seal !== "object") return null;
  for (const k of ["dev", "ino", "ctime"] as const)
    if (typeof seal[k] !== "string" || !/^\d+$/.test(seal[k])) return null;
  for (const d of j.dirs) if (!isPlainRelative(d)) return null;
  for (const e of j.entries) {
    if (!e || typeof e !== "object") return null;
    if (!isPlainRelative(e.path) || e.path.split("/")[0] === TXN_DIR) return null;
    if (e.kind !== "create" && e.kind !== "replace") return null;
    if (typeof e.staged !== "string" || !/^stage\/\d+$/.test(e.staged)) return null;
    if (e.kind === "replace" ? !/^orig\/\d+$/.test(String(e.orig)) : e.orig !== null) return null;
    if (typeof e.dev !== "string" || typeof e.ino !== "string" || typeof e.mtime !== "string")
      return null;
    if (!/^\d+$/.test(e.dev) || !/^\d+$/.test(e.ino) || !/^\d+$/.test(e.mtime)) return null;
    if (!Number.isSafeInteger(e.size) || e.size < 0) return null;
  }
  return j;
}

/**
 * The absolute path of a relative path below `real`, when every folder on the
 * way is a real folder (no symlink); null when a folder is missing or is not one.
 */
export function insidePath(real: string, rel: string): string | null {
  const parts = rel.split("/");
  let p = real;
  for (const part of parts.slice(0, -1)) {
    p = join(p, part);
    const st = lstatOrNull(p);
    if (!st?.isDirectory()) return null;
  }
  return join(real, rel);
}

/** Whether two regular files hold the same bytes (a copied original not yet replaced). */
function sameBytes(a: string, b: string): boolean {
  try {
    return readRegular(a).bytes.equals(readRegular(b).bytes);
  } catch {
    return false;
  }
}

/**
 * Whether the file at `path` is exactly the one a journal entry wrote: the same device and
 * inode (so it is the file the run staged, not one put there since), and the same size and
 * mtime (so nobody wrote to it since: a write sets the mtime to the time of the write).
 */
function isOurs(path: string, e: JournalEntry, dev: string): boolean {
  let st: BigIntStats;
  try {
    st = lstatSync(path, { bigint: true });
  } catch {
    return false;
  }
  return (
    st.isFile() &&
    st.ino.toString() === e.ino &&
    st.dev.toString() === dev &&
    st.size === BigInt(e.size) &&
    st.mtimeNs.toString() === e.mtime
  );
}

/**
 * Whether the seal a journal names is there, the very file the run made (see Seal): its
 * device now (a device number can change across a reboot — btrfs subvolumes, NFS — while
 * inode and change time stay), or null.
 */
function sealed(txn: Txn, seal: Seal): string | null {
  let st: BigIntStats;
  try {
    st = lstatSync(join(txn.dir, "seal"), { bigint: true });
  } catch {
    return null;
  }
  const ok = st.isFile() && st.ino.toString() === seal.ino && st.ctimeNs.toString() === seal.ctime;
  return ok ? st.dev.toString() : null;
}

/**
 * Make the seal of this run's journal: an empty file created now, whose device, inode and
 * change time the journal records. Nothing writes to it afterwards, so its change time
 * stays; a cloned, unpacked or copied folder gets new ones it cannot choose.
 */
export function makeSeal(txn: Txn): Seal {
  const fd = writeNewFile(join(txn.dir, "seal"), new Uint8Array(0), 0o600);
  try {
    const st = fstatSync(fd, { bigint: true });
    return { dev: st.dev.toString(), ino: st.ino.toString(), ctime: st.ctimeNs.toString() };
  } finally {
    closeSync(fd);
  }
}

/**
 * Undo a commit that did not finish: every file the journal says was put in
 * place (the same inode and bytes) is removed or has its original renamed
 * back; folders it made are removed when empty. Returns warnings for what it
 * had to leave (changed by someone since).
 */
export function rollback(txn: Txn, j: Journal, dev: string = j.seal.dev): void {
  const touched = new Set<string>();
  for (const e of [...j.entries].reverse()) {
    const final = insidePath(txn.real, e.path);
    if (final === null) continue;
    const shownPath = join(txn.shown, e.path);
    // Every staged file was made next to the seal: on its device, whatever its number now.
    const ours = e.dev === j.seal.dev && isOurs(final, e, dev);
    try {
      if (e.kind === "create") {
        if (ours) unlinkSync(final);
      } else {
        const orig = join(txn.dir, e.orig as string);
        const ost = lstatOrNull(orig);
        if (ost?.isFile()) {
          const now = lstatOrNull(final);
          if (ours || now === null) renameSync(orig, final);
          else if (
            !(now.isFile() && now.ino === ost.ino && now.dev === ost.dev) &&
            !sameBytes(final, orig)
          )
            txn.warnings.push(
              `${shownPath} changed after the interrupted run; left it as it is (the earlier version is gone)`,
            );
        }
      }
      touched.add(dirname(final));
    } catch (err) {
      throw new NixhomeError(
        `could not undo the interrupted write of ${shownPath}: ${causeOf(err)}; run again to retry`,
      );
    }
  }
  for (const d of [...j.dirs].reverse()) {
    const p = insidePath(txn.real, d);
    const st = p ? lstatOrNull(p) : null;
    if (!p || !st?.isDirectory()) continue;
    try {
      rmdirSync(p);
      touched.add(dirname(p));
    } catch {
      // not empty (someone put a file there) or not ours: keep it
    }
  }
  for (const d of touched) fsyncDir(d);
}

/** Clean what a run that is gone left: undo its journal unless it had committed. */
function recover(txn: Txn): void {
  const shownDir = join(txn.shown, TXN_DIR);
  const journalPath = join(txn.dir, "journal.json");
  if (lstatOrNull(journalPath) && !lstatOrNull(join(txn.dir, "committed"))) {
    const j = parseJournal(
      readRegular(journalPath, join(shownDir, "journal.json")).bytes.toString("utf8"),
    );
    // Not well-formed, or not sealed by a run on this machine (planted, or the folder was
    // copied since): nothing in it is acted on, and nothing is removed (its orig/ may hold
    // a person's files).
    const dev = j ? sealed(txn, j.seal) : null;
    if (!j || dev === null)
      throw new NixhomeError(
        `${shownDir} holds a journal nixhome did not write; check it and remove the folder by hand`,
      );
    rollback(txn, j, dev);
  }
  clearLeftovers(txn);
  const gi = join(txn.dir, ".gitignore");
  if (!lstatOrNull(gi)) closeSync(writeNewFile(gi, Buffer.from("*\n")));
}

/**
 * Everything in the transaction folder except the lock and its .gitignore. The journal goes
 * first: once it is gone there is nothing to undo, so a run killed half-way through this
 * never leaves a journal without its `committed` marker (which would undo a finished write).
 */
function clearLeftovers(txn: Txn): void {
  rmSync(join(txn.dir, "journal.json"), { force: true });
  for (const name of readdirSync(txn.dir))
    if (name !== "lock" && name !== ".gitignore")
      rmSync(join(txn.dir, name), { recursive: true, force: true });
}

/** Write the journal: a temporary file, fsync, rename, fsync the folder. */
export function writeJournal(txn: Txn, j: Journal): void {
  const tmp = join(txn.dir, "journal.json.tmp");
  const fd = writeNewFile(tmp, Buffer.from(JSON.stringify(j)));
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(txn.dir, "journal.json"));
  fsyncDir(txn.dir);
}

/**
 * Mark the commit done (recovery then only cleans up). `flush` fsyncs the folders the commit
 * changed; it runs after the marker is created and before the marker's folder is fsynced,
 * so the marker is never durable before they are (on a file system with one ordered log,
 * the first of those fsyncs makes the marker durable with them, in one log commit).
 */
export function markCommitted(txn: Txn, flush: () => void = () => {}): void {
  closeSync(writeNewFile(join(txn.dir, "committed"), new Uint8Array(0)));
  flush();
  fsyncDir(txn.dir);
}

/**
 * Remove the transaction folder and with it the lock; failures become warnings. `made` names
 * what this run put there besides the lock and .gitignore, in the order to remove it (the
 * journal first), so a normal end costs one system call per name; anything else there (or
 * any trouble) falls back to removing whatever is left.
 */
export function release(txn: Txn, made: readonly string[] = []): void {
  try {
    // The names one by one only when this run knows them all (the journal among them, first):
    // otherwise the lock must not go before whatever journal is there.
    if (made.length)
      try {
        for (const name of made)
          if (name.endsWith("/")) rmdirSync(join(txn.dir, name));
          else unlinkSync(join(txn.dir, name));
        unlinkSync(join(txn.dir, ".gitignore"));
        unlinkSync(join(txn.dir, "lock"));
        rmdirSync(txn.dir);
        return;
      } catch {
        // something else is in there (or already gone): the thorough way below
      }
    clearLeftovers(txn);
    rmSync(join(txn.dir, ".gitignore"), { force: true });
    rmSync(join(txn.dir, "lock"), { force: true });
    rmdirSync(txn.dir);
  } catch (e) {
    txn.warnings.push(
      `could not remove ${join(txn.shown, TXN_DIR)}: ${causeOf(e)} (the next run cleans it up)`,
    );
  }
}

/**
 * Finish what an interrupted run left in a target (undo it, remove its
 * folder), if anything; returns warnings. Refuses while another run is active.
 */
export function recoverTarget(target: string): string[] {
  const dir = join(target, TXN_DIR);
  let st: ReturnType<typeof lstatOrNull>;
  try {
    st = lstatOrNull(dir);
  } catch {
    return []; // a target that cannot even be looked at: the caller reports it
  }
  if (st === null) return [];
  const txn = acquire(realpathSync(target), target);
  release(txn);
  return txn.warnings;
}
