/** `--help` and `--list`. */
import type { Preset } from "@nixhome/core";
import { versionFlags } from "../context.js";

export function helpText(version: string, list: readonly Preset[]): string {
  const flags = [...versionFlags(list)].map(([flag, owners]) => {
    const knob = owners[0]?.version;
    const versions = knob ? Object.keys(knob.attrs).join("|") : "";
    const who = owners.map((p) => p.name).join(", ");
    return `  --${`${flag} ${versions}`.padEnd(28)} ${who} version (default ${knob?.default})`;
  });
  return `create-nix-devshell ${version}
Add a Nix flake dev shell (flake.nix, .envrc, .gitignore) to the project in this folder.

Usage:
  npm create nix-devshell -- [language…] [options]
  create-nix-devshell [language…] [options]

Without a language, the languages are detected from the project's files (the root and
its direct subfolders) and confirmed at a prompt (taken as they are with --yes).

Examples:
  create-nix-devshell rust
  create-nix-devshell python node --python 3.12
  create-nix-devshell --yes --dry-run
  create-nix-devshell python --from-home ~/home-manager

Options:
  --list                         Every language with its aliases and packages
  -y, --yes                      Take the detected languages without asking
  --dry-run                      Print what would be written (diffs for existing files)
  -f, --force                    Overwrite an existing flake.nix (keeps flake.nix.bak)
  -C, --dir PATH                 The project folder (default: the current folder)
  --channel unstable|26.05       nixpkgs channel (default: unstable)
  --allow-unfree NAME            Add one unfree package a language offers (repeatable)
  --from-home REF                Write only .envrc: use flake REF#<language> (a home repo's shells)
  -h, --help                     This help
  -v, --version                  The version

Versions:
${flags.join("\n")}
`;
}

export function listText(list: readonly Preset[]): string {
  const blocks = list.map((p) => {
    const head = `${p.id}${p.aliases.length ? ` (${p.aliases.join(", ")})` : ""}: ${p.description}`;
    const knob = p.version;
    const pkgs = [
      ...(knob ? [knob.attrs[knob.default] as string] : []),
      ...p.packages,
      ...(p.linuxOnly ?? []).map((x) => `${x} (Linux)`),
      ...(p.darwinOnly ?? []).map((x) => `${x} (macOS)`),
    ];
    const lines = [head, `    packages: ${pkgs.join(" ")}`];
    if (knob)
      lines.push(
        `    --${knob.flag} ${Object.entries(knob.attrs)
          .map(([v, a]) => `${v}${v === knob.default ? "*" : ""} (${a})`)
          .join(", ")}`,
      );
    if (p.unfreeOptIn?.length)
      lines.push(`    --allow-unfree ${p.unfreeOptIn.join(" | ")} (unfree, opt-in)`);
    return lines.join("\n");
  });
  return `${list.length} languages (* = default version):\n\n${blocks.join("\n")}\n`;
}
