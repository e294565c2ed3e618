/**
 * Everything a run knows, parsed once: the command line (parseArgv, below),
 * the starting spec of `--config`, and what the machine suggests as defaults
 * (git identity, account, home, platform). Steps read the Context; nothing
 * else looks at argv or the environment.
 */
import { readFileSync, statSync } from "node:fs";
import { homedir, hostname, userInfo } from "node:os";
import {
  ALL_SYSTEMS,
  builtin,
  type ChannelId,
  checkCacheKey,
  checkCacheUrl,
  checkChannel,
  checkEditor,
  checkEmail,
  checkHomeDirectory,
  checkHostName,
  checkName,
  checkShell,
  checkStateVersion,
  checkSystem,
  checkTemplate,
  checkUsername,
  closest,
  defaultHomeDirectory,
  type Editor,
  type HomeCache,
  type HomeSpec,
  NixhomeError,
  parseHomeSpec,
  SHELLS,
  type Shell,
} from "@nixhome/core";
import { gitOnPath, readGitIdentity } from "./git-config.js";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** What the machine tells us; injectable so tests control every default. */
export interface Environment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Prompts are possible (stdin is a terminal). */
  isTTY: boolean;
  platform: NodeJS.Platform;
  arch: string;
  homedir: () => string;
  username: () => string;
  hostname: () => string;
  /** `git config user.name` / `user.email`, or undefined. */
  gitConfig: (key: string) => string | undefined;
  hasGit: () => boolean;
}

export function realEnvironment(): Environment {
  // The global config files answer the common case without starting git (see
  // git-config.ts); otherwise one git process answers both keys.
  let identity: Map<string, string> | undefined;
  const gitIdentity = () => {
    identity ??= readGitIdentity(process.env, process.cwd())?.values ?? askGit();
    return identity;
  };
  let onPath: boolean | undefined;
  let tty: boolean | undefined;
  return {
    cwd: process.cwd(),
    env: process.env,
    // isatty(0), not process.stdin.isTTY: creating the stdin stream costs a --yes run
    // milliseconds; asked only when needed (node:tty loads net and stream).
    get isTTY() {
      tty ??= builtin("node:tty").isatty(0);
      return tty;
    },
    platform: process.platform,
    arch: process.arch,
    homedir,
    username: () => {
      try {
        return userInfo().username;
      } catch {
        return "user";
      }
    },
    hostname,
    gitConfig: (key) => gitIdentity().get(key.toLowerCase()),
    hasGit: () => {
      onPath ??= gitOnPath(process.env);
      return onPath;
    },
  };
}

/** `git config` itself: user.name and user.email as git resolves them (includes, system file…). */
function askGit(): Map<string, string> {
  const r = builtin("node:child_process").spawnSync(
    "git",
    ["config", "--get-regexp", "^user\\.(name|email)$"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 5000 },
  );
  const values = new Map<string, string>();
  if (r.status === 0)
    for (const line of r.stdout.split("\n")) {
      const space = line.indexOf(" ");
      const key = line.slice(0, space).toLowerCase();
      const value = line.slice(space + 1).trim();
      // The last value wins, as with `git config --get`.
      if (space > 0 && value) values.set(key, value);
    }
  return values;
}

/** One `--host NAME[:SYSTEM]`. */
export interface HostFlag {
  name: string;
  system?: string;
}

/** Answers given on the command line (undefined: not given). */
export interface Flags {
  dir?: string;
  name?: string;
  email?: string;
  username?: string;
  home?: string;
  system?: string;
  shell?: Shell;
  editor?: Editor;
  hosts?: HostFlag[];
  templates?: string[];
  channel?: ChannelId;
  stateVersion?: string;
  git?: boolean;
  plop?: boolean;
  /** `--cache URL --cache-key KEY`: the binary cache CI pushes to and bootstrap.sh reads. */
  cache?: HomeCache;
}

export interface Context extends Io {
  flags: Flags;
  /** The spec of `--config FILE`, answers to start from. */
  config?: HomeSpec;
  configPath?: string;
  yes: boolean;
  dryRun: boolean;
  force: boolean;
  help: boolean;
  version: boolean;
  environment: Environment;
}

export const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  yes: { type: "boolean", short: "y" },
  name: { type: "string" },
  email: { type: "string" },
  username: { type: "string" },
  home: { type: "string" },
  system: { type: "string" },
  shell: { type: "string" },
  editor: { type: "string" },
  host: { type: "string", multiple: true },
  template: { type: "string", multiple: true },
  channel: { type: "string" },
  "state-version": { type: "string" },
  git: { type: "boolean" },
  "no-git": { type: "boolean" },
  "no-plop": { type: "boolean" },
  cache: { type: "string" },
  "cache-key": { type: "string" },
  config: { type: "string" },
  "dry-run": { type: "boolean" },
  force: { type: "boolean", short: "f" },
} as const;

export function usageError(message: string): NixhomeError {
  return new NixhomeError(`${message} (see --help)`, 2);
}

type OptionValues = {
  -readonly [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K] extends { type: "string" }
      ? string
      : boolean;
};

/**
 * The command line, strictly: `--name value`, `--name=value`, `-y`, repeated
 * `--host`, `--` ends the options. (node:util's parseArgs does the same but
 * costs a --yes run milliseconds: Node compiles it on first use.)
 */
export function parseArgv(argv: readonly string[]): {
  values: OptionValues;
  positionals: string[];
} {
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  const shorts = new Map<string, string>(
    Object.entries(OPTIONS).flatMap(([name, o]) => ("short" in o ? [[o.short, name]] : [])),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const long = arg.startsWith("--");
    const word = long ? arg.slice(2, eq > 0 ? eq : undefined) : arg.slice(1);
    const name = long ? word : shorts.get(word);
    const option = name === undefined ? undefined : OPTIONS[name as keyof typeof OPTIONS];
    if (name === undefined || option === undefined) {
      const near = closest(word, Object.keys(OPTIONS)).map((o) => `--${o}`);
      throw usageError(
        `unknown option ${long ? `--${word}` : arg}${near.length ? `; did you mean ${near.join(", ")}?` : ""}`,
      );
    }
    if (option.type === "boolean") {
      if (long && eq > 0) throw usageError(`--${name} does not take a value`);
      values[name] = true;
      continue;
    }
    let value: string | undefined;
    if (long && eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith("-") && value !== "-"))
        throw usageError(`--${name} needs a value`);
      i++;
    }
    if ("multiple" in option && option.multiple)
      values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] = value;
  }
  return { values: values as OptionValues, positionals };
}

/** Fail with one line (exit 2) when a validator objects. */
function check<T extends string>(
  flag: string,
  value: string | undefined,
  validate: (v: string) => string | undefined,
): T | undefined {
  if (value === undefined) return undefined;
  const problem = validate(value);
  if (problem) throw new NixhomeError(`--${flag}: ${problem}`, 2);
  return value as T;
}

/** `--template a,b --template c`; `none` means an empty list. */
function listFlag(values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const items = values.flatMap((v) => v.split(",")).map((v) => v.trim());
  if (items.length === 1 && items[0] === "none") return [];
  return items.filter((v) => v !== "");
}

export function parseHostFlag(value: string): HostFlag {
  const [name, system, ...rest] = value.split(":");
  if (rest.length || name === undefined)
    throw new NixhomeError(`--host ${JSON.stringify(value)}: expected NAME or NAME:SYSTEM`, 2);
  const problem = checkHostName(name);
  if (problem) throw new NixhomeError(`--host: ${problem}`, 2);
  if (system !== undefined) {
    const bad = checkSystem(system);
    if (bad) throw new NixhomeError(`--host ${name}: ${bad}`, 2);
  }
  return system === undefined ? { name } : { name, system };
}

/**
 * The text of `--config FILE`: a regular file (through a symlink is fine: it
 * is only read), UTF-8. A FIFO, device or folder is refused before it is
 * opened, so nothing can hang the run.
 */
export function readConfigFile(path: string): string {
  const fail = (why: string) => new NixhomeError(`--config ${path}: ${why}`, 2);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fail(code === "ENOENT" ? "no such file" : (e as Error).message);
  }
  if (st.isDirectory()) throw fail("is a directory");
  if (!st.isFile()) throw fail("is not a regular file");
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw fail((e as Error).message.split("\n")[0] ?? "cannot be read");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw fail("is not UTF-8 text");
  }
}

export function getContext(argv: readonly string[], environment: Environment, io: Io): Context {
  const parsed = parseArgv(argv);
  const v = parsed.values;
  if (parsed.positionals.length > 1)
    throw usageError(
      `one directory expected, got ${parsed.positionals.length}: ${parsed.positionals.join(" ")}`,
    );
  if (v.git && v["no-git"]) throw usageError("--git and --no-git contradict each other");
  const dir = parsed.positionals[0];
  if (dir !== undefined && dir.trim() === "") throw usageError("the directory name is empty");

  const hosts = listFlag(v.host)?.map(parseHostFlag);
  const seen = new Set<string>();
  for (const h of hosts ?? []) {
    if (seen.has(h.name.toLowerCase()))
      throw new NixhomeError(`--host ${h.name} is given twice`, 2);
    seen.add(h.name.toLowerCase());
  }
  const templates = listFlag(v.template);
  for (const t of templates ?? []) check("template", t, checkTemplate);

  const channel = check<ChannelId>("channel", v.channel, checkChannel);
  const cacheUrl = check("cache", v.cache, checkCacheUrl);
  const cacheKey = check("cache-key", v["cache-key"], checkCacheKey);
  if ((cacheUrl === undefined) !== (cacheKey === undefined))
    throw usageError("--cache and --cache-key go together: the cache's URL and its public key");
  const flags: Flags = {
    dir,
    name: check("name", v.name, checkName),
    email: check("email", v.email, checkEmail),
    username: check("username", v.username, checkUsername),
    home: check("home", v.home, checkHomeDirectory),
    system: check("system", v.system, (s) => checkSystem(s)),
    shell: check<Shell>("shell", v.shell, checkShell),
    editor: check<Editor>("editor", v.editor, checkEditor),
    hosts,
    templates,
    channel,
    stateVersion: check("state-version", v["state-version"], checkStateVersion),
    git: v["no-git"] ? false : v.git ? true : undefined,
    plop: v["no-plop"] ? false : undefined,
    cache:
      cacheUrl !== undefined && cacheKey !== undefined
        ? { url: cacheUrl, publicKey: cacheKey }
        : undefined,
  };

  let config: HomeSpec | undefined;
  if (v.config !== undefined) {
    const text = readConfigFile(v.config);
    config = parseHomeSpec(text, v.config);
  }

  return {
    ...io,
    flags,
    config,
    configPath: v.config,
    yes: Boolean(v.yes),
    dryRun: Boolean(v["dry-run"]),
    force: Boolean(v.force),
    help: Boolean(v.help),
    version: Boolean(v.version),
    environment,
  };
}

// ---- defaults the machine suggests ----

/** Nix system of this machine: x86_64-linux, aarch64-linux, aarch64-darwin, x86_64-darwin. */
export function detectSystem(env: Environment): string {
  const arch = env.arch === "arm64" ? "aarch64" : "x86_64";
  const os = env.platform === "darwin" ? "darwin" : "linux";
  const system = `${arch}-${os}`;
  return ALL_SYSTEMS.includes(system) ? system : "x86_64-linux";
}

/** The account name: $USER (what Home Manager's flake lookup uses), else os.userInfo(). */
export function detectUsername(env: Environment): string {
  return env.env.USER || env.env.LOGNAME || env.username();
}

/** The home directory for an account on a system: this machine's home when it is ours. */
export function suggestHome(env: Environment, username: string, system: string): string {
  const sameOs = system.endsWith("-darwin") === (env.platform === "darwin");
  if (sameOs && username === detectUsername(env)) {
    const home = env.homedir();
    if (!checkHomeDirectory(home)) return home;
  }
  return defaultHomeDirectory(username, system);
}

/** The login shell if it is one we support, else zsh. */
export function detectShell(env: Environment): Shell {
  const base = (env.env.SHELL ?? "").split("/").pop() ?? "";
  return (SHELLS as readonly string[]).includes(base) ? (base as Shell) : "zsh";
}

/** This machine's short host name. */
export function shortHostname(env: Environment): string {
  try {
    return env.hostname().split(".")[0] ?? "";
  } catch {
    return "";
  }
}
