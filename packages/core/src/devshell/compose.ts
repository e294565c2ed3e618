/**
 * Compose presets into one dev shell, and write that shell as a Nix
 * expression (`pkgs.mkShell { … }`). Used by create-nix-devshell for a
 * project's flake and by create-nix-home for its project templates, so both
 * produce the same shell for the same choice.
 */
import type { NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import { NixhomeError } from "../plan/plan.js";
import type { PkgAttr, PresetProject, PresetShell } from "./preset.js";

/** What composition reads of a preset: its shell, and its project side when there is one. */
type Composable = PresetShell & Partial<PresetProject>;

export interface PresetChoice {
  preset: Composable;
  /** A version the user asked for (`--python 3.12`); the preset's default otherwise. */
  version?: string;
}

export interface ComposedShell {
  /** The presets in order, with the version and attribute chosen. */
  parts: Array<{ preset: Composable; version?: string; versionAttr?: PkgAttr }>;
  packages: PkgAttr[];
  linuxOnly: PkgAttr[];
  darwinOnly: PkgAttr[];
  /** Unfree packages the user opted into, by exact attribute name. */
  unfree: PkgAttr[];
  env: Record<string, string>;
  shellHook: string;
  watch: string[];
  gitignore: string[];
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
  };
  const envOwner: Record<string, string> = {};
  const hooks: string[] = [];
  const allow = new Set(options.allowUnfree ?? []);
  for (const { preset, version } of choices) {
    if (shell.parts.some((p) => p.preset.id === preset.id)) continue;
    const v = resolveVersion(preset, version);
    shell.parts.push({ preset, ...(v ? { version: v.version, versionAttr: v.attr } : {}) });
    if (v) pushUnique(shell.packages, [v.attr]);
    pushUnique(shell.packages, preset.packages);
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
    if (preset.shellHook?.trim()) hooks.push(`# ${preset.name}\n${preset.shellHook.trim()}\n`);
    pushUnique(shell.watch, preset.watch);
    pushUnique(shell.gitignore, preset.gitignore);
  }
  const unknownUnfree = [...allow].filter(
    (a) => !choices.some((c) => c.preset.unfreeOptIn?.includes(a)),
  );
  if (unknownUnfree.length)
    throw new NixhomeError(
      `--allow-unfree ${unknownUnfree.join(", ")}: not an unfree package of the chosen presets`,
    );
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
  const items = shell.parts.flatMap(({ preset, version, versionAttr }) => {
    const mine = [...(versionAttr ? [versionAttr] : []), ...preset.packages].filter(
      (p, i, all) => all.indexOf(p) === i,
    );
    const others = preset.version
      ? Object.entries(preset.version.attrs)
          .filter(([v]) => v !== version)
          .map(([, a]) => a)
      : [];
    const comment =
      version && others.length
        ? `${preset.name} ${version}; for another version use ${others.join(", ")}`
        : preset.name;
    return mine.map((p, i) => n.item(pkgRef(p), i === 0 ? comment : undefined));
  });
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
