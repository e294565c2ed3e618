/**
 * The layers in profiles/ and one file per host in hosts/. base and personal
 * are template files (templates/home/profiles/); a custom layer and a host
 * file are expressions printed by the Nix printer (their comments name the
 * layer or host). Precedence follows `module.ts`.
 */
import BASE_TEMPLATE from "../../templates/home/profiles/base.nix";
import PERSONAL_TEMPLATE from "../../templates/home/profiles/personal.nix";
import type { NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import { renderNix } from "../nix/printer.js";
import { own } from "../own.js";
import { moduleFn, packageList, type Rank, scalar } from "./module.js";
import type { HomeSpec } from "./spec.js";

/** What a host adds, by host name. */
export const HOST_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  laptop: ["gh", "lazygit", "ripgrep", "fd", "bat", "btop"],
  "work-server": ["kubectl", "awscli2"],
  "cloud-instance": [],
};

/**
 * profiles/base.nix (tools every machine gets; every scalar lib.mkDefault) and
 * profiles/personal.nix (who you are; plain definitions) never vary: they read
 * nixhome.json through the `nixhome` module argument, so they are template files.
 */
export const LAYER_TEMPLATES: Readonly<Record<string, string>> = {
  base: BASE_TEMPLATE,
  personal: PERSONAL_TEMPLATE,
};

export interface LayerFileInput {
  /** Layer name (`profiles/<name>.nix`); see LAYER_PATTERN. */
  name: string;
  /** One line saying what the layer is for; becomes the comment above its packages. */
  purpose?: string;
  /** nixpkgs attribute names the layer starts with. */
  packages?: readonly string[];
}

/** A new layer (as `npx plop profile` writes it): its packages, ready for more settings. */
export function customLayer(input: LayerFileInput): NixExpr {
  return moduleFn([
    n.bind("home.packages", packageList(input.packages ?? []), {
      comment: `${input.purpose?.trim() || `The ${input.name} layer.`}\nScalars here are plain: they beat base and lose to a host's lib.mkForce.`,
    }),
  ]);
}

/** Text of `profiles/<name>.nix` for a new layer. */
export function renderLayerFile(input: LayerFileInput): string {
  return renderNix(customLayer(input));
}

/** hosts/<name>.nix: what differs on that host; scalars use lib.mkForce. */
export function hostModule(spec: HomeSpec, name: string): NixExpr {
  const rank: Rank = "host";
  const host = own(spec.hosts, name);
  const uses = (layer: string) => (host?.layers ?? spec.layers).includes(layer);
  const shell = host?.shell ?? spec.shell;
  const packages = own(HOST_PACKAGES, name) ?? [];
  const what: Record<string, string> = {
    laptop: "Desktop-side tools for the laptop.",
    "work-server": "Cluster and cloud tools for work.",
    "cloud-instance": "A cloud instance stays lean: nothing beyond the layers below.",
  };
  return moduleFn(
    [
      n.bind("home.packages", packageList(packages), {
        comment: `${own(what, name) ?? `What only ${name} gets.`}\nScalars here use lib.mkForce: a host beats every layer below it.`,
      }),
      name === "cloud-instance" && shell === "zsh" && uses("personal")
        ? n.bind("programs.zsh.oh-my-zsh.enable", scalar(rank, false), {
            gap: true,
            comment: "A plain zsh starts faster.",
          })
        : null,
    ],
    // The comment tells the reader to use lib.mkForce; pkgs is for packages.
    { args: ["pkgs", "lib"] },
  );
}

/** Text of `hosts/<name>.nix` for a host of the spec. */
export function renderHostFile(spec: HomeSpec, name: string): string {
  return renderNix(hostModule(spec, name));
}
