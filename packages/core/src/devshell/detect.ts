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
import { type Pin, pinsIn } from "./pins.js";
import type { Marker, Preset, VersionKnob } from "./preset.js";
import { presets as allPresets } from "./presets/index.js";
import { satisfyingKey } from "./versions.js";

export interface DetectedPreset {
  id: string;
  /** A supported version key chosen from the project's version pin, when there is one. */
  version?: string;
  /** Why it was chosen: "Cargo.toml", "web/package.json", "*.cabal (app.cabal)". */
  reason: string;
  /** Folders (relative, "" for the root) the preset was found in, root first. */
  dirs: string[];
  /** The tool choice (package manager) the project's lockfile or `packageManager` names. */
  tool?: string;
  /** A toolchain file (relative to the root) the shell reads: "rust-toolchain.toml". */
  toolchainFile?: string;
  /** The version of the package set's flag (Erlang for Elixir) the project pins. */
  setVersion?: string;
}

export interface Detection {
  /** Detected presets: root matches first (in preset order), then subfolder matches. */
  presets: DetectedPreset[];
  /** Things worth telling the user: replaced presets, pins that could not be met. */
  notes: string[];
  /** Presets the project hints at but that are not selected (services of a compose file). */
  suggestions: Array<{ id: string; reason: string }>;
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

/** Subfolders never read: dependencies, build output, caches, examples, data and fixtures. */
export const SKIPPED_SUBDIRS: ReadonlySet<string> = new Set([
  "node_modules",
  "bower_components",
  "vendor",
  "vendored",
  "third_party",
  "third-party",
  "thirdparty",
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
  "fixture",
  "fixtures",
  "__fixtures__",
  "testdata",
  "test-data",
  "test_data",
  "data",
  "datasets",
  "registry",
  "snapshots",
  "__snapshots__",
  "support",
  "contrib",
]);

/** Subfolder names read (they end up in .envrc and shell hooks, so only plain names). */
const SAFE_DIR = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

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
    if (!atRoot && !re) {
      // Below the root only a file whose content is a real manifest counts.
      const nested = marker.nested === undefined ? null : regex(marker.nested);
      const text = nested && read(join(dir.path, marker.file));
      if (!nested || text === null || text === undefined || !nested.test(text)) return null;
      return `${dir.prefix}${marker.file}`;
    }
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

/** Everything a project says about one preset besides its markers: pin, tool, toolchain. */
export interface PresetHints {
  version?: string;
  /** "; .nvmrc asks for 22" */
  reason: string;
  tool?: string;
  toolchainFile?: string;
  setVersion?: string;
  notes: string[];
}

type Reader = (path: string) => string | null;

/** The key a folder's pins ask for, with its reason, or notes on why none could be met. */
function pinnedVersion(
  preset: Preset,
  dirs: readonly DirView[],
  read: Reader,
): { key?: string; reason: string; notes: string[] } {
  const knob = preset.version;
  const notes: string[] = [];
  for (const d of dirs) {
    const pins = pinsIn(preset, d.names, d.prefix, (f) => read(join(d.path, f)));
    if (pins.length === 0) continue;
    if (!knob) {
      const p = pins[0] as Pin;
      notes.push(
        `${p.file} asks for ${preset.name} ${p.text}; this preset has no version choice, so the shell has nixpkgs' default`,
      );
      return { reason: "", notes };
    }
    for (const p of pins) {
      const m = satisfyingKey(knob, p.text, p.kind);
      if (!m) continue;
      if (m.finer)
        notes.push(
          `${p.file} pins ${preset.name} ${p.text}; nixpkgs has one ${preset.name} ${m.key} (its newest ${m.key}.x release), used here`,
        );
      return { key: m.key, reason: `; ${p.file} asks for ${p.text}`, notes };
    }
    const p = pins[0] as Pin;
    notes.push(
      `${p.file} asks for ${preset.name} ${p.text}, which none of the offered versions satisfies; using ${knob.default} (supported --${knob.flag} versions: ${Object.keys(knob.attrs).join(", ")})`,
    );
    return { reason: "", notes };
  }
  return { reason: "", notes };
}

function dirViews(root: string, rels: readonly string[]): DirView[] {
  const out: DirView[] = [];
  for (const rel of rels) {
    const path = rel === "" ? root : join(root, rel);
    const entries = listDir(path);
    if (entries) out.push(view(path, rel === "" ? "" : `${rel}/`, entries));
  }
  return out;
}

function hintsFrom(
  preset: Preset,
  views: readonly DirView[],
  read: Reader,
  list: readonly Preset[],
): PresetHints {
  const hints: PresetHints = { reason: "", notes: [] };
  const pinned = pinnedVersion(preset, views, read);
  if (pinned.key !== undefined) hints.version = pinned.key;
  hints.reason += pinned.reason;
  hints.notes.push(...pinned.notes);
  // The tool (package manager): packageManager field or lockfile, subproject first.
  if (preset.tool && preset.toolFrom)
    outer: for (const d of views)
      for (const t of preset.toolFrom) {
        if (!d.names.has(t.file)) continue;
        if (t.pattern !== undefined) {
          const re = regex(t.pattern);
          const text = re && read(join(d.path, t.file));
          if (!re || !text || !re.test(text)) continue;
        }
        if (t.choice in preset.tool.attrs) {
          hints.tool = t.choice;
          if (t.choice !== preset.tool.default)
            hints.reason += `; ${d.prefix}${t.file} means ${t.choice}`;
        }
        break outer;
      }
  const tc = preset.toolchainFile;
  if (tc)
    outer: for (const d of views)
      for (const f of tc.files)
        if (d.names.has(f)) {
          hints.toolchainFile = `${d.prefix}${f}`;
          hints.reason += `; ${d.prefix}${f} picks the toolchain`;
          break outer;
        }
  const set = preset.packageSet;
  // The set follows another preset's version (Elixir follows Erlang's); Erlang has its own.
  if (set && preset.version?.flag !== set.flag) {
    const owner = list.find((p) => p.version?.flag === set.flag);
    if (owner) {
      const p = pinnedVersion(owner, views, read);
      if (p.key !== undefined && p.key in set.sets) {
        hints.setVersion = p.key;
        hints.reason += `; ${set.sets[p.key]} for ${owner.name} ${p.key}${p.reason ? ` (${p.reason.slice(2)})` : ""}`;
      } else if (p.key !== undefined)
        hints.notes.push(
          `${owner.name} ${p.key} has no package set for ${preset.name} in nixpkgs; using ${set.prefix} (sets: ${Object.keys(set.sets).join(", ")})`,
        );
      hints.notes.push(...p.notes);
    }
  }
  return hints;
}

/**
 * What the project says about a preset the user named: its pin, tool and
 * toolchain file, read in `dirs` (subproject folders, "" for the root) and the root.
 */
export function presetHints(
  dir: string,
  preset: Preset,
  dirs: readonly string[] = [""],
  list: readonly Preset[] = allPresets,
): PresetHints {
  const cache = new Map<string, string | null>();
  const read = (path: string) => {
    if (!cache.has(path)) cache.set(path, readHead(path));
    return cache.get(path) ?? null;
  };
  const rels = [...dirs.filter((d) => d !== ""), ""];
  return hintsFrom(preset, dirViews(dir, rels), read, list);
}

/** Compose files and the images that mean a service preset. */
const COMPOSE_FILES = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];
const SERVICE_IMAGES: ReadonlyArray<[RegExp, string]> = [
  [
    /^\s*image:\s*["']?(?:docker\.io\/)?(?:library\/)?(?:postgres|postgis\/postgis|pgvector\/pgvector|timescale\/timescaledb[\w-]*)(?=[:@\s"']|$)/m,
    "postgres",
  ],
  [
    /^\s*image:\s*["']?(?:docker\.io\/)?(?:library\/)?(?:redis|valkey\/valkey|redis\/redis-stack[\w-]*|bitnami\/redis)(?=[:@\s"']|$)/m,
    "redis",
  ],
  [
    /^\s*image:\s*["']?(?:docker\.io\/)?(?:library\/)?(?:mysql|mariadb|bitnami\/mysql)(?=[:@\s"']|$)/m,
    "mysql",
  ],
];

/**
 * Detect the presets a project uses. Reads the root listing, each direct
 * subfolder's listing (see the module comment), and only the few files that
 * markers with content checks, pins and lockfiles name.
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
      .filter(
        (e) =>
          e.isDirectory() && SAFE_DIR.test(e.name) && !SKIPPED_SUBDIRS.has(e.name.toLowerCase()),
      )
      .map((e) => e.name)
      .sort();
    for (const name of subdirs.slice(0, MAX_SUBDIRS)) {
      const entries = listDir(join(dir, name));
      if (entries) views.push(view(join(dir, name), `${name}/`, entries));
    }
  }

  // Where each preset is found, in order of first appearance.
  const found = new Map<string, { preset: Preset; reason: string; views: DirView[] }>();
  const notes: string[] = [];
  for (const v of views) {
    for (const preset of list) {
      for (const marker of preset.markers) {
        const reason = matchMarker(marker, v, read, v === root);
        if (!reason) continue;
        const entry = found.get(preset.id);
        if (entry) entry.views.push(v);
        else found.set(preset.id, { preset, reason, views: [v] });
        break;
      }
    }
  }
  // `supersedes`: bun.lock beside package.json means bun, not node — in that folder, or
  // everywhere when the replacing preset is at the root (a bun workspace).
  for (const { preset, reason, views: where } of [...found.values()])
    for (const other of preset.supersedes ?? []) {
      const o = found.get(other);
      if (!o) continue;
      const rootWide = where.includes(root);
      const left = rootWide ? [] : o.views.filter((x) => !where.includes(x));
      if (left.length === o.views.length) continue;
      notes.push(`${preset.id} replaces ${other} (${reason})`);
      if (left.length === 0) found.delete(other);
      else o.views = left;
    }

  const presetsOut: DetectedPreset[] = [];
  for (const { preset, reason, views: where } of found.values()) {
    const dirs = where.map((x) => x.prefix.replace(/\/$/, ""));
    const hintViews = where.includes(root) ? [root] : [...where, root];
    const h = hintsFrom(preset, hintViews, read, list);
    notes.push(...h.notes);
    presetsOut.push({
      id: preset.id,
      reason: reason + h.reason,
      dirs,
      ...(h.version !== undefined ? { version: h.version } : {}),
      ...(h.tool !== undefined ? { tool: h.tool } : {}),
      ...(h.toolchainFile !== undefined ? { toolchainFile: h.toolchainFile } : {}),
      ...(h.setVersion !== undefined ? { setVersion: h.setVersion } : {}),
    });
  }

  // Services a compose file runs: suggested, never chosen on their own.
  const suggestions: Detection["suggestions"] = [];
  for (const file of COMPOSE_FILES) {
    if (!root.names.has(file)) continue;
    const text = read(join(dir, file));
    if (!text) continue;
    for (const [re, id] of SERVICE_IMAGES)
      if (
        re.test(text) &&
        list.some((p) => p.id === id) &&
        !found.has(id) &&
        !suggestions.some((s) => s.id === id)
      )
        suggestions.push({ id, reason: `${file} runs it` });
  }
  if (suggestions.length)
    notes.push(
      `${suggestions[0]?.reason.replace(/ runs it$/, "")} runs ${suggestions.map((s) => s.id).join(" and ")}; to run ${suggestions.length === 1 ? "it" : "them"} from the shell instead, name ${suggestions.length === 1 ? "it" : "them"} too (create-nix-devshell … ${suggestions.map((s) => s.id).join(" ")})`,
    );
  return { presets: presetsOut, notes, suggestions };
}

/** A preset by id or alias (case-insensitive), or undefined. */
export function findPreset(word: string, list: readonly Preset[] = allPresets): Preset | undefined {
  return findIn(word, list);
}
