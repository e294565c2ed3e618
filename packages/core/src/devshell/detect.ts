/**
 * Project detection: which language presets a project uses, read from marker
 * files (`Cargo.toml`, `*.cabal`, `package.json` …) and version hints
 * (`.python-version`, `.nvmrc`, go.mod's `go` directive …).
 *
 * It never walks the tree: it lists the project root, plus each direct
 * subfolder (for repositories holding several projects, such as `web/` and
 * `api/`). One level down, only markers that name a file count (manifests such
 * as `package.json` or `go.mod`); loose files matched by extension (`*.sh`,
 * `*.tf`) count only at the root. Hidden folders, dependency and build output
 * folders and example folders are skipped. At most MAX_SUBDIRS subfolders are
 * read, so the cost is bounded however large the project is.
 */

import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
} from "node:fs";
import { join } from "node:path";
import { NixhomeError } from "../plan/plan.js";
import { findIn } from "./lookup.js";
import type { Marker, Preset, VersionKnob } from "./preset.js";
import { presets as allPresets } from "./presets/index.js";

export interface DetectedPreset {
  id: string;
  /** A supported version key chosen from the project's version hint, when there is one. */
  version?: string;
  /** Why it was chosen: "Cargo.toml", "web/package.json", "*.cabal (app.cabal)". */
  reason: string;
}

export interface Detection {
  /** Detected presets: root matches first (in preset order), then subfolder matches. */
  presets: DetectedPreset[];
  /** Things worth telling the user: replaced presets, version hints that could not be used. */
  notes: string[];
}

export interface DetectOptions {
  /** The presets to recognise; every preset of @nixhome/core by default. */
  presets?: readonly Preset[];
  /** Also read direct subfolders (default true). */
  subfolders?: boolean;
}

/** Upper bound on subfolders read, so detection stays fast on any tree. */
export const MAX_SUBDIRS = 200;
/** Files are read (for `contains` markers and version hints) up to this many bytes. */
const READ_LIMIT = 256 * 1024;

/** Subfolders never read: dependencies, build output, caches, examples. */
export const SKIPPED_SUBDIRS: ReadonlySet<string> = new Set([
  "node_modules",
  "bower_components",
  "vendor",
  "third_party",
  "third-party",
  "external",
  "deps",
  "target",
  "dist",
  "build",
  "out",
  "_build",
  "result",
  "coverage",
  "tmp",
  "temp",
  "__pycache__",
  "venv",
  "env",
  "site-packages",
  "example",
  "examples",
  "sample",
  "samples",
  "fixtures",
  "testdata",
]);

interface DirView {
  /** "" for the root, "web/" for a subfolder. */
  prefix: string;
  path: string;
  entries: readonly Dirent[];
  names: ReadonlySet<string>;
}

function readHead(path: string): string | null {
  let fd: number | undefined;
  try {
    // Non-blocking, and only regular files: a FIFO or device named package.json never hangs us.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return null;
    const buf = Buffer.alloc(READ_LIMIT);
    const len = readSync(fd, buf, 0, READ_LIMIT, 0);
    return buf.toString("utf8", 0, len);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function regex(source: string): RegExp | null {
  try {
    return new RegExp(source, "m");
  } catch {
    return null;
  }
}

function listDir(path: string): Dirent[] | null {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return null;
  }
}

function view(path: string, prefix: string, entries: Dirent[]): DirView {
  return { prefix, path, entries, names: new Set(entries.map((e) => e.name)) };
}

/** The reason text when `marker` matches in `dir`, or null. */
function matchMarker(
  marker: Marker,
  dir: DirView,
  read: (path: string) => string | null,
  atRoot: boolean,
): string | null {
  const re = marker.contains === undefined ? null : regex(marker.contains);
  if (marker.contains !== undefined && !re) return null;
  if (marker.file !== undefined) {
    if (!dir.names.has(marker.file)) return null;
    if (marker.ext !== undefined && !marker.file.endsWith(marker.ext)) return null;
    if (re) {
      const text = read(join(dir.path, marker.file));
      if (text === null || !re.test(text)) return null;
      return `${dir.prefix}${marker.file} (${describeContains(marker.contains as string)})`;
    }
    return `${dir.prefix}${marker.file}`;
  }
  if (marker.ext !== undefined && atRoot) {
    const ext = marker.ext;
    const hits = dir.entries.filter(
      (e) => !e.isDirectory() && e.name.length > ext.length && e.name.endsWith(ext),
    );
    for (const hit of re ? hits.slice(0, 20) : hits.slice(0, 1)) {
      if (re) {
        const text = read(join(dir.path, hit.name));
        if (text === null || !re.test(text)) continue;
      }
      return `*${ext} (${dir.prefix}${hit.name})`;
    }
  }
  return null;
}

/** "mentions org.jetbrains.kotlin" for a literal pattern, else a neutral phrase. */
function describeContains(source: string): string {
  const literal = source.replace(/\\([.()[\]{}+*?^$|\\/-])/g, "$1");
  return /^[\w.\- ():/@"']+$/.test(literal) && !/[()|]/.test(source.replace(/\\[()]/g, ""))
    ? `mentions ${literal}`
    : "by its content";
}

function numeric(v: string): number[] | null {
  const parts = v.split(".");
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The supported version key nearest to a version hint, or null:
 * `3.12.4` → `3.12`, `v22.3.0` → `22`, `go1.26.1` → `1.26`, `3` → the default
 * when it is a 3.x (else the newest 3.x). A minimum (`>=18`) keeps the
 * default when the default satisfies it.
 */
export function matchVersion(
  knob: VersionKnob,
  hint: string,
  options: { minimum?: boolean } = {},
): string | null {
  const m = /\d+(?:\.\d+)*/.exec(hint);
  if (!m) return null;
  const parts = m[0].split(".");
  const keys = Object.keys(knob.attrs);
  // A minimum (`>=20`) that the default satisfies keeps the default.
  const want = numeric(m[0]);
  const def = numeric(knob.default);
  const minimum = options.minimum ?? /(?:^|[\s"'])>=?\s*v?$/.test(hint.slice(0, m.index));
  if (minimum && want && def && compareVersions(def, want) >= 0) return knob.default;
  let best: string | null = null;
  for (const key of keys) {
    const kp = key.split(".");
    if (kp.length <= parts.length && kp.every((p, i) => p === parts[i]))
      if (best === null || kp.length > best.split(".").length) best = key;
  }
  if (best !== null) return best;
  const shorter = keys.filter((k) => k.split(".").slice(0, parts.length).join(".") === m[0]);
  if (shorter.includes(knob.default)) return knob.default;
  const sorted = shorter
    .map((k) => ({ k, v: numeric(k) }))
    .filter((x): x is { k: string; v: number[] } => x.v !== null)
    .sort((x, y) => compareVersions(y.v, x.v));
  return sorted[0]?.k ?? null;
}

/** Read a version hint for `preset` from `dirs` (the matching folder first, then the root). */
function versionHint(
  preset: Preset,
  dirs: readonly DirView[],
  read: (path: string) => string | null,
): { hint: string; op: string | undefined; file: string } | null {
  for (const dir of dirs)
    for (const source of preset.versionFrom ?? []) {
      if (!dir.names.has(source.file)) continue;
      const re = regex(source.pattern);
      const text = re && read(join(dir.path, source.file));
      if (!re || text === null || text === undefined) continue;
      const m = re.exec(text);
      if (m?.[1]) {
        // `"node": ">=18"` is a minimum, which the default may satisfy.
        const before = m[0].slice(0, m[0].lastIndexOf(m[1]));
        const op = /(?:^|[\s"'])(>=?)\s*v?$/.exec(before)?.[1];
        return { hint: m[1], op, file: `${dir.prefix}${source.file}` };
      }
    }
  return null;
}

/**
 * Detect the presets a project uses. Reads the root listing, each direct
 * subfolder's listing (see the module comment), and only the few files that
 * markers with `contains` and version hints name.
 */
export function detectProject(dir: string, options: DetectOptions = {}): Detection {
  const list = options.presets ?? allPresets;
  let rootEntries: Dirent[];
  try {
    rootEntries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new NixhomeError(
      code === "ENOTDIR"
        ? `${dir} is not a directory`
        : code === "ENOENT"
          ? `${dir} does not exist`
          : `cannot read ${dir}: ${(e as Error).message}`,
    );
  }
  const cache = new Map<string, string | null>();
  const read = (path: string) => {
    if (!cache.has(path)) cache.set(path, readHead(path));
    return cache.get(path) ?? null;
  };
  const root = view(dir, "", rootEntries);
  const views: DirView[] = [root];
  if (options.subfolders !== false) {
    const subdirs = rootEntries
      .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !SKIPPED_SUBDIRS.has(e.name))
      .map((e) => e.name)
      .sort();
    for (const name of subdirs.slice(0, MAX_SUBDIRS)) {
      const entries = listDir(join(dir, name));
      if (entries) views.push(view(join(dir, name), `${name}/`, entries));
    }
  }

  const found = new Map<string, DetectedPreset>();
  const notes: string[] = [];
  for (const v of views) {
    const here: Array<{ preset: Preset; reason: string }> = [];
    for (const preset of list) {
      for (const marker of preset.markers) {
        const reason = matchMarker(marker, v, read, v === root);
        if (reason) {
          here.push({ preset, reason });
          break;
        }
      }
    }
    // `supersedes` applies within one folder: bun.lock beside package.json means bun, not node.
    const replaced = new Set<string>();
    for (const { preset, reason } of here)
      for (const other of preset.supersedes ?? [])
        if (here.some((h) => h.preset.id === other)) {
          replaced.add(other);
          notes.push(`${preset.id} replaces ${other} (${reason})`);
        }
    for (const { preset, reason } of here) {
      if (replaced.has(preset.id) || found.has(preset.id)) continue;
      const detected: DetectedPreset = { id: preset.id, reason };
      const knob = preset.version;
      const hint = knob ? versionHint(preset, v === root ? [root] : [v, root], read) : null;
      if (knob && hint) {
        const version = matchVersion(knob, hint.hint, { minimum: hint.op !== undefined });
        if (version) {
          detected.version = version;
          detected.reason += `; ${hint.file} asks for ${hint.op ?? ""}${hint.hint}`;
        } else {
          notes.push(
            `${hint.file} asks for ${preset.name} ${hint.op ?? ""}${hint.hint}, which is not offered; using ${knob.default} (supported --${knob.flag} versions: ${Object.keys(knob.attrs).join(", ")})`,
          );
        }
      }
      found.set(preset.id, detected);
    }
  }
  return { presets: [...found.values()], notes };
}

/** A preset by id or alias (case-insensitive), or undefined. */
export function findPreset(word: string, list: readonly Preset[] = allPresets): Preset | undefined {
  return findIn(word, list);
}
