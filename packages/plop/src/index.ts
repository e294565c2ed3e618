/**
 * @nixhome/plop — generators that grow a layered Home Manager repository made
 * by create-nix-home:
 *
 *   npx plop profile [name] [purpose] [packages] [hosts]
 *   npx plop host [name] [system] [username] [home] [layers]
 *   npx plop template [lang]
 *
 * Each works interactively or with plop's bypass arguments / `-- --name x`.
 * In a repository's plopfile: `await plop.load("@nixhome/plop")`.
 */
import { spawnSync } from "node:child_process";
import { join, relative } from "node:path";
import {
  ALL_SYSTEMS,
  applyPlan,
  CHANNELS,
  type FilePlan,
  NixhomeError,
  presets,
  usedLayers,
} from "@nixhome/core";
import type { NodePlopAPI } from "plop";
import {
  DEFAULT_CONFIG,
  hostAnswers,
  planHost,
  planProfile,
  planTemplate,
  profileAnswers,
  type Repo,
  readRepo,
  templateAnswers,
} from "./edit.js";

export * from "./edit.js";

export interface GeneratorOptions {
  /** The repository to edit; default: plop's destination (the plopfile's folder). */
  repoDir?: string;
}

/** Run a plan: all-or-nothing, and a one-line summary for plop to print. */
function write(repo: Repo, plan: FilePlan): string {
  const { written } = applyPlan(plan, repo.dir);
  return `${written.join(", ")} in ${relative(process.cwd(), repo.dir) || "."}; ${gitAdd(repo.dir, written)}`;
}

/**
 * Flakes see only files git knows: stage what was written when the repository
 * is a git work tree, else say so.
 */
export function gitAdd(dir: string, files: readonly string[]): string {
  const git = (args: string[]) =>
    spawnSync("git", ["-C", dir, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const inside = git(["rev-parse", "--is-inside-work-tree"]);
  const list = files.join(" ");
  if (inside.error || inside.status !== 0 || inside.stdout.trim() !== "true")
    return `not a git repository: run git add ${list} once it is one (flakes only see files git knows)`;
  const add = git(["add", "--", ...files]);
  if (add.status !== 0)
    return `git add failed (${(add.stderr || "").trim().split("\n")[0]}): run git add ${list} (flakes only see files git knows)`;
  return `git add ${list}`;
}

/** The repository as it is now, or null (generators then fail with a clear line). */
function tryRepo(dir: string): Repo | null {
  try {
    return readRepo(dir);
  } catch {
    return null;
  }
}

const validateWith =
  (check: (value: string) => void) =>
  (value: unknown): true | string => {
    try {
      check(String(value ?? ""));
      return true;
    } catch (e) {
      return (e as Error).message;
    }
  };

export default function nixhomeGenerators(plop: NodePlopAPI, options: GeneratorOptions = {}): void {
  const dir = options.repoDir ?? plop.getDestBasePath();
  const repo = tryRepo(dir);
  const hosts = repo ? Object.keys(repo.spec.hosts) : [];
  const layers = repo ? usedLayers(repo.spec) : ["base", "personal"];
  const systems = repo ? CHANNELS[repo.spec.channel].systems : ALL_SYSTEMS;
  const fresh = () => readRepo(dir);
  plop.setDefaultInclude({ generators: true });

  plop.setGenerator("profile", {
    description: "add a layer (profiles/<name>.nix) and stack it on hosts",
    prompts: [
      {
        type: "input",
        name: "name",
        message: "Layer name (e.g. gaming):",
        validate: validateWith((name) => {
          planProfile(fresh(), { name, hosts: [DEFAULT_CONFIG] });
        }),
      },
      { type: "input", name: "purpose", message: "What is it for (one line)?" },
      {
        type: "input",
        name: "packages",
        message: "Starting packages (nixpkgs names, space-separated):",
      },
      {
        type: "checkbox",
        name: "hosts",
        message: "Which configurations import it?",
        choices: [...hosts, DEFAULT_CONFIG].map((h) => ({
          name: h === DEFAULT_CONFIG ? `${DEFAULT_CONFIG} (homeConfigurations without a host)` : h,
          value: h,
          checked: true,
        })),
      },
    ],
    actions: [
      (answers) => {
        const r = fresh();
        return write(r, planProfile(r, profileAnswers(answers)));
      },
    ],
  });

  plop.setGenerator("host", {
    description: "add a host (hosts/<name>.nix) and its homeConfigurations entry",
    prompts: [
      {
        type: "input",
        name: "name",
        message: "Host name:",
        validate: validateWith((name) => {
          planHost(fresh(), { name, system: systems[0] as string, layers: [] });
        }),
      },
      { type: "list", name: "system", message: "System:", choices: [...systems] },
      { type: "input", name: "username", message: "Username on this host (empty: same):" },
      {
        type: "input",
        name: "home",
        message: "Home directory (empty: /Users/<user> on macOS, /home/<user> on Linux):",
      },
      {
        type: "checkbox",
        name: "layers",
        message: "Layers it stacks (lowest first):",
        choices: layers.map((l) => ({ name: l, value: l, checked: true })),
      },
    ],
    actions: [
      (answers) => {
        const r = fresh();
        return write(r, planHost(r, hostAnswers(answers)));
      },
    ],
  });

  plop.setGenerator("template", {
    description: "add a project template (profiles/project-templates/<lang>.nix, devShells.<lang>)",
    prompts: [
      {
        type: "input",
        name: "lang",
        message: `Language (${presets.length} presets, e.g. go, zig, elixir):`,
        validate: validateWith((lang) => {
          planTemplate(fresh(), { lang });
        }),
      },
    ],
    actions: [
      (answers) => {
        const r = fresh();
        return write(r, planTemplate(r, templateAnswers(answers)));
      },
    ],
  });
}

export { join as _join, NixhomeError };
