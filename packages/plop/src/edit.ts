/**
 * The edits the generators make, as pure functions: repository state in,
 * FilePlan out. Wiring is structural: a layer, host or template is added to
 * nixhome.json (which the generated flake.nix reads) and gets one new `.nix`
 * file; no `.nix` file a person owns is ever rewritten.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  ALL_SYSTEMS,
  CHANNELS,
  checkHomeDirectory,
  checkHostName,
  checkLayerName,
  checkTemplate,
  checkUsername,
  didYouMean,
  type FilePlan,
  findPreset,
  type HomeSpec,
  NixhomeError,
  own,
  type PlannedFile,
  parseHomeSpec,
  readRegularText,
  renderHome,
  renderHostFile,
  renderLayerFile,
  renderSpecJson,
  renderTemplateFile,
  usedLayers,
} from "@nixhome/core";

/** What the generators know about a repository, read once. */
export interface Repo {
  dir: string;
  specText: string;
  spec: HomeSpec;
  /** Whether a path relative to the repository exists. */
  exists(path: string): boolean;
  read(path: string): string | null;
}

/** The configuration without a host: `homeConfigurations."<user>"`. */
export const DEFAULT_CONFIG = "default";

export function readRepo(dir: string): Repo {
  const file = join(dir, "nixhome.json");
  if (!existsSync(file))
    throw new NixhomeError(
      `no nixhome.json in ${dir}: run the generators inside a repository made by create-nix-home`,
    );
  // Only a regular UTF-8 file is read (a FIFO in its place is an error, never a hang).
  const specText = readRegularText(file) as string;
  let json: unknown;
  try {
    json = JSON.parse(specText);
  } catch (e) {
    throw new NixhomeError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const spec = parseHomeSpec(json, file);
  return {
    dir,
    specText,
    spec,
    exists: (p) => existsSync(join(dir, p)),
    read: (p) => readRegularText(join(dir, p)),
  };
}

/**
 * The generators wire through nixhome.json, which the generated flake.nix reads.
 * A flake.nix changed by hand so that it no longer does would make the wiring
 * silently ineffective: stop instead. (Other hand edits, such as a new input,
 * are fine, and so is a flake written by another version of create-nix-home.)
 */
export const FLAKE_READS_SPEC = "builtins.readFile ./nixhome.json";

function checkFlakeReadsSpec(repo: Repo): void {
  const flake = repo.read("flake.nix");
  if (flake === null) throw new NixhomeError(`${repo.dir} has no flake.nix`);
  if (!flake.includes(FLAKE_READS_SPEC))
    throw new NixhomeError(
      "flake.nix was edited by hand and no longer reads nixhome.json; " +
        "wire the change into flake.nix yourself or restore the generated one (git diff flake.nix)",
    );
}

function fail(message: string | undefined): void {
  if (message) throw new NixhomeError(message);
}

/** Files create-nix-home generates from the whole spec and a generator keeps current. */
export const DERIVED_FILES = ["README.md", "bootstrap.sh"] as const;

/**
 * The nixhome.json edit, plus README.md and bootstrap.sh (they list the hosts and
 * configurations) brought up to date — but only where they are exactly as
 * generated for the old spec: a file someone edited is left alone.
 */
function specEdit(repo: Repo, spec: HomeSpec): PlannedFile[] {
  const before = new Map(renderHome(repo.spec).map((f) => [f.path, f]));
  const after = new Map(renderHome(spec).map((f) => [f.path, f]));
  const derived = DERIVED_FILES.flatMap((path) => {
    const old = before.get(path);
    const next = after.get(path);
    if (!old || !next || old.content === next.content || repo.read(path) !== old.content) return [];
    return [{ ...next, replaces: old.content }];
  });
  return [
    { path: "nixhome.json", content: renderSpecJson(spec), replaces: repo.specText },
    ...derived,
  ];
}

/** Parse a package list typed as "ripgrep, fd jq" into attribute names. */
export function parsePackages(text: string | readonly string[]): string[] {
  const items = typeof text === "string" ? text.split(/[\s,]+/) : [...text];
  const names = items.map((s) => s.trim()).filter(Boolean);
  for (const name of names)
    if (!/^[A-Za-z_][A-Za-z0-9_'+-]*(\.[A-Za-z_][A-Za-z0-9_'+-]*)*$/.test(name))
      throw new NixhomeError(`${JSON.stringify(name)} is not a nixpkgs attribute name`);
  return names.filter((p, i) => names.indexOf(p) === i);
}

export interface ProfileAnswers {
  name: string;
  purpose?: string;
  packages?: string | readonly string[];
  /** Host names, and/or "default" for the configuration without a host. */
  hosts: readonly string[];
}

export function planProfile(repo: Repo, answers: ProfileAnswers): FilePlan {
  const name = answers.name.trim();
  fail(checkLayerName(name));
  const file = `profiles/${name}.nix`;
  if (usedLayers(repo.spec).includes(name))
    throw new NixhomeError(`layer ${name} already exists (${file})`);
  if (repo.exists(file))
    throw new NixhomeError(
      `${file} already exists but no configuration uses it; choose another name or add it to nixhome.json yourself`,
    );
  const targets = [...new Set(answers.hosts)];
  if (targets.length === 0)
    throw new NixhomeError("choose at least one host (or default) to import the layer");
  const spec = structuredClone(repo.spec);
  for (const t of targets) {
    if (t === DEFAULT_CONFIG) spec.layers.push(name);
    else if (own(spec.hosts, t)) own(spec.hosts, t)?.layers.push(name);
    else
      throw new NixhomeError(
        `unknown host ${JSON.stringify(t)}${didYouMean(t, [...Object.keys(spec.hosts), DEFAULT_CONFIG])}`,
      );
  }
  checkFlakeReadsSpec(repo);
  const packages = parsePackages(answers.packages ?? []);
  return [
    {
      path: file,
      content: renderLayerFile({
        name,
        ...(answers.purpose?.trim() ? { purpose: answers.purpose.trim() } : {}),
        packages,
      }),
    },
    ...specEdit(repo, spec),
  ];
}

export interface HostAnswers {
  name: string;
  system: string;
  /** Another account on this host ("" = the repository's user). */
  username?: string;
  /** Its home directory ("" = derived or the repository's). */
  home?: string;
  /** Layers the host stacks, lowest precedence first. */
  layers: readonly string[];
}

export function planHost(repo: Repo, answers: HostAnswers): FilePlan {
  const name = answers.name.trim();
  fail(checkHostName(name));
  const file = `hosts/${name}.nix`;
  if (own(repo.spec.hosts, name)) throw new NixhomeError(`host ${name} already exists (${file})`);
  if (repo.exists(file))
    throw new NixhomeError(
      `${file} already exists but is not in nixhome.json; choose another name or add it yourself`,
    );
  const systems = CHANNELS[repo.spec.channel].systems;
  if (!systems.includes(answers.system))
    throw new NixhomeError(
      ALL_SYSTEMS.includes(answers.system)
        ? `${answers.system} is not supported on the ${repo.spec.channel} channel (${systems.join(", ")})`
        : `unknown system ${JSON.stringify(answers.system)}${didYouMean(answers.system, systems)}`,
    );
  const known = usedLayers(repo.spec);
  for (const l of answers.layers)
    if (!known.includes(l))
      throw new NixhomeError(`unknown layer ${JSON.stringify(l)}${didYouMean(l, known)}`);
  const username = answers.username?.trim() || undefined;
  if (username) fail(checkUsername(username));
  let home = answers.home?.trim() || undefined;
  if (home) fail(checkHomeDirectory(home));
  if (username && !home)
    home = answers.system.endsWith("darwin") ? `/Users/${username}` : `/home/${username}`;
  const spec = structuredClone(repo.spec);
  spec.hosts[name] = {
    system: answers.system,
    layers: [...new Set(answers.layers)],
    ...(username ? { username } : {}),
    ...(home ? { homeDirectory: home } : {}),
  };
  checkFlakeReadsSpec(repo);
  return [{ path: file, content: renderHostFile(spec, name) }, ...specEdit(repo, spec)];
}

export interface TemplateAnswers {
  lang: string;
}

export function planTemplate(repo: Repo, answers: TemplateAnswers): FilePlan {
  const lang = answers.lang.trim();
  fail(checkTemplate(lang));
  const id = (findPreset(lang) as { id: string }).id;
  const file = `profiles/project-templates/${id}.nix`;
  if (repo.spec.templates.includes(id))
    throw new NixhomeError(`template ${id} already exists (${file})`);
  if (repo.exists(file))
    throw new NixhomeError(`${file} already exists but is not in nixhome.json; add it yourself`);
  const spec = structuredClone(repo.spec);
  spec.templates.push(id);
  checkFlakeReadsSpec(repo);
  return [{ path: file, content: renderTemplateFile(id) }, ...specEdit(repo, spec)];
}
