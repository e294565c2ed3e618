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
  gitRefusal,
  NixhomeError,
  nonUtf8Argument,
  parseHomeSpec,
  presets,
  recoverTarget,
  UNTRUSTED_GIT_ARGS,
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
  acted = true;
  // The edited nixhome.json passes the one validator of the spec before it is written
  // (core's edit functions already did; this guards a plan built any other way).
  const spec = plan.find((f) => f.path === "nixhome.json");
  if (spec) parseHomeSpec(spec.content, join(repo.dir, "nixhome.json"));
  const { written, warnings } = applyPlan(plan, repo.dir);
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  return `${written.join(", ")} in ${relative(process.cwd(), repo.dir) || "."}; ${gitAdd(repo.dir, written)}`;
}

/**
 * Flakes see only files git knows: stage what was written when the repository
 * is a git work tree, else say so.
 */
export function gitAdd(dir: string, files: readonly string[]): string {
  const git = (args: string[]) =>
    spawnSync("git", [...UNTRUSTED_GIT_ARGS, "-C", dir, ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  const inside = git(["rev-parse", "--is-inside-work-tree", "--show-toplevel"]);
  const list = files.join(" ");
  const [isInside, top] = (inside.stdout ?? "").split("\n");
  if (inside.error || inside.status !== 0 || isInside !== "true" || !top)
    return `not a git repository: run git add ${list} once it is one (flakes only see files git knows)`;
  // The repository git uses may be a parent folder's: its .git is checked, not just dir's.
  const refused = gitRefusal(top);
  if (refused)
    return `git was not run (${refused}): run git add ${list} yourself (flakes only see files git knows)`;
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

/** What to pass instead of answering, per generator (plop's bypass arguments). */
export const BYPASS_USAGE: Record<string, string> = {
  profile: "npx plop profile <name> <purpose> <packages> <hosts>",
  host: "npx plop host <name> <system> <username> <home> <layers>",
  template: "npx plop template <lang>",
};

let noTerminalHook = false;

/** Set once a generator's action runs (its questions were all answered). */
let acted = false;

/**
 * Without a terminal, a question plop asks finds stdin closed: the event loop
 * drains and inquirer, on "exit", ends the process with SIGINT (exit 130, not
 * a word). Say what to pass instead, and exit 2 like any other usage error.
 */
function explainNoTerminal(): void {
  if (noTerminalHook || process.stdin.isTTY) return;
  noTerminalHook = true;
  // Registered before inquirer's own "exit" handler, so it runs first.
  process.on("exit", (code) => {
    const gen = process.argv.slice(2).find((a) => Object.hasOwn(BYPASS_USAGE, a));
    if (acted || code !== 0 || gen === undefined) return;
    process.stderr.write(
      `\nplop: no terminal to ask the questions on; pass every answer as arguments: ${BYPASS_USAGE[gen]} (use "" for an empty answer, or -- --name value …)\n`,
    );
    process.exit(2);
  });
}

export default function nixhomeGenerators(plop: NodePlopAPI, options: GeneratorOptions = {}): void {
  explainNoTerminal();
  const dir = options.repoDir ?? plop.getDestBasePath();
  const repo = tryRepo(dir);
  const hosts = repo ? Object.keys(repo.spec.hosts) : [];
  const layers = repo ? usedLayers(repo.spec) : ["base", "personal"];
  const systems = repo ? CHANNELS[repo.spec.channel].systems : ALL_SYSTEMS;
  // A run killed half-way is undone first, so an edit starts from a whole repository.
  const fresh = () => {
    // An answer given as an argument that was not UTF-8 arrives mangled: refuse it.
    const bad = nonUtf8Argument(process.argv.slice(2));
    if (bad) throw new NixhomeError(bad, 2);
    recoverTarget(dir);
    return readRepo(dir);
  };
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
        acted = true;
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
        acted = true;
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
        acted = true;
        const r = fresh();
        return write(r, planTemplate(r, templateAnswers(answers)));
      },
    ],
  });
}

export { join as _join, NixhomeError };
