/**
 * Structural edits of a HomeSpec, for generators (`npx plop profile|host|template`):
 * each returns a new, validated spec; the caller writes nixhome.json and the one
 * new `.nix` file (renderLayerFile / renderHostFile / renderTemplateFile).
 * flake.nix reads the JSON, so it never changes.
 */
import { findShell } from "../devshell/lookup.js";
import { own } from "../own.js";
import { NixhomeError } from "../plan/plan.js";
import {
  checkHostName,
  checkLayerName,
  checkTemplate,
  type HomeHost,
  type HomeSpec,
  parseHomeSpec,
} from "./spec.js";

function revalidate(spec: HomeSpec): HomeSpec {
  return parseHomeSpec(JSON.parse(JSON.stringify(spec)));
}

export interface AddLayerOptions {
  /** Stack it in the default configuration `"<user>"`. */
  default?: boolean;
  /** Hosts that stack it. */
  hosts?: readonly string[];
}

/** Add a layer on top of the existing layers (below the host files) where asked. */
export function addLayer(spec: HomeSpec, name: string, options: AddLayerOptions): HomeSpec {
  const problem = checkLayerName(name);
  if (problem) throw new NixhomeError(problem, 2);
  const next = structuredClone(spec);
  for (const h of options.hosts ?? []) {
    const host = own(next.hosts, h);
    if (!host) throw new NixhomeError(`no host ${JSON.stringify(h)} in nixhome.json`, 2);
    if (!host.layers.includes(name)) host.layers.push(name);
  }
  if (options.default && !next.layers.includes(name)) next.layers.push(name);
  return revalidate(next);
}

/** Add a host; its layers default to those of the default configuration. */
export function addHost(
  spec: HomeSpec,
  name: string,
  host: Partial<HomeHost> & { system: string },
): HomeSpec {
  const problem = checkHostName(name);
  if (problem) throw new NixhomeError(problem, 2);
  if (Object.keys(spec.hosts).some((h) => h.toLowerCase() === name.toLowerCase()))
    throw new NixhomeError(`host ${JSON.stringify(name)} already exists`, 2);
  const next = structuredClone(spec);
  next.hosts[name] = { ...host, layers: [...(host.layers ?? spec.layers)] };
  return revalidate(next);
}

/** Add a project template (a dev-shell preset id or alias). */
export function addTemplate(spec: HomeSpec, lang: string): HomeSpec {
  const problem = checkTemplate(lang);
  if (problem) throw new NixhomeError(problem, 2);
  const id = findShell(lang)?.id as string;
  if (spec.templates.includes(id)) return spec;
  return revalidate({ ...structuredClone(spec), templates: [...spec.templates, id] });
}
