/**
 * Compose presets into one dev shell, and write that shell as a Nix
 * expression (`pkgs.mkShell { … }`). Used by create-nix-devshell for a
 * project's flake and by create-nix-home for its project templates, so both
 * produce the same shell for the same choice.
 */
import type { NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import { NixhomeError } from "../plan/plan.js";
import type { PkgAttr, PresetProject, PresetShell, ShellCommand, ToolchainFile } from "./preset.js";

/** What composition reads of a preset: its shell, and its project side when there is one. */
type Composable = PresetShell & Partial<PresetProject>;

export interface PresetChoice {
  preset: Composable;
  /** A version the user asked for (`--python 3.12`); the preset's default otherwise. */
  version?: string;
  /** The tool choice (package manager), e.g. "npm"; the preset's default otherwise. */
  tool?: string;
  /** Subproject folders it was found in ("" for the root); watch lines and PATH point there. */
  dirs?: readonly string[];
  /** A toolchain file relative to the project root, read by the preset's toolchain input. */
  toolchainFile?: string;
  /** The version of the package set's flag (`27` for beam27Packages) when no preset owns it. */
  setVersion?: string;
}

/** A flake input the shell needs besides nixpkgs (rust-overlay). */
export interface ShellInput {
  name: string;
  url: string;
  overlay: string;
}

export interface ComposedShell {
  /** The presets in order, with the version and attribute chosen. */
  parts: Array<{
    preset: Composable;
    version?: string;
    versionAttr?: PkgAttr;
    /** The packages of this part, after tool, set and toolchain choices. */
    packages: PkgAttr[];
    tool?: string;
    toolchain?: { file: string; spec: ToolchainFile };
    /** The version attribute of another version of this part, in its package set. */
    attrFor: (version: string) => PkgAttr | undefined;
  }>;
  packages: PkgAttr[];
  linuxOnly: PkgAttr[];
  darwinOnly: PkgAttr[];
  /** Unfree packages the user opted into, by exact attribute name. */
  unfree: PkgAttr[];
  env: Record<string, string>;
  shellHook: string;
  watch: string[];
  gitignore: string[];
  /** Inputs besides nixpkgs, with the overlay each brings. */
  inputs: ShellInput[];
  /** Helper commands, with the attribute of their `@version` input resolved. */
  commands: Array<ShellCommand & { preset: string }>;
}

/** The attribute for a version of a preset, or a one-line error listing the supported ones. */
export function resolveVersion(
  preset: Composable,
  requested?: string,
): { version: string; attr: PkgAttr } | null {
  const knob = preset.version;
  if (!knob) {
    if (requested)
      throw new NixhomeError(
        `${preset.id} has no version choice in nixpkgs (asked for ${requested})`,
      );
    return null;
  }
  const version = requested ?? knob.default;
  const attr = knob.attrs[version];
  if (!attr)
    throw new NixhomeError(
      `${preset.name} ${version} is not available; supported --${knob.flag} versions: ${Object.keys(knob.attrs).join(", ")}`,
    );
  return { version, attr };
}

function pushUnique<T>(into: T[], items: readonly T[] | undefined): void {
  for (const item of items ?? []) if (!into.includes(item)) into.push(item);
}

/** Subproject folders and files that may appear in hooks, .envrc lines and Nix paths. */
export const SAFE_PATH = /^[A-Za-z0-9][A-Za-z0-9._+-]*(\/[A-Za-z0-9][A-Za-z0-9._+-]*)*$/;

/** Rewrite `beamPackages.x` to `beam27Packages.x` when a package set is chosen. */
function inSet(attr: PkgAttr, prefix: string, set: string | undefined): PkgAttr {
  return set !== undefined && attr.startsWith(`${prefix}.`)
    ? `${set}${attr.slice(prefix.length)}`
    : attr;
}

/** Point `"$project_root/…` of a hook into a subproject: `"$project_root/web/…`. */
function intoDir(hook: string, dir: string): string {
  return dir === "" ? hook : hook.replaceAll('"$project_root/', `"$project_root/${dir}/`);
}

/**
 * The start of every hook that uses `$project_root`: the project's folder, found the way
 * `nix develop` finds the flake (up from the current folder, not past a git root) or
 * direnv its `.envrc` (a home-repo template loaded with `use flake ~/home#lang`), so a
 * shell entered from a subfolder uses the same .venv, data folder and port. With none of
 * them above (a plain folder), it is `$PWD`.
 */
export const PROJECT_ROOT_HOOK = `# The project's folder: the nearest one up from here with flake.nix, .envrc or .git.
project_root="$PWD"
until [ -e "$project_root/flake.nix" ] || [ -e "$project_root/.envrc" ] ||
  [ -e "$project_root/.git" ]; do
  [ "$project_root" != / ] || { project_root="$PWD"; break; }
  project_root="$(dirname "$project_root")"
done
`;

/**
 * Union of packages, merged variables and hooks. Two presets setting one
 * variable to different values is an error naming both.
 */
export function composeShell(
  choices: readonly PresetChoice[],
  options: { allowUnfree?: readonly string[] } = {},
): ComposedShell {
  const shell: ComposedShell = {
    parts: [],
    packages: [],
    linuxOnly: [],
    darwinOnly: [],
    unfree: [],
    env: {},
    shellHook: "",
    watch: [],
    gitignore: [],
    inputs: [],
    commands: [],
  };
  const envOwner: Record<string, string> = {};
  const hooks: string[] = [];
  const allow = new Set(options.allowUnfree ?? []);
  // The version each flag has in this shell (`erlang` → "27"), for package sets.
  const flagVersion = new Map<string, string>();
  for (const { preset, version } of choices)
    if (preset.version) flagVersion.set(preset.version.flag, version ?? preset.version.default);
  for (const choice of choices) {
    const { preset, version } = choice;
    for (const d of [...(choice.dirs ?? []), choice.toolchainFile ?? ""])
      if (d !== "" && !SAFE_PATH.test(d))
        throw new NixhomeError(`internal: unsafe subproject path ${JSON.stringify(d)}`);
    if (shell.parts.some((p) => p.preset.id === preset.id)) continue;
    const v = resolveVersion(preset, version);
    const ps = preset.packageSet;
    const setKey = ps ? (flagVersion.get(ps.flag) ?? choice.setVersion) : undefined;
    // Erlang 29 alone keeps its interpreter and beamPackages' tools; Elixir needs a whole set.
    if (
      ps &&
      setKey !== undefined &&
      !(setKey in ps.sets) &&
      flagVersion.has(ps.flag) &&
      preset.version?.flag !== ps.flag
    )
      throw new NixhomeError(
        `${preset.name} needs an Erlang/OTP package set; --${ps.flag} ${setKey} has none in nixpkgs (use ${Object.keys(ps.sets).join(" or ")})`,
        2,
      );
    const set = ps && setKey !== undefined ? ps.sets[setKey] : undefined;
    const rebase = (a: PkgAttr) => (ps ? inSet(a, ps.prefix, set) : a);
    const versionAttr = v ? rebase(v.attr) : undefined;
    // The tool: the default one unless the project (or user) picked another.
    const tool = preset.tool;
    const toolKey = choice.tool ?? tool?.default;
    if (tool && toolKey !== undefined && !(toolKey in tool.attrs))
      throw new NixhomeError(
        `${preset.name} has no ${tool.what} ${toolKey}; use one of ${Object.keys(tool.attrs).join(", ")}`,
        2,
      );
    const toolAttr = tool && toolKey !== undefined ? tool.attrs[toolKey] : null;
    const tc = preset.toolchainFile;
    const toolchain =
      tc && choice.toolchainFile !== undefined
        ? { file: choice.toolchainFile, spec: tc }
        : undefined;
    const packages = [
      ...(versionAttr ? [versionAttr] : []),
      ...(toolAttr ? [toolAttr] : []),
      ...preset.packages.map(rebase),
    ]
      .filter((p) => !toolchain?.spec.replaces.includes(p))
      .filter((p, i, all) => all.indexOf(p) === i);
    shell.parts.push({
      preset,
      ...(v ? { version: v.version, versionAttr: versionAttr as PkgAttr } : {}),
      packages,
      ...(tool && toolKey !== undefined ? { tool: toolKey } : {}),
      ...(toolchain ? { toolchain } : {}),
      attrFor: (other: string) => {
        const a = preset.version?.attrs[other];
        return a === undefined ? undefined : rebase(a);
      },
    });
    if (toolchain && !shell.inputs.some((i) => i.name === toolchain.spec.input.name))
      shell.inputs.push({ ...toolchain.spec.input, overlay: toolchain.spec.overlay });
    pushUnique(shell.packages, packages);
    pushUnique(shell.linuxOnly, preset.linuxOnly);
    pushUnique(shell.darwinOnly, preset.darwinOnly);
    pushUnique(
      shell.unfree,
      (preset.unfreeOptIn ?? []).filter((p) => allow.has(p)),
    );
    for (const [key, value] of Object.entries(preset.env ?? {})) {
      const owner = envOwner[key];
      if (owner !== undefined && shell.env[key] !== value)
        throw new NixhomeError(
          `${owner} and ${preset.id} both set ${key} (${JSON.stringify(shell.env[key])} vs ${JSON.stringify(value)}); choose one of them`,
        );
      shell.env[key] = value;
      envOwner[key] = preset.id;
    }
    const dirs = choice.dirs?.length ? choice.dirs : [""];
    if (preset.shellHook?.trim()) {
      const hook = preset.shellHook.trim();
      const body = hook.includes('"$project_root/')
        ? [...new Set(dirs.map((d) => intoDir(hook, d)))].join("\n")
        : hook;
      hooks.push(`# ${preset.name}${dirs[0] ? ` (${dirs.join(", ")})` : ""}\n${body}\n`);
    }
    for (const d of dirs)
      pushUnique(
        shell.watch,
        (preset.watch ?? []).map((f) => (d === "" ? f : `${d}/${f}`)),
      );
    if (toolchain) pushUnique(shell.watch, [toolchain.file]);
    pushUnique(shell.gitignore, preset.gitignore);
    for (const c of preset.commands ?? [])
      shell.commands.push({
        ...c,
        preset: preset.id,
        runtimeInputs: c.runtimeInputs.map((r) => (r === "@version" ? (versionAttr ?? r) : r)),
      });
  }
  const unknownUnfree = [...allow].filter(
    (a) => !choices.some((c) => c.preset.unfreeOptIn?.includes(a)),
  );
  if (unknownUnfree.length)
    throw new NixhomeError(
      `--allow-unfree ${unknownUnfree.join(", ")}: not an unfree package of the chosen presets`,
    );
  if (hooks.some((h) => h.includes("$project_root"))) hooks.unshift(PROJECT_ROOT_HOOK);
  shell.shellHook = hooks.join("\n");
  return shell;
}

/** `pkgs.git` style reference for an attribute path below `pkgs`. */
function pkgRef(attr: PkgAttr): NixExpr {
  return n.select(n.id("pkgs"), attr);
}

/**
 * `pkgs.mkShell { packages = …; VAR = "…"; shellHook = ''…''; }` for a
 * composed shell, with comments telling a newcomer where to edit.
 */
export function mkShellExpr(shell: ComposedShell): NixExpr {
  const items = shell.parts.flatMap(({ preset, version, packages: mine, toolchain, attrFor }) => {
    const others = preset.version
      ? Object.entries(preset.version.attrs)
          .filter(([v]) => v !== version)
          .map(([v, a]) => attrFor(v) ?? a)
      : [];
    const comment =
      version && others.length
        ? `${preset.name} ${version}; for another version use ${others.join(", ")}`
        : preset.name;
    const own = mine.map((p, i) => n.item(pkgRef(p), i === 0 && !toolchain ? comment : undefined));
    if (!toolchain) return own;
    const file = n.path(`./${toolchain.file}`);
    return [
      n.item(
        n.call(`pkgs.${toolchain.spec.reader}`, file),
        `${preset.name} as ${toolchain.file} pins it (${toolchain.spec.input.url.replace(/^github:/, "")} reads it)`,
      ),
      ...own,
    ];
  });
  for (const c of shell.commands)
    items.push(
      n.item(
        n.call(
          "pkgs.writeShellApplication",
          n.attrs([
            n.bind("name", c.name),
            n.bind("runtimeInputs", n.list(c.runtimeInputs.map(pkgRef))),
            n.bind("text", `${c.text.trim()}\n`),
          ]),
        ),
        `${c.name}: ${c.description}`,
      ),
    );
  // Keep each package once even when two presets share it.
  const seen = new Set<string>();
  const unique = items.filter((it) => {
    const key = JSON.stringify(it.expr, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const u of shell.unfree)
    unique.push(n.item(pkgRef(u), `${u} is unfree; allowed for exactly this package`));
  let packages: NixExpr = n.list(unique);
  const platform = (cond: string, attrs: PkgAttr[]) =>
    n.call(
      "pkgs.lib.optionals",
      n.ref(`pkgs.stdenv.hostPlatform.${cond}`),
      n.list(attrs.map(pkgRef)),
    );
  if (shell.linuxOnly.length) packages = n.concat(packages, platform("isLinux", shell.linuxOnly));
  if (shell.darwinOnly.length)
    packages = n.concat(packages, platform("isDarwin", shell.darwinOnly));
  return n.call(
    "pkgs.mkShell",
    n.attrs([
      n.bind("packages", packages, {
        comment: "Add packages here (names: https://search.nixos.org/packages).",
      }),
      ...Object.entries(shell.env).map(([k, v], i) =>
        n.bind(
          [k],
          v,
          i === 0 ? { gap: true, comment: "Environment variables of the shell." } : {},
        ),
      ),
      shell.shellHook
        ? n.bind("shellHook", shell.shellHook, {
            gap: true,
            comment: "Runs each time you enter the shell.",
          })
        : null,
    ]),
  );
}
