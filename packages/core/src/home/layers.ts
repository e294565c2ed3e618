/**
 * The layers in profiles/ and one file per host in hosts/, all template files
 * (templates/home/profiles/, templates/home/hosts/): base, personal, the
 * starter of a new layer and the host files never vary. Only plop's `profile`
 * generator, which takes a purpose and packages from the user, prints a layer.
 * Precedence follows `module.ts`.
 */

import CLOUD_INSTANCE_TEMPLATE from "../../templates/home/hosts/cloud-instance.nix";
import HOST_TEMPLATE from "../../templates/home/hosts/host.nix";
import LAPTOP_TEMPLATE from "../../templates/home/hosts/laptop.nix";
import WORK_SERVER_TEMPLATE from "../../templates/home/hosts/work-server.nix";
import BASE_TEMPLATE from "../../templates/home/profiles/base.nix";
import LAYER_TEMPLATE from "../../templates/home/profiles/layer.nix";
import PERSONAL_TEMPLATE from "../../templates/home/profiles/personal.nix";
import type { NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import { renderNix } from "../nix/printer.js";
import { own } from "../own.js";
import { moduleFn, packageList } from "./module.js";

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

/**
 * The starter of a new layer (`profiles/<name>.nix`) when nothing is said
 * about it: create-nix-home writes it for a layer of `--config` that has no
 * file yet. A template file: the file's path names the layer.
 */
export const LAYER_STARTER: string = LAYER_TEMPLATE;

/**
 * A new layer (as `npx plop profile` writes it): its packages, ready for more
 * settings. Printed, since plop's purpose and packages are the user's; with
 * neither it is LAYER_STARTER.
 */
export function customLayer(input: LayerFileInput): NixExpr {
  return moduleFn([
    n.bind("home.packages", packageList(input.packages ?? []), {
      comment: `${input.purpose?.trim() || "What this layer adds."}\nScalars here are plain: they beat base and lose to a host's lib.mkForce.`,
    }),
  ]);
}

/** Text of `profiles/<name>.nix` for a new layer (LAYER_STARTER when nothing is said about it). */
export function renderLayerFile(input: LayerFileInput): string {
  if (!input.purpose?.trim() && !input.packages?.length) return LAYER_STARTER;
  return renderNix(customLayer(input));
}

/**
 * hosts/<name>.nix: what differs on that host; scalars use lib.mkForce. Fixed
 * text: a preset host (laptop, work-server, cloud-instance) has its own
 * template, any other host the generic one (the file's path names the host).
 * What depends on the host's settings reads `nixhome` at evaluation time.
 */
export const HOST_TEMPLATES: Readonly<Record<string, string>> = {
  laptop: LAPTOP_TEMPLATE,
  "work-server": WORK_SERVER_TEMPLATE,
  "cloud-instance": CLOUD_INSTANCE_TEMPLATE,
};

/** The host file of any host without a template of its own. */
export const GENERIC_HOST_TEMPLATE: string = HOST_TEMPLATE;

/** Text of `hosts/<name>.nix` (the same for every spec: settings are read from nixhome.json). */
export function renderHostFile(name: string): string {
  return own(HOST_TEMPLATES, name) ?? GENERIC_HOST_TEMPLATE;
}
