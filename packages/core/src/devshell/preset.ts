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
}

/** Where detection reads a version hint from. */
export interface VersionSource {
  file: string;
  /** Regular expression source; capture group 1 is the version (major or major.minor). */
  pattern: string;
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
  /** Shell hook lines (bash), run on entering the shell. */
  shellHook?: string;
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
