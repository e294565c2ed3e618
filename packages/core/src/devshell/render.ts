/**
 * What create-nix-devshell writes, as a FilePlan (a pure value):
 *   - `flake.nix`: nixpkgs only, one `devShells.<system>.default` for the
 *     chosen presets, a nixfmt formatter and comments for newcomers;
 *   - `.envrc`: `use flake` plus `watch_file` lines (merged into an existing file);
 *   - `.gitignore`: `.direnv/` and the presets' local folders (merged).
 * With `fromHome`, only `.envrc`, loading the home repository's dev shells.
 */

import { CHANNELS, type Channel, DEFAULT_CHANNEL } from "../channels.js";
import type { NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import { renderNix } from "../nix/printer.js";
import { importNixpkgs } from "../nixpkgs-import.js";
import { type FilePlan, NixhomeError, type PlannedFile } from "../plan/plan.js";
import { type ComposedShell, composeShell, mkShellExpr, type PresetChoice } from "./compose.js";
import { gitignoreInserts } from "./gitignore.js";

export interface DevShellSpec {
  /** The chosen presets, in order, with requested versions. */
  choices: readonly PresetChoice[];
  /** nixpkgs channel; "unstable" by default. */
  channel?: Channel["id"];
  /** Unfree packages (of the chosen presets' `unfreeOptIn`) to allow, by attribute. */
  allowUnfree?: readonly string[];
  /**
   * A flake reference to a home repository (`~/home-manager`): write only
   * `.envrc` with `use flake REF#<preset id>` per chosen preset.
   */
  fromHome?: string;
  /**
   * The project's current `.envrc`, if any. When it already loads a shell
   * (`use flake …`, `use nix`), no second `use flake` line is added.
   */
  existingEnvrc?: string;
}

/**
 * Whether an `.envrc` already loads a Nix shell some other way than the
 * plain `use flake` line this tool writes (`use flake .#ci`, `use nix`).
 */
export function envrcLoadsShell(envrc: string): boolean {
  const lines = envrc.split("\n").map((l) => l.trim());
  return !lines.includes("use flake") && lines.some((l) => /^use[\s_](flake|nix)\b/.test(l));
}

const SAFE_REF = /^[A-Za-z0-9_./~:+@%,=-]+$/;

/** A flake reference as one word of a bash line, or a one-line error. */
export function shellWord(ref: string): string {
  if (ref.includes("#"))
    throw new NixhomeError(
      `--from-home ${ref}: give the repository without #attribute; the chosen languages pick the shells`,
      2,
    );
  if (SAFE_REF.test(ref)) return ref;
  if (/['\n\r\0]/.test(ref) || ref === "")
    throw new NixhomeError(`--from-home ${JSON.stringify(ref)} is not a usable flake reference`, 2);
  // Keep a leading ~/ outside the quotes so the shell still expands it.
  return ref.startsWith("~/") ? `~/'${ref.slice(2)}'` : `'${ref}'`;
}

function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "Python 3.13 and Node.js 24" */
export function shellTitle(shell: ComposedShell): string {
  return listPhrase(
    shell.parts.map(({ preset, version }) => (version ? `${preset.name} ${version}` : preset.name)),
  );
}

/** "replace python313 by python314" for the first preset with another version, or null. */
function bumpExample(shell: ComposedShell): string | null {
  for (const { preset, version, versionAttr, attrFor } of shell.parts) {
    const knob = preset.version;
    if (!knob || !versionAttr) continue;
    const keys = Object.keys(knob.attrs);
    const next =
      keys[keys.indexOf(version as string) + 1] ?? keys[keys.indexOf(version as string) - 1];
    const attr = next === undefined ? undefined : attrFor(next);
    if (attr && attr !== versionAttr) return `replace ${versionAttr} by ${attr}`;
  }
  return null;
}

/** The name `lib.getName` gives a package: the last component of its attribute path. */
function unfreeName(attr: string): string {
  return attr.split(".").pop() as string;
}

function channelComment(channel: Channel): string {
  const first =
    channel.id === "unstable"
      ? `nixpkgs-unstable: the newest packages (stable release: ${CHANNELS["26.05"].nixpkgs}).`
      : `NixOS ${channel.id}, a stable release (newest packages: ${CHANNELS.unstable.nixpkgs}).`;
  return `${first}\n\`nix flake update\` updates nixpkgs; flake.lock pins the exact revision.`;
}

function shellInputsComment(shell: ComposedShell): string {
  const files = shell.parts.flatMap((p) => (p.toolchain ? [p.toolchain.file] : []));
  return `${shell.inputs.map((i) => i.name).join(", ")} reads ${files.join(", ")} (the project's own toolchain pin).`;
}

/** The flake.nix of a composed shell. */
export function renderFlake(
  shell: ComposedShell,
  options: { channel?: Channel["id"] } = {},
): string {
  const channel = CHANNELS[options.channel ?? DEFAULT_CHANNEL];
  if (!channel) throw new NixhomeError(`unknown channel ${options.channel}`);
  const legacy = n.select(n.ref("nixpkgs.legacyPackages"), [n.id("system")]);
  let pkgsFor: NixExpr = shell.unfree.length
    ? importNixpkgs({
        lib: "nixpkgs.lib",
        allowed: n.list(shell.unfree.map(unfreeName)),
        comment: "Only these unfree packages are allowed (--allow-unfree).",
      })
    : legacy;
  if (shell.inputs.length) {
    const overlays = n.bind(
      "overlays",
      n.list(shell.inputs.map((i) => n.ref(`${i.name}.${i.overlay}`))),
      { comment: shellInputsComment(shell) },
    );
    pkgsFor =
      pkgsFor.kind === "apply" && pkgsFor.args[1]?.kind === "attrs"
        ? n.call("import", n.id("nixpkgs"), n.attrs([...pkgsFor.args[1].bindings, overlays]))
        : n.call("import", n.id("nixpkgs"), n.attrs([n.inherit(["system"]), overlays]));
  }
  const forEachSystem = n.lambda(
    "f",
    n.call("nixpkgs.lib.genAttrs", n.ref("systems"), n.lambda("system", n.call("f", pkgsFor))),
  );
  const bump = bumpExample(shell);
  const devShellComment = [
    "`nix develop` (or direnv, through .envrc) enters this shell.",
    ...(bump ? [`To change a version, ${bump} below.`] : []),
  ].join("\n");
  // `...` keeps the flake valid when inputs are added.
  const outputs = n.fn(
    ["self", "nixpkgs", ...shell.inputs.map((i) => i.name)],
    n.let(
      [
        n.bind("systems", [...channel.systems]),
        n.bind("forEachSystem", forEachSystem, {
          comment: "Calls f with the package set of each system.",
        }),
      ],
      n.attrs([
        n.bind(
          "devShells",
          n.call(
            "forEachSystem",
            n.lambda("pkgs", n.attrs([n.bind("default", mkShellExpr(shell))])),
          ),
          { comment: devShellComment },
        ),
        n.bind("formatter", n.call("forEachSystem", n.lambda("pkgs", n.ref("pkgs.nixfmt"))), {
          gap: true,
          comment: "`nix fmt` formats this file.",
        }),
        n.bind("checks", n.ref("self.devShells"), {
          gap: true,
          comment: "`nix flake check` builds the shell of this system (so CI sees a missing package).",
        }),
      ]),
    ),
    { ellipsis: true },
  );
  return renderNix(
    n.attrs([
      n.bind("description", `Development shell for ${shellTitle(shell)}`),
      n.bind("inputs.nixpkgs.url", channel.nixpkgs, {
        gap: true,
        comment: channelComment(channel),
      }),
      ...shell.inputs.map((i) =>
        n.bind(
          ["inputs", i.name],
          n.attrs([n.bind("url", i.url), n.bind("inputs.nixpkgs.follows", "nixpkgs")]),
        ),
      ),
      n.bind("outputs", outputs, { gap: true }),
    ]),
  );
}

/** `.envrc` for a project flake. */
export function renderEnvrc(shell: ComposedShell, existing?: string): string {
  const loads = existing !== undefined && envrcLoadsShell(existing);
  return [
    "# direnv (https://direnv.net) enters the dev shell of flake.nix; run `direnv allow` once.",
    ...(loads ? [] : ["use flake"]),
    ...shell.watch.map((f) => `watch_file ${f}`),
    "",
  ].join("\n");
}

/** `.gitignore` lines: direnv's cache and the presets' local folders. */
export function renderGitignore(shell: ComposedShell): string {
  return [
    "# Nix dev shell",
    ".direnv/",
    ...shell.gitignore.filter((g) => g !== ".direnv/"),
    "",
  ].join("\n");
}

/** The wanted `.gitignore` lines of a shell (direnv's cache first). */
export function gitignoreLines(shell: ComposedShell): string[] {
  return [".direnv/", ...shell.gitignore.filter((g) => g !== ".direnv/")];
}

/** The subproject folders of a shell's parts (where their local folders appear too). */
function shellDirs(spec: DevShellSpec): string[] {
  return [...new Set(spec.choices.flatMap((c) => c.dirs ?? []).filter((d) => d !== ""))];
}

/**
 * The planned `.gitignore`: a new file, or a line merge whose decision is made on
 * the lines the file holds when it is written (see gitignore.ts): only what git
 * does not ignore yet, placed where it cannot undo a negation.
 */
function gitignoreFile(shell: ComposedShell, spec: DevShellSpec): PlannedFile {
  const wanted = gitignoreLines(shell);
  const dirs = shellDirs(spec);
  return {
    path: ".gitignore",
    content: renderGitignore(shell),
    merge: (lines) => gitignoreInserts(lines, wanted, { dirs }),
  };
}

/** `.envrc` loading a home repository's dev shells, one line per preset. */
export function renderHomeEnvrc(ref: string, ids: readonly string[]): string {
  const word = shellWord(ref);
  return [
    `# direnv (https://direnv.net) enters the dev shells of ${ref}; run \`direnv allow\` once.`,
    ...ids.map((id) => `use flake ${word}#${id}`),
    "",
  ].join("\n");
}

/** Everything create-nix-devshell writes for a choice, as a FilePlan. */
export function renderDevShell(spec: DevShellSpec): FilePlan {
  if (spec.choices.length === 0) throw new NixhomeError("choose at least one language");
  const shell = composeShell(spec.choices, { allowUnfree: spec.allowUnfree ?? [] });
  if (spec.fromHome !== undefined) {
    if (spec.allowUnfree?.length)
      throw new NixhomeError(
        "--allow-unfree has no effect with --from-home: the home repository decides",
        2,
      );
    return [
      {
        path: ".envrc",
        content: renderHomeEnvrc(
          spec.fromHome,
          shell.parts.map((p) => p.preset.id),
        ),
        merge: "lines",
      },
    ];
  }
  const files: PlannedFile[] = [
    {
      path: "flake.nix",
      content: renderFlake(shell, { channel: spec.channel ?? DEFAULT_CHANNEL }),
    },
    { path: ".envrc", content: renderEnvrc(shell, spec.existingEnvrc), merge: "lines" },
    gitignoreFile(shell, spec),
  ];
  return files;
}
