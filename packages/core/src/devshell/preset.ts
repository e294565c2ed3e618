/**
 * A language preset is plain data: which nixpkgs packages make a working dev
 * shell for one language, how to recognise a project that uses it, and which
 * version knob it offers. One preset = one file in ./presets/.
 */

/** An attribute path below `pkgs`, e.g. "uv" or "beamPackages.elixir-ls". */
export type PkgAttr = string;

export interface VersionKnob {
  /** CLI flag name without dashes: `--python 3.13` → "python". */
  flag: string;
  /** The version used when the user says nothing. Must be a key of `attrs`. */
  default: string;
  /** Version → nixpkgs attribute providing that version (first entry of the shell). */
  attrs: Record<string, PkgAttr>;
}

/** How detection recognises a project. All fields of one marker must hold. */
export interface Marker {
  /** A file (or directory) name at the project root, e.g. "Cargo.toml". */
  file?: string;
  /** A file extension at the project root, e.g. ".cabal". */
  ext?: string;
  /** A regular expression (source) the `file` content must match. */
  contains?: string;
  /**
   * In a subfolder, a marker without `contains` counts only when the file's
   * content matches this (a real manifest, not a data file of the same name).
   * Markers with neither never count below the root.
   */
  nested?: string;
}

/** Where detection reads a version hint from. */
export interface VersionSource {
  file: string;
  /** Regular expression source; capture group 1 is the version (or range). */
  pattern?: string;
  /** Instead of `pattern`: a JSON path, e.g. "engines.node" or "devEngines.runtime[name=node].version". */
  json?: string;
  /**
   * How the captured text reads: "exact" (a version, perhaps with its patch:
   * `3.4.4`), "minimum" (go.mod's `go 1.25`), or "range" (`^20.19.0 || >=22.12.0`,
   * `>=3.10,<3.14`, `~> 1.15`), or "line" (the release line of a version that
   * is a floor within it: Zig's `minimum_zig_version`, go.mod's `toolchain`). Default "exact".
   */
  kind?: "exact" | "line" | "minimum" | "range";
}

/** A tool a preset can swap in for its default one (a package manager). */
export interface ToolChoice {
  /** What the choice is called in messages: "package manager". */
  what: string;
  /** The choice used when the project says nothing. Must be a key of `attrs`. */
  default: string;
  /** Choice → nixpkgs attribute (null: the runtime already brings it, e.g. npm). */
  attrs: Record<string, PkgAttr | null>;
}

/**
 * Presets whose packages all come from one package set (`beamPackages`): the
 * set follows the version of another preset's knob (`--erlang 27` →
 * `beam27Packages`), so Erlang and Elixir are one pair.
 */
export interface PackageSet {
  /** The attribute prefix rewritten: "beamPackages". */
  prefix: string;
  /** The version flag choosing the set: "erlang". */
  flag: string;
  /** Version of that flag → set attribute: { "27": "beam27Packages" }. */
  sets: Record<string, string>;
}

/** A shell helper command (a `writeShellApplication`): bash text, never user input. */
export interface ShellCommand {
  name: string;
  /** One line for the flake's comment. */
  description: string;
  /** Packages on its PATH; "@version" stands for the preset's chosen version attribute. */
  runtimeInputs: PkgAttr[];
  /** Bash body (shellcheck-clean; writeShellApplication runs it with `set -euo pipefail`). */
  text: string;
}

/** A toolchain pinned by a project file, read by a well-known flake input. */
export interface ToolchainFile {
  /** Files naming the toolchain, in order of preference: "rust-toolchain.toml". */
  files: string[];
  /** The flake input: name, URL; it follows our nixpkgs. */
  input: { name: string; url: string };
  /** The overlay to apply, below the input: "overlays.default". */
  overlay: string;
  /** The function below `pkgs` that reads the file: "rust-bin.fromRustupToolchainFile". */
  reader: string;
  /** Packages of the preset the toolchain replaces. */
  replaces: PkgAttr[];
}

/** The shell side of a preset: what a dev shell for the language holds. */
export interface PresetShell {
  /** Stable id used on the command line and in file names: "python", "c-cpp". */
  id: string;
  /** Display name: "Python", "C/C++". */
  name: string;
  /** Other words a user may type: "py", "python3". */
  aliases: string[];
  /** The optional version knob; its selected attribute is the first package of the shell. */
  version?: VersionKnob;
  /** Further packages: package manager, language server, formatter, linter… */
  packages: PkgAttr[];
  /** Packages that only exist (or make sense) on Linux. */
  linuxOnly?: PkgAttr[];
  /** Packages that only exist on Darwin. */
  darwinOnly?: PkgAttr[];
  /** Unfree packages this preset may add only when the user opts in (`--allow-unfree NAME`). */
  unfreeOptIn?: PkgAttr[];
  /** Environment variables of the shell. */
  env?: Record<string, string>;
  /**
   * Shell hook lines (bash), run on entering the shell. `$project_root` is the project's
   * folder (set by the composed hook, see `PROJECT_ROOT_HOOK`); `"$project_root/` points
   * into the subproject.
   */
  shellHook?: string;
  /** A tool that can be swapped (the package manager of Node.js). */
  tool?: ToolChoice;
  /** The package set that follows another preset's version (Elixir follows Erlang). */
  packageSet?: PackageSet;
  /** Helper commands (start/stop a service). */
  commands?: ShellCommand[];
}

/** The project side of a preset: how a project using the language is recognised and set up. */
export interface PresetProject {
  /** One line shown by `--list`. */
  description: string;
  /** Detection markers; any one marker matching selects the preset. */
  markers: Marker[];
  /** Presets this one replaces when both are detected (bun replaces node). */
  supersedes?: string[];
  /** Files to read a version hint from during detection. */
  versionFrom?: VersionSource[];
  /** Names of the preset in `.tool-versions` and `mise.toml` `[tools]` (default: its id). */
  toolNames?: string[];
  /** Version words a hint may use instead of a number: `lts/*` → "24". */
  versionAliases?: Record<string, string>;
  /** Files whose presence or content picks `tool` (first match wins; lockfiles). */
  toolFrom?: Array<{ file: string; pattern?: string; choice: string }>;
  /** A toolchain file the shell should read instead of the nixpkgs packages. */
  toolchainFile?: ToolchainFile;
  /** Files worth a `watch_file` line in `.envrc` (manifests, lock files). */
  watch?: string[];
  /** Local folders the toolchain creates that belong in `.gitignore` (e.g. ".venv/"). */
  gitignore?: string[];
}

/** A language preset: one file in ./presets/ exports its `shell` and the whole preset. */
export interface Preset extends PresetShell, PresetProject {}

/**
 * A preset from its two sides. Pure, so a bundle that imports only a preset's
 * `shell` (project templates) leaves the project side out.
 */
export function definePreset(shell: PresetShell, project: PresetProject): Preset {
  return { ...shell, ...project };
}

/**
 * Where each attribute a preset uses was checked: attribute → "NixOS/nixpkgs:<path>"
 * (a file of nixpkgs-unstable that defines it). Kept beside each preset as its own
 * export, so the CLIs' bundles leave it out.
 */
export type Evidence = Readonly<Record<PkgAttr, string>>;

/**
 * Every nixpkgs attribute a preset can put into a shell: its versions, packages,
 * tools, command inputs, platform and unfree packages, and each of those in every
 * package set it may switch to (beamPackages.x → beam27Packages.x).
 */
export function presetAttrs(p: PresetShell): PkgAttr[] {
  const base = [
    ...Object.values(p.version?.attrs ?? {}),
    ...p.packages,
    ...Object.values(p.tool?.attrs ?? {}).filter((a): a is PkgAttr => a !== null),
    ...(p.commands ?? []).flatMap((c) => c.runtimeInputs.filter((r) => r !== "@version")),
    ...(p.linuxOnly ?? []),
    ...(p.darwinOnly ?? []),
    ...(p.unfreeOptIn ?? []),
  ];
  const set = p.packageSet;
  const rebased = set
    ? Object.values(set.sets).flatMap((s) =>
        base
          .filter((a) => a.startsWith(`${set.prefix}.`))
          .map((a) => s + a.slice(set.prefix.length)),
      )
    : [];
  return [...new Set([...base, ...rebased])];
}
