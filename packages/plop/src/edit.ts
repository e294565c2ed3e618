/**
 * The edits the generators make, as pure functions: repository state in,
 * FilePlan out. The spec edit itself is core's (addLayer / addHost /
 * addTemplate, the same functions create-nix-home uses, validated like
 * nixhome.json); a plan writes nixhome.json and the one new `.nix` file,
 * nothing else. flake.nix reads the JSON, so no file a person owns is rewritten.
 */
import { lstatSync } from "node:fs";
import { join } from "node:path";
import {
  addHost,
  addLayer,
  addTemplate,
  DEFAULT_CONFIG,
  type FilePlan,
  type HomeSpec,
  NixhomeError,
  parseHomeSpec,
  readRegular,
  renderHostFile,
  renderLayerFile,
  renderSpecJson,
  renderTemplateFile,
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

export { DEFAULT_CONFIG };

/**
 * A file of the repository as UTF-8 text, or null when nothing is there. Only a
 * regular file is read (core's readRegular): a FIFO, a device, a folder or a
 * symlink is refused with one line, never opened, so nothing hangs and no write
 * goes through a link.
 */
function readText(dir: string, path: string): string | null {
  const file = join(dir, path);
  try {
    lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new NixhomeError(`${file}: ${(e as Error).message.split("\n")[0]}`);
  }
  const { bytes } = readRegular(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new NixhomeError(`${file} is not UTF-8 text`);
  }
}

export function readRepo(dir: string): Repo {
  const file = join(dir, "nixhome.json");
  const specText = readText(dir, "nixhome.json");
  if (specText === null)
    throw new NixhomeError(
      `no nixhome.json in ${dir}: run the generators inside a repository made by create-nix-home`,
    );
  let json: unknown;
  try {
    json = JSON.parse(specText);
  } catch (e) {
    // One line: Node's message may quote the input, newlines and all.
    throw new NixhomeError(
      `${file} is not valid JSON: ${(e as Error).message.replace(/\s+/g, " ")}`,
    );
  }
  const spec = parseHomeSpec(json, file);
  return {
    dir,
    specText,
    spec,
    exists: (p) => {
      try {
        lstatSync(join(dir, p));
        return true;
      } catch {
        return false;
      }
    },
    read: (p) => readText(dir, p),
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

/** Parse a package list typed as "ripgrep, fd jq" into attribute names. */
export function parsePackages(text: string | readonly string[]): string[] {
  const items = typeof text === "string" ? text.split(/[\s,]+/) : [...text];
  const names = items.map((s) => s.trim()).filter(Boolean);
  for (const name of names)
    if (!/^[A-Za-z_][A-Za-z0-9_'+-]*(\.[A-Za-z_][A-Za-z0-9_'+-]*)*$/.test(name))
      throw new NixhomeError(`${JSON.stringify(name)} is not a nixpkgs attribute name`);
  return names.filter((p, i) => names.indexOf(p) === i);
}

/** The two files a generator writes: the one new module, and nixhome.json. */
function plan(repo: Repo, file: string, content: string, spec: HomeSpec): FilePlan {
  checkFlakeReadsSpec(repo);
  return [
    { path: file, content },
    { path: "nixhome.json", content: renderSpecJson(spec), replaces: repo.specText },
  ];
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
  const targets = [...new Set(answers.hosts)];
  const spec = addLayer(repo.spec, name, {
    default: targets.includes(DEFAULT_CONFIG),
    hosts: targets.filter((t) => t !== DEFAULT_CONFIG),
  });
  const file = `profiles/${name}.nix`;
  if (repo.exists(file))
    throw new NixhomeError(
      `${file} already exists but no configuration uses it; choose another name or add it to nixhome.json yourself`,
    );
  const packages = parsePackages(answers.packages ?? []);
  const purpose = answers.purpose?.trim();
  return plan(
    repo,
    file,
    renderLayerFile({ name, ...(purpose ? { purpose } : {}), packages }),
    spec,
  );
}

export interface HostAnswers {
  name: string;
  system: string;
  /** Another account on this host ("" = the repository's user). */
  username?: string;
  /** Its home directory ("" = derived from the host's own system). */
  home?: string;
  /** Layers the host stacks, lowest precedence first. */
  layers: readonly string[];
}

export function planHost(repo: Repo, answers: HostAnswers): FilePlan {
  const name = answers.name.trim();
  const username = answers.username?.trim() || undefined;
  const homeDirectory = answers.home?.trim() || undefined;
  const spec = addHost(repo.spec, name, {
    system: answers.system.trim(),
    layers: answers.layers,
    ...(username ? { username } : {}),
    ...(homeDirectory ? { homeDirectory } : {}),
  });
  const file = `hosts/${name}.nix`;
  if (repo.exists(file))
    throw new NixhomeError(
      `${file} already exists but is not in nixhome.json; choose another name or add it yourself`,
    );
  return plan(repo, file, renderHostFile(name), spec);
}

export interface TemplateAnswers {
  lang: string;
}

export function planTemplate(repo: Repo, answers: TemplateAnswers): FilePlan {
  const spec = addTemplate(repo.spec, answers.lang.trim());
  const id = spec.templates[spec.templates.length - 1] as string;
  const file = `profiles/project-templates/${id}.nix`;
  if (repo.exists(file))
    throw new NixhomeError(`${file} already exists but is not in nixhome.json; add it yourself`);
  return plan(repo, file, renderTemplateFile(id), spec);
}

// ---- prompt answers → the model, checked (plop hands over untyped answers) ----

type Answers = Record<string, unknown>;

function text(a: Answers, key: string): string {
  const v = a[key];
  if (v === undefined || v === null) return "";
  if (typeof v !== "string") throw new NixhomeError(`${key}: expected text`);
  return v;
}

function list(a: Answers, key: string): string[] {
  const v = a[key];
  if (v === undefined || v === null) return [];
  // Bypass arguments arrive as "a,b" text; prompts as a list.
  if (typeof v === "string")
    return v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
    throw new NixhomeError(`${key}: expected a list of names`);
  return v as string[];
}

export function profileAnswers(a: Answers): ProfileAnswers {
  return {
    name: text(a, "name"),
    purpose: text(a, "purpose"),
    packages: text(a, "packages"),
    hosts: list(a, "hosts"),
  };
}

export function hostAnswers(a: Answers): HostAnswers {
  return {
    name: text(a, "name"),
    system: text(a, "system"),
    username: text(a, "username"),
    home: text(a, "home"),
    layers: list(a, "layers"),
  };
}

export function templateAnswers(a: Answers): TemplateAnswers {
  return { lang: text(a, "lang") };
}
