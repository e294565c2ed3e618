/**
 * Structural edits of a HomeSpec: the one edit path. `npx plop profile|host|template`
 * and `create-nix-home` (answers, `--config`) both grow a spec through these
 * functions. Each returns a new spec that went through the same validator as
 * nixhome.json itself (`parseHomeSpec` of its serialised form), so an edit can
 * never produce a file the next run rejects. Names are compared without case
 * (`Laptop` and `laptop` are one file on macOS). The caller writes nixhome.json
 * and the one new `.nix` file (renderLayerFile / renderHostFile /
 * renderTemplateFile); flake.nix reads the JSON, so it never changes.
 */
import { didYouMean } from "../cli/suggest.js";
import { findShell } from "../devshell/lookup.js";
import { own } from "../own.js";
import { NixhomeError } from "../plan/plan.js";
import {
  checkEditor,
  checkEmail,
  checkHomeDirectory,
  checkHostName,
  checkLayerName,
  checkName,
  checkShell,
  checkStateVersion,
  checkSystem,
  checkTemplate,
  checkUsername,
  DEFAULT_CONFIG_NAME,
  type Editor,
  type HomeHost,
  type HomeSpec,
  parseHomeSpec,
  renderSpecJson,
  type Shell,
  usedLayers,
} from "./spec.js";

/** The configuration without a host, `homeConfigurations."<user>"`, as a generator names it. */
export const DEFAULT_CONFIG = DEFAULT_CONFIG_NAME;

const q = JSON.stringify;

function fail(problem: string | undefined): void {
  if (problem) throw new NixhomeError(problem, 2);
}

/** A deep copy; hosts keep their null prototype (host names are user-chosen). */
function copy(spec: HomeSpec): HomeSpec {
  const next = structuredClone(spec);
  next.hosts = Object.assign(Object.create(null), next.hosts);
  return next;
}

/** Serialise and parse again: exactly what the next run will read. */
function revalidate(spec: HomeSpec): HomeSpec {
  return parseHomeSpec(renderSpecJson(spec), "nixhome.json (after the edit)");
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export interface AddLayerOptions {
  /** Stack it in the default configuration `"<user>"`. */
  default?: boolean;
  /** Hosts that stack it. */
  hosts?: readonly string[];
}

/**
 * Add a new layer on top of the existing layers (below the host files) of the
 * chosen configurations. Refuses a layer that exists and an empty choice.
 */
export function addLayer(spec: HomeSpec, name: string, options: AddLayerOptions): HomeSpec {
  return editSpec(spec, [{ layer: name, options }]);
}

function layerInto(spec: HomeSpec, name: string, options: AddLayerOptions): void {
  fail(checkLayerName(name));
  const existing = usedLayers(spec).find((l) => sameName(l, name));
  if (existing)
    throw new NixhomeError(`layer ${existing} already exists (profiles/${existing}.nix)`, 2);
  const hosts = [...new Set(options.hosts ?? [])];
  if (!options.default && hosts.length === 0)
    throw new NixhomeError(`choose at least one host (or ${DEFAULT_CONFIG}) to stack the layer`, 2);
  for (const h of hosts) {
    const host = own(spec.hosts, h);
    if (!host)
      throw new NixhomeError(
        `unknown host ${q(h)}${didYouMean(h, [...Object.keys(spec.hosts), DEFAULT_CONFIG])}`,
        2,
      );
    host.layers.push(name);
  }
  if (options.default) spec.layers.push(name);
}

/** What a new host is: its own system, layers, and optionally its own settings. */
export interface NewHost {
  system: string;
  /** Lowest precedence first; default: the layers of the default configuration. */
  layers?: readonly string[];
  /** Another account on this host. */
  username?: string;
  /** Only for a home that is not `/Users/<u>` or `/home/<u>`: otherwise derived from the system. */
  homeDirectory?: string;
  user?: { name?: string; email?: string };
  shell?: Shell;
  editor?: Editor;
  stateVersion?: string;
}

export interface AddHostOptions {
  /** Layers may be ones no configuration uses yet (create-nix-home writes their files). */
  newLayers?: boolean;
}

/**
 * Add a host. Its home directory is not stored unless given: flake.nix derives
 * it from the host's own system (`/Users/<u>` on Darwin, `/home/<u>` on Linux).
 */
export function addHost(
  spec: HomeSpec,
  name: string,
  host: NewHost,
  options: AddHostOptions = {},
): HomeSpec {
  return editSpec(spec, [{ host: name, entry: host, options }]);
}

function hostInto(spec: HomeSpec, name: string, host: NewHost, options: AddHostOptions): void {
  fail(checkHostName(name));
  const clash = Object.keys(spec.hosts).find((h) => sameName(h, name));
  if (clash)
    throw new NixhomeError(
      clash === name
        ? `host ${name} already exists (hosts/${name}.nix)`
        : `host ${q(name)} clashes with ${q(clash)}: they differ only in case (one file on macOS)`,
      2,
    );
  fail(checkSystem(host.system, spec.channel));
  const layers = [...new Set(host.layers ?? spec.layers)];
  const known = usedLayers(spec);
  for (const l of layers) {
    fail(checkLayerName(l));
    if (!options.newLayers && !known.includes(l))
      throw new NixhomeError(`unknown layer ${q(l)}${didYouMean(l, known)}`, 2);
  }
  const entry: HomeHost = { system: host.system, layers };
  if (host.username !== undefined) {
    fail(checkUsername(host.username));
    entry.username = host.username;
  }
  if (host.homeDirectory !== undefined) {
    fail(checkHomeDirectory(host.homeDirectory));
    entry.homeDirectory = host.homeDirectory;
  }
  if (host.user?.name !== undefined || host.user?.email !== undefined) {
    entry.user = {};
    if (host.user.name !== undefined) {
      fail(checkName(host.user.name));
      entry.user.name = host.user.name;
    }
    if (host.user.email !== undefined) {
      fail(checkEmail(host.user.email));
      entry.user.email = host.user.email;
    }
  }
  if (host.shell !== undefined) {
    fail(checkShell(host.shell));
    entry.shell = host.shell;
  }
  if (host.editor !== undefined) {
    fail(checkEditor(host.editor));
    entry.editor = host.editor;
  }
  if (host.stateVersion !== undefined) {
    fail(checkStateVersion(host.stateVersion));
    entry.stateVersion = host.stateVersion;
  }
  spec.hosts[name] = entry;
}

/** The preset id of a template name or alias (`golang` → `go`). */
export function templateId(lang: string): string {
  fail(checkTemplate(lang));
  return findShell(lang)?.id as string;
}

/** Add a project template (a dev-shell preset id or alias); refuses one that exists. */
export function addTemplate(spec: HomeSpec, lang: string): HomeSpec {
  return editSpec(spec, [{ template: lang }]);
}

function templateInto(spec: HomeSpec, lang: string): void {
  const id = templateId(lang);
  if (spec.templates.includes(id))
    throw new NixhomeError(
      `template ${id} already exists (profiles/project-templates/${id}.nix)`,
      2,
    );
  spec.templates.push(id);
}

/** One edit of `editSpec`: what addLayer, addHost or addTemplate take. */
export type SpecEdit =
  | { layer: string; options: AddLayerOptions }
  | { host: string; entry: NewHost; options?: AddHostOptions }
  | { template: string };

/**
 * Several edits in order, each checked against the spec the ones before it
 * made, and the result validated once, as nixhome.json (create-nix-home adds
 * all its hosts and templates this way: one validation, not one per edit).
 */
export function editSpec(spec: HomeSpec, edits: readonly SpecEdit[]): HomeSpec {
  const next = copy(spec);
  for (const e of edits) {
    if ("layer" in e) layerInto(next, e.layer, e.options);
    else if ("host" in e) hostInto(next, e.host, e.entry, e.options ?? {});
    else templateInto(next, e.template);
  }
  return revalidate(next);
}
