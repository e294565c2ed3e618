/**
 * flake.nix of a home repository: a fixed file (templates/home/flake.nix,
 * reviewable as Nix). Everything that varies is read from nixhome.json at
 * evaluation time, so generators add a layer, a host or a template by writing
 * one `.nix` file and editing the JSON — never this file. Only the two input
 * URLs of the channel are filled in, each quoted as a Nix string by the
 * printer's lexical rules (no layout code runs).
 */
import FLAKE_TEMPLATE from "../../templates/home/flake.nix";
import HOME_TEMPLATE from "../../templates/home/home.nix";
import { CHANNELS } from "../channels.js";
import { quoteString } from "../nix/lexical.js";
import { NixhomeError } from "../plan/plan.js";
import { LAYER_TEMPLATES } from "./layers.js";
import { SERVICE_FILES } from "./services.js";
import type { ChannelId } from "./spec.js";

/**
 * Replace each `"@name@"` (a Nix string in the template, so the template
 * parses as it is) with a value quoted as a Nix string by the printer's
 * lexical rules (`quoteString`: `"`, `\\` and `${` escaped). Every
 * placeholder must be filled and every value used.
 */
export function fillNixTemplate(template: string, values: Record<string, string>): string {
  let out = template;
  for (const [name, value] of Object.entries(values)) {
    const slot = `"@${name}@"`;
    if (!out.includes(slot)) throw new NixhomeError(`template has no ${slot}`);
    out = out.replaceAll(slot, () => quoteString(value));
  }
  const left = /"@[A-Za-z0-9-]+@"/.exec(out);
  if (left) throw new NixhomeError(`template placeholder ${left[0]} is not filled`);
  return out;
}

/** Text of flake.nix for a channel. */
export function renderHomeFlake(channelId: ChannelId): string {
  const channel = CHANNELS[channelId];
  return fillNixTemplate(FLAKE_TEMPLATE, {
    nixpkgs: channel.nixpkgs,
    "home-manager": channel.homeManager,
  });
}

/** Text of home.nix (the same for every repository). */
export function renderHomeNix(): string {
  return HOME_TEMPLATE;
}

/**
 * Every fixed Nix file of a home repository by its path there, for tests and
 * tools that check them (nixfmt, nix-instantiate --parse, the option checks).
 */
export const HOME_TEMPLATES: Readonly<Record<string, string>> = {
  "flake.nix": FLAKE_TEMPLATE,
  "home.nix": HOME_TEMPLATE,
  ...Object.fromEntries(
    Object.entries(LAYER_TEMPLATES).map(([name, text]) => [`profiles/${name}.nix`, text]),
  ),
  ...Object.fromEntries(SERVICE_FILES.map((f) => [f.path, f.text])),
};
