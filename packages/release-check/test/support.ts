/**
 * Helpers of the release checks: find the public packages, pack them the way
 * `pnpm publish` does, read tarballs, and run npm the way a user would —
 * with a private, empty cache, no user config and no network.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

export const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = path.resolve(PACKAGE_DIR, "../..");
export const HAS_NIX = spawnSync("nix-instantiate", ["--version"]).status === 0;
/** Keep temp dirs for a post-mortem: NIXHOME_KEEP_TMP=1. */
const KEEP_TMP = process.env.NIXHOME_KEEP_TMP === "1";

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  type?: string;
  license?: string;
  files?: string[];
  main?: string;
  types?: string;
  exports?: unknown;
  bin?: string | Record<string, string>;
  engines?: Record<string, string>;
  repository?: { type?: string; url?: string; directory?: string } | string;
  publishConfig?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  bundleDependencies?: unknown;
  bundledDependencies?: unknown;
}

export interface WorkspacePackage {
  /** Absolute directory. */
  dir: string;
  /** Directory relative to the repo root, e.g. `packages/core`. */
  rel: string;
  manifest: Manifest;
}

export const readJson = <T = unknown>(file: string): T =>
  JSON.parse(readFileSync(file, "utf8")) as T;

/** Every non-private package under packages/: what `changeset publish` would publish. */
export function publicPackages(): WorkspacePackage[] {
  const root = path.join(REPO_ROOT, "packages");
  return readdirSync(root)
    .sort()
    .map((name) => path.join(root, name))
    .filter((dir) => existsSync(path.join(dir, "package.json")))
    .map((dir) => ({
      dir,
      rel: path.relative(REPO_ROOT, dir).split(path.sep).join("/"),
      manifest: readJson<Manifest>(path.join(dir, "package.json")),
    }))
    .filter((p) => p.manifest.private !== true);
}

export const isCreatePackage = (p: { manifest: Manifest }) => p.manifest.name.startsWith("create-");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The command line and its output, for assertion messages. */
  report: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  input?: string;
}

/** Runs a command without a shell; never throws for a non-zero exit. */
export function run(file: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      {
        cwd: opts.cwd,
        env: opts.env ?? process.env,
        timeout: opts.timeoutMs ?? 180_000,
        killSignal: "SIGKILL",
        maxBuffer: 64 * 1024 * 1024,
        encoding: "utf8",
      },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) {
          const e = error as Error & { code?: unknown; killed?: boolean; signal?: string | null };
          if (typeof e.code === "number") code = e.code;
          else if (e.killed || e.signal) code = 137;
          else code = 127;
          if (typeof e.code === "string") stderr += `\n${e.message}`;
          if (e.killed) stderr += `\n(killed after ${opts.timeoutMs ?? 180_000} ms)`;
        }
        const shown = [file, ...args].map((a) => (/[\s"'$]/.test(a) ? JSON.stringify(a) : a));
        const report = [
          `$ ${shown.join(" ")}${opts.cwd ? `   (in ${opts.cwd})` : ""}`,
          `exit ${code}`,
          stdout.trim() && `--- stdout\n${tail(stdout)}`,
          stderr.trim() && `--- stderr\n${tail(stderr)}`,
        ]
          .filter(Boolean)
          .join("\n");
        resolve({ code, stdout, stderr, report });
      },
    );
    child.stdin?.end(opts.input ?? "");
  });
}

const tail = (s: string, lines = 60) => s.trimEnd().split("\n").slice(-lines).join("\n");

/**
 * The environment of a user's npm: none of the `npm_*` variables pnpm and turbo
 * set for scripts, no user or global npmrc from this machine, a private cache,
 * HOME in a scratch dir, and no update check.
 */
export function userEnv(opts: { cache: string; home: string; userconfig: string }) {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || /^(PNPM|TURBO|VITEST|INIT_CWD|NODE_OPTIONS$)/i.test(k)) continue;
    env[k] = v;
  }
  Object.assign(env, {
    HOME: opts.home,
    npm_config_cache: opts.cache,
    npm_config_userconfig: opts.userconfig,
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    npm_config_loglevel: "error",
    // The tests never need the registry: every package is a local tarball and
    // none of them has a runtime dependency. Going offline proves it.
    npm_config_offline: "true",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
  });
  return env;
}

/** A scratch area: `home/`, an empty npm `cache/`, an empty `npmrc`. Removed by `cleanup()`. */
export async function scratch(label: string) {
  const root = await mkdtemp(path.join(tmpdir(), `nixhome-${label}-`));
  const home = path.join(root, "home");
  const cache = path.join(root, "npm-cache");
  const userconfig = path.join(root, "npmrc");
  await mkdir(home);
  await mkdir(cache);
  await writeFile(userconfig, "");
  return {
    root,
    home,
    cache,
    env: userEnv({ cache, home, userconfig }),
    async cleanup() {
      if (KEEP_TMP) console.log(`[release-check] kept ${root}`);
      else await rm(root, { recursive: true, force: true });
    },
  };
}

export interface TarEntry {
  /** Path inside the package, without the leading `package/`. */
  path: string;
  size: number;
  mode: number;
  type: "file" | "dir" | "other";
  data: Buffer;
}

const cstr = (b: Buffer) => {
  const nul = b.indexOf(0);
  return b.subarray(0, nul === -1 ? b.length : nul).toString("utf8");
};
const octal = (b: Buffer) => Number.parseInt(cstr(b).trim() || "0", 8);

/** The entries of a `.tgz` made by npm/pnpm pack (ustar, with pax headers). */
export function readTarball(file: string): TarEntry[] {
  const buf = gunzipSync(readFileSync(file));
  const entries: TarEntry[] = [];
  let pax: Record<string, string> = {};
  let off = 0;
  while (off + 512 <= buf.length) {
    const h = buf.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    const name = cstr(h.subarray(0, 100));
    const mode = octal(h.subarray(100, 108));
    const size = octal(h.subarray(124, 136));
    const flag = String.fromCharCode(h[156] ?? 0);
    const prefix = h.subarray(257, 263).toString("latin1").startsWith("ustar")
      ? cstr(h.subarray(345, 500))
      : "";
    const data = buf.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (flag === "x" || flag === "g") {
      for (const rec of data.toString("utf8").split("\n")) {
        const m = /^\d+ ([^=]+)=(.*)$/.exec(rec);
        if (m?.[1] && m[2] !== undefined && flag === "x") pax[m[1]] = m[2];
      }
      continue;
    }
    const full = pax.path ?? (prefix ? `${prefix}/${name}` : name);
    pax = {};
    entries.push({
      path: full.replace(/^[^/]+\//, ""),
      size,
      mode,
      type: flag === "0" || flag === "\0" ? "file" : flag === "5" ? "dir" : "other",
      data: Buffer.from(data),
    });
  }
  return entries;
}

export interface Packed {
  pkg: WorkspacePackage;
  tarball: string;
  entries: TarEntry[];
  /** package.json as packed (workspace: ranges replaced, as published). */
  manifest: Manifest;
}

/** `pnpm pack` (what `pnpm publish` uploads) into `dest`. Throws with pnpm's output on failure. */
export async function pack(pkg: WorkspacePackage, dest: string): Promise<Packed> {
  await mkdir(dest, { recursive: true });
  const before = new Set(await readdir(dest));
  const r = await run("pnpm", ["pack", "--pack-destination", dest], { cwd: pkg.dir });
  if (r.code !== 0) throw new Error(`pnpm pack failed for ${pkg.manifest.name}\n${r.report}`);
  const made = (await readdir(dest)).filter((f) => f.endsWith(".tgz") && !before.has(f));
  if (made.length !== 1 || !made[0]) {
    throw new Error(`expected one new tarball from ${pkg.manifest.name}, got ${made}\n${r.report}`);
  }
  const tarball = path.join(dest, made[0]);
  const entries = readTarball(tarball);
  const pj = entries.find((e) => e.path === "package.json");
  if (!pj) throw new Error(`${tarball} has no package.json`);
  return { pkg, tarball, entries, manifest: JSON.parse(pj.data.toString("utf8")) as Manifest };
}

/** Bin name → path inside the package, for both forms of `bin`. */
export function bins(m: Manifest): Record<string, string> {
  if (typeof m.bin === "string") return { [m.name.replace(/^@[^/]+\//, "")]: m.bin };
  return m.bin ?? {};
}

export const normalize = (p: string) => p.replace(/^\.\//, "");

/** `npm exec --no` only runs what is installed in the prefix: it never fetches. */
export function npmExec(
  prefix: string,
  bin: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
) {
  return run("npm", ["exec", "--no", "--prefix", prefix, "--", bin, ...args], opts);
}

export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  await walk(dir);
  return out.sort();
}
