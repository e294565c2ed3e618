/**
 * The non-Nix files of a home repository: README.md (templates/home/README.md
 * with a few values, Markdown-escaped), bootstrap.sh and .gitignore. Every
 * name that reaches the shell script matched a strict pattern first.
 */
import README_TEMPLATE from "../../templates/home/README.md";
import { CHANNELS } from "../channels.js";
import { NixhomeError } from "../plan/plan.js";
import { type HomeSpec, homeConfigurations } from "./spec.js";

/**
 * The first-time command (Home Manager not installed yet) for a configuration:
 * the Home Manager pinned by flake.lock (`packages.<system>.home-manager`),
 * with flakes enabled whether or not nix.conf has them.
 */
export function firstSwitchCommand(_spec: HomeSpec, config: string, flake = "."): string {
  return `nix --extra-experimental-features 'nix-command flakes' run ${flake}#home-manager -- switch -b backup --flake ${flake}#${config}`;
}

/** Text that reads as itself in Markdown (a name such as `*Big* <Boss>`). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/**
 * Fill a Markdown template: `{{key}}` is replaced by a value; a block
 * `{{#flag}}…{{/flag}}` is kept when the flag is on, `{{^flag}}…{{/flag}}` when
 * it is off. Every key must be known and every block closed.
 */
export function fillTextTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  flags: Readonly<Record<string, boolean>> = {},
): string {
  const blocks = template.replace(
    /\{\{([#^])([A-Za-z]+)\}\}\n([\s\S]*?)\{\{\/\2\}\}\n/g,
    (_, kind: string, flag: string, body: string) => {
      if (!(flag in flags)) throw new NixhomeError(`template flag ${flag} is not set`);
      return (kind === "#") === flags[flag] ? body : "";
    },
  );
  return blocks.replace(/\{\{([^}]*)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new NixhomeError(`template key {{${key}}} has no value`);
    return value;
  });
}

export function renderHomeReadme(spec: HomeSpec): string {
  return fillTextTemplate(
    README_TEMPLATE,
    {
      name: escapeMarkdown(spec.user.name),
      username: spec.user.username,
      system: spec.system,
      layers: JSON.stringify(spec.layers).replaceAll(",", ", "),
      firstSwitch: firstSwitchCommand(spec, spec.user.username),
    },
    { plop: spec.plop },
  );
}

/** bootstrap.sh: Nix if missing, then Home Manager switch for a host. Mode 0755. */
export function renderBootstrap(spec: HomeSpec): string {
  const configs = homeConfigurations(spec);
  const branch = CHANNELS[spec.channel].homeManagerBranch;
  const hosts = configs.filter((c) => c.host !== null);
  const def = configs[0]?.name ?? spec.user.username;
  const cases = hosts.map((c) => `  ${c.host}) config="${c.name}" ;;`);
  return [
    "#!/usr/bin/env bash",
    "# Set up a machine with this Home Manager configuration:",
    "#   ./bootstrap.sh [HOST]     (HOST defaults to this machine's hostname)",
    "# Installs Nix with the official installer (flakes enabled) when it is missing,",
    "# then activates the configuration of HOST with Home Manager.",
    "set -euo pipefail",
    "",
    'repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"',
    ...(hosts.length ? ['host="${1:-$(hostname -s 2>/dev/null || uname -n)}"', ""] : []),
    ...(hosts.length
      ? [
          'case "$host" in',
          ...cases,
          "  *)",
          `    echo "bootstrap: no host '$host' in nixhome.json (hosts: ${hosts.map((c) => c.host).join(" ")}); using '${def}'" >&2`,
          `    config="${def}"`,
          "    ;;",
          "esac",
        ]
      : [
          "# No hosts in nixhome.json yet: every machine gets the default configuration.",
          "# (Add one, and this script takes the host name as its argument.)",
          `config="${def}"`,
        ]),
    "",
    "load_nix() {",
    "  set +u",
    "  for f in /nix/var/nix/profiles/default/etc/profile.d/nix-daemon.sh \\",
    '    "$HOME/.nix-profile/etc/profile.d/nix.sh"; do',
    '    if [ -e "$f" ]; then',
    "      # shellcheck disable=SC1090",
    '      . "$f"',
    "      break",
    "    fi",
    "  done",
    "  set -u",
    "}",
    "",
    "if ! command -v nix >/dev/null 2>&1; then",
    "  load_nix",
    "fi",
    "if ! command -v nix >/dev/null 2>&1; then",
    '  echo "bootstrap: installing Nix (https://nixos.org/download)"',
    '  conf="$(mktemp)"',
    '  echo "experimental-features = nix-command flakes" >"$conf"',
    '  if [ "$(uname -s)" = Darwin ] || [ -d /run/systemd/system ]; then',
    "    mode=(--daemon --yes)",
    "  else",
    "    mode=(--no-daemon)",
    "  fi",
    "  sh <(curl --proto '=https' --tlsv1.2 -sSfL https://nixos.org/nix/install) \\",
    '    "${mode[@]}" --nix-extra-conf-file "$conf"',
    '  rm -f "$conf"',
    "  load_nix",
    "fi",
    "",
    'echo "bootstrap: activating $config"',
    'exec nix --extra-experimental-features "nix-command flakes" \\',
    `  run "home-manager/${branch}" -- switch -b backup --flake "$repo#$config"`,
    "",
  ].join("\n");
}

export function renderHomeGitignore(spec: HomeSpec): string {
  return [
    "# Nix build results",
    "result",
    "result-*",
    "# direnv",
    ".direnv/",
    ...(spec.plop ? ["# plop generators (npm install)", "node_modules/"] : []),
    "",
  ].join("\n");
}
