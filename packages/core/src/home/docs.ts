/**
 * The non-Nix files of a home repository: README.md (templates/home/README.md
 * with a few values, Markdown-escaped), bootstrap.sh and .gitignore. Every
 * name that reaches the shell script matched a strict pattern first.
 */
import README_TEMPLATE from "../../templates/home/README.md";
import { NixhomeError } from "../plan/plan.js";
import { BOOTSTRAP_SH } from "./fleet.js";
import type { HomeSpec } from "./spec.js";

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

/** bootstrap.sh: a template file now (templates/home/bootstrap.sh); it reads the hosts from nixhome.json. */
export function renderBootstrap(_spec?: HomeSpec): string {
  return BOOTSTRAP_SH;
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
