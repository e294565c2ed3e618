/**
 * Small filesystem helpers of the writer: one-line error messages, reading
 * only regular files (never blocking on a FIFO or device, never following a
 * last-component symlink), and directory fsync.
 */
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
} from "node:fs";
import { NixhomeError } from "./plan.js";

const CAUSES: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  EROFS: "read-only file system",
  ENAMETOOLONG: "file name too long",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "is a directory",
  ENOENT: "no such file or directory",
  EEXIST: "already exists",
  ELOOP: "too many levels of symbolic links",
  EMLINK: "too many links",
  EIO: "input/output error",
  EXDEV: "on another file system",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  EBUSY: "resource busy",
  ETXTBSY: "file busy",
  ENOTEMPTY: "directory not empty",
  EAGAIN: "resource temporarily unavailable",
  ENXIO: "no such device",
  ENODEV: "no such device",
};

export const errnoOf = (e: unknown): string | undefined =>
  (e as NodeJS.ErrnoException | null)?.code;

/** Whether an error is a filesystem error (it has an errno code). */
export const isFsError = (e: unknown): boolean =>
  typeof errnoOf(e) === "string" && /^E[A-Z0-9]+$/.test(errnoOf(e) as string);

/** "file name too long" for ENAMETOOLONG, etc. */
export function causeOf(e: unknown): string {
  const code = errnoOf(e);
  if (code && CAUSES[code]) return CAUSES[code] as string;
  if (code) return code;
  return ((e as Error)?.message ?? String(e)).split("\n")[0] as string;
}

/** A filesystem error as one NixhomeError line: "cannot <action> <path>: <cause>". */
export function fsError(e: unknown, action: string, path: string): NixhomeError {
  if (e instanceof NixhomeError) return e;
  return new NixhomeError(`cannot ${action} ${path}: ${causeOf(e)}`);
}

export function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch (e) {
    const code = errnoOf(e);
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw e;
  }
}

/** What kind of thing a non-regular file is, for messages. */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a directory";
  if (st.isSymbolicLink()) return "a symlink";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  return "not a regular file";
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Every byte of an open regular file of (about) `size` bytes, as one buffer. */
function readFd(fd: number, size: number): Buffer {
  let buf = Buffer.allocUnsafe(size > 0 ? size : 8192);
  let n = 0;
  for (;;) {
    if (n === buf.length) {
      if (size > 0 && n === size) break; // all that fstat promised (as readFileSync does)
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    const r = readSync(fd, buf, n, buf.length - n, null);
    if (r === 0) break;
    n += r;
  }
  return n === buf.length ? buf : buf.subarray(0, n);
}

/**
 * Read a regular file's exact bytes. lstat first (or `known`, an lstat of it the caller
 * just made), then open with O_NOFOLLOW | O_NONBLOCK and check the open file is the same
 * regular file, so a FIFO, device or swapped-in symlink is an error, never a hang or a
 * redirect (a device is never even opened). `shown` is the path used in messages.
 */
export function readRegular(
  path: string,
  shown: string = path,
  known?: Stats,
): { bytes: Buffer; st: Stats } {
  let st: Stats;
  if (known) st = known;
  else
    try {
      st = lstatSync(path);
    } catch (e) {
      throw fsError(e, "read", shown);
    }
  if (!st.isFile()) throw new NixhomeError(`${shown} is ${kindOf(st)}, not a regular file`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
  } catch (e) {
    throw fsError(e, "read", shown);
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile() || now.ino !== st.ino || now.dev !== st.dev)
      throw new NixhomeError(`${shown} changed while it was read; try again`);
    return { bytes: readFd(fd, now.size), st: now };
  } catch (e) {
    throw fsError(e, "read", shown);
  } finally {
    closeSync(fd);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Read a text file a person gave us or a repository holds (nixhome.json, --config): symlinks
 * are followed (reading is harmless; writing checks them), but only a regular file is read —
 * never blocking on a FIFO — and it must be UTF-8 (a mangled byte is refused, not guessed).
 * null when it does not exist.
 */
export function readRegularText(path: string, shown: string = path): string | null {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    if (errnoOf(e) === "ENOENT") {
      if (lstatOrNull(path) !== null) throw new NixhomeError(`${shown} is a dangling symlink`);
      return null;
    }
    throw fsError(e, "read", shown);
  }
  const { bytes } = readRegular(real, shown);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new NixhomeError(`${shown} is not UTF-8 text`);
  }
}

/** fsync a directory so renames in it are durable; best effort (some file systems refuse). */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
    fsyncSync(fd);
  } catch {
    // Not supported here (or not a directory any more): durability is best effort.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A filesystem error that escaped as one line: "cannot <syscall> <path>: <cause>". */
export function fsErrorLine(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const what = err.syscall ? `cannot ${err.syscall}` : "filesystem error";
  return `${what}${err.path ? ` ${err.path}` : ""}: ${causeOf(e)}`;
}
