/**
 * Step 1: every answer, from (in order of preference) a flag, the `--config`
 * file, a prompt, or the machine's default. Without a terminal and without
 * `--yes`, nothing is asked: the run stops at once, naming the missing flags.
 */
import {
  ALL_SYSTEMS,
  CHANNELS,
  type ChannelId,
  checkCacheKey,
  checkCacheUrl,
  checkEmail,
  checkHomeDirectory,
  checkHostName,
  checkName,
  checkSystem,
  checkUsername,
  DEFAULT_STATE_VERSION,
  DEFAULT_TEMPLATES,
  type Editor,
  type HomeCache,
  KNOWN_HOSTS,
  NixhomeError,
  own,
  type PresetShell,
  presetShells,
  type Shell,
} from "@nixhome/core";
import {
  type Context,
  detectShell,
  detectSystem,
  detectUsername,
  type HostFlag,
  suggestHome,
} from "../context.js";
import type { Prompts } from "../prompts.js";
import { checkTarget } from "./write.js";

export interface Answers {
  dir: string;
  name: string;
  email: string;
  username: string;
  system: string;
  home: string;
  shell: Shell;
  editor: Editor;
  hosts: HostFlag[];
  templates: string[];
  channel: ChannelId;
  stateVersion: string;
  git: boolean;
  plop: boolean;
  /** The binary cache of CI and bootstrap.sh; none: CI builds and checks only. */
  cache?: HomeCache;
  /** Defaults the user may want to revisit (e.g. a made-up email). */
  notes: string[];
}

export const DEFAULT_DIR = "home-manager";

/** Question id → the flag that answers it, for the "missing flags" message. */
const FLAG_OF = {
  dir: "<directory>",
  name: "--name",
  email: "--email",
  username: "--username",
  system: "--system",
  home: "--home",
  shell: "--shell",
  editor: "--editor",
  hosts: "--host",
  templates: "--template",
  channel: "--channel",
  git: "--git/--no-git",
} as const;
type Question = keyof typeof FLAG_OF;

export class Cancelled extends NixhomeError {
  constructor() {
    super("cancelled; nothing was written", 130);
  }
}

const SYSTEM_HINTS: Record<string, string> = {
  "x86_64-linux": "Linux on Intel/AMD",
  "aarch64-linux": "Linux on ARM",
  "aarch64-darwin": "macOS on Apple silicon",
  "x86_64-darwin": "macOS on Intel (26.05 channel only)",
};

/** `~` and `~/…` → the home folder; anything else as typed. */
export function expandHome(path: string, homedir: () => string): string {
  if (path === "~") return homedir();
  if (path.startsWith("~/")) return `${homedir().replace(/\/+$/, "")}/${path.slice(2)}`;
  return path;
}

export async function collectAnswers(ctx: Context, prompts: Prompts): Promise<Answers> {
  const { flags, config, environment: env } = ctx;
  const given: Record<Question, unknown> = {
    dir: flags.dir,
    name: flags.name ?? config?.user.name,
    email: flags.email ?? config?.user.email,
    username: flags.username ?? config?.user.username,
    system: flags.system ?? config?.system,
    home: flags.home ?? (flags.username === undefined ? config?.user.homeDirectory : undefined),
    shell: flags.shell ?? config?.shell,
    editor: flags.editor ?? config?.editor,
    hosts: flags.hosts ?? (config ? Object.keys(config.hosts) : undefined),
    templates: flags.templates ?? config?.templates,
    channel: flags.channel ?? config?.channel,
    // --no-git needs no git; otherwise a machine without git gets no repository.
    git: flags.git === false || !env.hasGit() ? false : flags.git,
  };
  const ask = !ctx.yes;
  if (ask && !env.isTTY) {
    const missing = (Object.keys(FLAG_OF) as Question[]).filter((q) => given[q] === undefined);
    if (missing.length)
      throw new NixhomeError(
        `no terminal to ask questions on: pass --yes to take the defaults, or give ${missing.map((q) => FLAG_OF[q]).join(", ")}`,
        2,
      );
  }
  const interactive = ask && env.isTTY;
  const notes: string[] = [];
  const done = <T>(value: T | symbol): T => {
    if (prompts.isCancel(value)) {
      prompts.cancel("Cancelled: nothing was written.");
      throw new Cancelled();
    }
    return value as T;
  };
  const validator = (check: (v: string) => string | undefined) => (v: string | undefined) =>
    check((v ?? "").trim());
  const text = async (
    q: Question,
    message: string,
    fallback: string,
    check: (v: string) => string | undefined,
  ): Promise<string> => {
    const value = given[q] as string | undefined;
    if (value !== undefined) return value;
    if (!interactive) {
      const problem = check(fallback);
      if (problem)
        throw new NixhomeError(
          `cannot use the default for ${FLAG_OF[q]}: ${problem}; give ${FLAG_OF[q]}`,
          2,
        );
      return fallback;
    }
    return done(
      await prompts.text({ message, initialValue: fallback, validate: validator(check) }),
    ).trim();
  };

  if (interactive) prompts.intro("create-nix-home: a layered Home Manager repository");

  // The directory: checked as it is typed; a default or a flag is checked by the write step.
  // A typed `~` means the home folder (no shell expands a prompt answer).
  const typed = (v: string) =>
    interactive && given.dir === undefined ? expandHome(v, env.homedir) : v;
  const dir = typed(
    await text("dir", "Where should the repository go?", DEFAULT_DIR, (v) => {
      if (v === "") return "a directory name is needed";
      if (!interactive) return undefined;
      if (/^~[^/]/.test(v)) return "~user is not expanded here: type the full path";
      try {
        checkTarget(ctx, expandHome(v, env.homedir));
      } catch (e) {
        return (e as Error).message;
      }
      return undefined;
    }),
  );
  const username0 = detectUsername(env);
  const name = await text(
    "name",
    "Your name (for git)",
    env.gitConfig("user.name") ?? username0,
    checkName,
  );
  const gitEmail = env.gitConfig("user.email");
  const emailDefault = gitEmail ?? `${username0}@example.com`;
  const email = await text("email", "Your email (for git)", emailDefault, checkEmail);
  if (email === emailDefault && !gitEmail && given.email === undefined)
    notes.push(`git email ${email} is a placeholder: change user.email in nixhome.json`);
  const username = await text(
    "username",
    "Your username on your machines",
    username0,
    checkUsername,
  );

  let system = given.system as string | undefined;
  if (system === undefined) {
    const detected = detectSystem(env);
    system = interactive
      ? done(
          await prompts.select({
            message: "System of this configuration",
            options: ALL_SYSTEMS.map((s) => ({ value: s, hint: SYSTEM_HINTS[s] })),
            initialValue: detected,
          }),
        )
      : detected;
  }
  const home = await text(
    "home",
    "Your home directory",
    suggestHome(env, username, system),
    checkHomeDirectory,
  );

  let shell = given.shell as Shell | undefined;
  if (shell === undefined) {
    const detected = detectShell(env);
    shell = interactive
      ? done(
          await prompts.select<Shell>({
            message: "Shell",
            options: [
              { value: "zsh", hint: "with oh-my-zsh" },
              { value: "bash" },
              { value: "fish" },
            ],
            initialValue: detected,
          }),
        )
      : detected;
  }

  let editor = given.editor as Editor | undefined;
  if (editor === undefined)
    editor = interactive
      ? done(
          await prompts.select<Editor>({
            message: "Editor",
            options: [
              { value: "vim", label: "vim" },
              { value: "vscode", label: "VS Code", hint: "unfree: allowed by exact name only" },
            ],
            initialValue: "vim",
          }),
        )
      : "vim";

  // Hosts: names from a flag or the config keep their systems. Asked, a person
  // names any number of hosts and chooses each one's system.
  const hostSystem = (h: string) =>
    flags.hosts?.find((f) => f.name === h)?.system ?? own(config?.hosts, h)?.system ?? system;
  const givenHosts = given.hosts as Array<string | HostFlag> | undefined;
  let hosts: HostFlag[];
  if (givenHosts !== undefined || !interactive) {
    hosts = (givenHosts ?? [...KNOWN_HOSTS]).map((h) => {
      const n = typeof h === "string" ? h : h.name;
      return { name: n, system: hostSystem(n) };
    });
  } else {
    const names = splitHostNames(
      done(
        await prompts.text({
          message:
            "Hosts, machines that each get a file and a configuration (names, space-separated; empty: none)",
          initialValue: KNOWN_HOSTS.join(" "),
          validate: (v) => checkHostNames(splitHostNames(v ?? "")),
        }),
      ),
    );
    hosts = [];
    for (const name of names)
      hosts.push({
        name,
        system: done(
          await prompts.select({
            message: `System of ${name}`,
            options: ALL_SYSTEMS.map((s) => ({ value: s, hint: SYSTEM_HINTS[s] })),
            initialValue: system,
          }),
        ),
      });
  }

  let templates = given.templates as string[] | undefined;
  if (templates === undefined)
    templates = interactive
      ? done(
          await prompts.multiselect<string>({
            message: "Project templates (dev shells: nix develop <repo>#<lang>)",
            // The defaults first, then every other preset.
            options: [
              ...DEFAULT_TEMPLATES.map(
                (id) => presetShells.find((p) => p.id === id) as PresetShell,
              ),
              ...presetShells.filter(
                (p) => !(DEFAULT_TEMPLATES as readonly string[]).includes(p.id),
              ),
            ].map((p) => ({ value: p.id, label: p.name, hint: shellHint(p) })),
            initialValues: [...DEFAULT_TEMPLATES],
            required: false,
            maxItems: 12,
          }),
        )
      : [...DEFAULT_TEMPLATES];

  const systems = [system, ...hosts.map((h) => h.system as string)];
  const needs2605 = systems.some((s) => !CHANNELS.unstable.systems.includes(s));
  let channel = given.channel as ChannelId | undefined;
  if (channel === undefined)
    channel = interactive
      ? done(
          await prompts.select<ChannelId>({
            message: "Channel (nixpkgs and Home Manager together)",
            options: [
              {
                value: "unstable",
                label: "unstable",
                hint: needs2605 ? "no x86_64-darwin" : "nixpkgs-unstable + Home Manager master",
                disabled: needs2605,
              },
              { value: "26.05", label: "26.05", hint: "nixos-26.05 + release-26.05" },
            ],
            initialValue: needs2605 ? "26.05" : "unstable",
          }),
        )
      : needs2605
        ? "26.05"
        : "unstable";
  // Every system must exist on the channel; say which flag to change.
  const bad = checkSystem(system, channel);
  if (bad) throw new NixhomeError(`--system: ${bad}`, 2);
  for (const h of hosts) {
    const problem = checkSystem(h.system as string, channel);
    if (problem) throw new NixhomeError(`--host ${h.name}: ${problem}`, 2);
  }

  // The binary cache: optional, never required without a terminal.
  let cache = flags.cache ?? config?.cache;
  if (cache === undefined && interactive) {
    const url = done(
      await prompts.text({
        message:
          "Binary cache URL for CI to push to and bootstrap.sh to fetch from (empty: none yet)",
        initialValue: "",
        validate: validator((v) => (v === "" ? undefined : checkCacheUrl(v))),
      }),
    ).trim();
    if (url !== "") {
      const publicKey = done(
        await prompts.text({
          message:
            "Its public key (<name>:<base64>, e.g. from the Cachix page or nix key convert-secret-to-public)",
          initialValue: "",
          validate: validator(checkCacheKey),
        }),
      ).trim();
      cache = { url, publicKey };
    }
  }

  let git = given.git as boolean | undefined;
  if (git === undefined)
    git = interactive
      ? done(
          await prompts.confirm({
            message: "Initialise a git repository? (flakes only see files git knows)",
            initialValue: true,
          }),
        )
      : true;

  return {
    dir,
    name,
    email,
    username,
    system,
    home,
    shell,
    editor,
    hosts,
    templates,
    channel,
    stateVersion: flags.stateVersion ?? config?.stateVersion ?? DEFAULT_STATE_VERSION,
    git,
    plop: flags.plop ?? config?.plop ?? true,
    ...(cache ? { cache } : {}),
    notes,
  };
}

/** "laptop, work-server  nas" → the names. */
export function splitHostNames(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The first problem of a list of new host names: invalid, or twice (in any case). */
export function checkHostNames(names: readonly string[]): string | undefined {
  const seen = new Map<string, string>();
  for (const name of names) {
    const problem = checkHostName(name);
    if (problem) return problem;
    const before = seen.get(name.toLowerCase());
    if (before !== undefined)
      return before === name
        ? `${name} is named twice`
        : `"${before}" and "${name}" differ only in case (one file on macOS)`;
    seen.set(name.toLowerCase(), name);
  }
  return undefined;
}

/** What a template's shell holds, as a prompt hint: "python313 uv ruff pyright". */
function shellHint(p: PresetShell): string {
  const runtime = p.version ? [p.version.attrs[p.version.default] as string] : [];
  return [...runtime, ...p.packages].join(" ");
}
