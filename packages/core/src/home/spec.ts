/**
 * HomeSpec: the domain model of a layered Home Manager repository, and its
 * serialised form `nixhome.json` (version 1). Every answer of create-nix-home
 * lands here; the generated flake.nix reads the same JSON, so adding a layer,
 * a host or a project template is a data change plus one new `.nix` file.
 *
 * Validation produces one-line messages; the validators are exported so a CLI
 * can check a flag or a prompt answer with exactly the rules `parseHomeSpec` uses.
 */
import {
  ALL_SYSTEMS,
  CHANNELS,
  type Channel,
  DEFAULT_STATE_VERSION,
  STATE_VERSIONS,
} from "../channels.js";
import { didYouMean } from "../cli/suggest.js";
import { NixhomeError } from "../plan/plan.js";
import { findTemplate, TEMPLATE_CATALOG, type TemplateEntry } from "./template-catalog.js";

export const SPEC_VERSION = 1;

export const SHELLS = ["zsh", "bash", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

export const EDITORS = ["vim", "vscode"] as const;
export type Editor = (typeof EDITORS)[number];

export type ChannelId = Channel["id"];
export const CHANNEL_IDS: readonly ChannelId[] = Object.keys(CHANNELS) as ChannelId[];

/** Hosts create-nix-home knows how to fill; any other valid name gets a plain host file. */
export const KNOWN_HOSTS = ["laptop", "work-server", "cloud-instance"] as const;
/** Hosts without a desktop: a GUI editor chosen in the personal layer is switched off there. */
export const HEADLESS_HOSTS: readonly string[] = ["work-server", "cloud-instance"];

/** The layers create-nix-home writes, lowest precedence first. */
export const BUILTIN_LAYERS = ["base", "personal"] as const;
export const DEFAULT_TEMPLATES = ["python", "node", "rust"] as const;

/** Unix account names: letters, digits, `_`, `.`, `-`; not starting with `-` or `.`. */
export const USERNAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;
/** Host names: one RFC 1123 label (letters, digits, inner hyphens), at most 63 characters. */
export const HOST_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** Layer (profile) names: lower-case words joined by hyphens; used as `profiles/<name>.nix`. */
export const LAYER_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** nixpkgs package names (`lib.getName`) allowed in `allowUnfree`. */
export const PACKAGE_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_+.-]*$/;
/** Every name pattern, for generators that ask for new names. */
export const NAME_PATTERNS = {
  username: USERNAME_PATTERN,
  host: HOST_PATTERN,
  layer: LAYER_PATTERN,
} as const;

/** Names a layer may not take: `profiles/project-templates/` is a folder. */
const RESERVED_LAYERS = new Set(["project-templates"]);

export interface HomeUser {
  /** Full name, for git. Any text; the printer escapes it. */
  name: string;
  email: string;
  /** Unix account name (`home.username`). */
  username: string;
  /** Absolute home directory (`home.homeDirectory`). */
  homeDirectory: string;
}

/** Settings a host entry may lay over the top level (flake.nix: `lib.recursiveUpdate`). */
export interface HostUser {
  name?: string;
  email?: string;
}

export interface HomeHost {
  system: string;
  /** Layers stacked below the host file, lowest precedence first. */
  layers: string[];
  /** Another account on this host. */
  username?: string;
  /** Only when given: otherwise flake.nix derives it from the host's own system. */
  homeDirectory?: string;
  /** `user.name` / `user.email` for this host only (e.g. a work email). */
  user?: HostUser;
  shell?: Shell;
  editor?: Editor;
  stateVersion?: string;
  /** Overrides the top-level `docker` setting on this host. */
  docker?: boolean;
  /** Overrides fields of the top-level `codeServer` setting on this host. */
  codeServer?: Partial<CodeServerSettings>;
}

/**
 * The repository's binary cache: CI pushes every configuration's closure there
 * and bootstrap.sh fetches from it, trusting only `publicKey`.
 */
export interface HomeCache {
  /** A Nix store URL: https://<name>.cachix.org, s3://bucket?region=…, an Attic or plain HTTP cache. */
  url: string;
  /** The key its paths are signed with: `<name>:<base64 ed25519 public key>`. */
  publicKey: string;
}

/** code-server as a user service: on or off, and where it listens. */
export interface CodeServerSettings {
  enable: boolean;
  /** An IPv4 address or `localhost`; 127.0.0.1 keeps it private to the machine. */
  bind: string;
  port: number;
}

export const DEFAULT_CODE_SERVER: Readonly<CodeServerSettings> = {
  enable: true,
  bind: "127.0.0.1",
  port: 8080,
};

/** nixhome.json, version 1. */
export interface HomeSpec {
  version: 1;
  user: HomeUser;
  /** System of the default configuration `homeConfigurations."<username>"`. */
  system: string;
  channel: ChannelId;
  stateVersion: string;
  shell: Shell;
  editor: Editor;
  /** Layers of the default configuration, lowest precedence first. */
  layers: string[];
  /** Host name → host; each becomes `homeConfigurations."<username>@<host>"`. */
  hosts: Record<string, HomeHost>;
  /** Dev-shell presets (ids) under `profiles/project-templates/`. */
  templates: string[];
  /** Unfree nixpkgs packages allowed, by exact name (never all unfree). */
  allowUnfree: string[];
  /**
   * Write package.json + plopfile.js so `npx plop` can extend the repository.
   * Like `channel`, serialised under "created": a record of what was asked,
   * never read by flake.nix (the channel lives in flake.nix's inputs).
   */
  plop: boolean;
  /** The binary cache of CI and bootstrap.sh (absent: CI builds and checks only). */
  cache?: HomeCache;
  /** A Docker daemon for the user (rootless on Linux, Colima on macOS); hosts may turn it off. */
  docker: boolean;
  /** code-server as a user service; hosts may override any field. */
  codeServer: CodeServerSettings;
}

const q = (s: string) => JSON.stringify(s);

// ---- validators: undefined when fine, else a one-line message naming the value ----

export function checkName(name: string): string | undefined {
  if (name.trim() === "") return "the name is empty";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return `the name ${q(name)} contains control characters`;
  return undefined;
}

export function checkEmail(email: string): string | undefined {
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    return `${q(email)} is not an email address (expected user@domain)`;
  return undefined;
}

export function checkUsername(username: string): string | undefined {
  if (!USERNAME_PATTERN.test(username))
    return `${q(username)} is not a valid username: use letters, digits, "_", "." or "-", starting with a letter or "_" (at most 32)`;
  return undefined;
}

/**
 * The word that names the configuration without a host (`homeConfigurations."<user>"`)
 * wherever a host can be chosen (plop profile's "which configurations"): no host may take it.
 */
export const DEFAULT_CONFIG_NAME = "default";

export function checkHostName(host: string): string | undefined {
  if (!HOST_PATTERN.test(host))
    return `${q(host)} is not a valid host name: use letters, digits and inner "-" (at most 63)`;
  if (host.toLowerCase() === DEFAULT_CONFIG_NAME)
    return `${q(host)} is reserved: it names the configuration without a host; choose another host name`;
  return undefined;
}

export function checkLayerName(layer: string): string | undefined {
  if (!LAYER_PATTERN.test(layer))
    return `${q(layer)} is not a valid layer name: use lower-case letters and digits, words joined by "-"`;
  if (RESERVED_LAYERS.has(layer)) return `${q(layer)} is reserved and cannot name a layer`;
  return undefined;
}

export function checkHomeDirectory(home: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused
  if (!home.startsWith("/") || /[\u0000-\u001f\u007f]/.test(home))
    return `${q(home)} is not an absolute path`;
  if (home.split("/").some((s) => s === "." || s === ".."))
    return `${q(home)} contains "." or ".." segments`;
  if (home.length > 1 && home.endsWith("/")) return `${q(home)} ends with "/"`;
  return undefined;
}

export function checkChannel(channel: string): string | undefined {
  if (!(CHANNEL_IDS as readonly string[]).includes(channel))
    return `unknown channel ${q(channel)} (choose ${CHANNEL_IDS.join(" or ")})${didYouMean(channel, CHANNEL_IDS)}`;
  return undefined;
}

/** A system must exist and be supported by the channel's nixpkgs. */
export function checkSystem(system: string, channel?: ChannelId): string | undefined {
  if (!ALL_SYSTEMS.includes(system))
    return `unknown system ${q(system)} (choose ${ALL_SYSTEMS.join(", ")})${didYouMean(system, ALL_SYSTEMS)}`;
  if (channel && !CHANNELS[channel].systems.includes(system)) {
    const other = CHANNEL_IDS.filter((c) => CHANNELS[c].systems.includes(system));
    return `${system} is not supported by nixpkgs on the ${channel} channel; use --channel ${other.join(" or ")}`;
  }
  return undefined;
}

export function checkShell(shell: string): string | undefined {
  if (!(SHELLS as readonly string[]).includes(shell))
    return `unknown shell ${q(shell)} (choose ${SHELLS.join(", ")})${didYouMean(shell, SHELLS)}`;
  return undefined;
}

export function checkEditor(editor: string): string | undefined {
  if (!(EDITORS as readonly string[]).includes(editor))
    return `unknown editor ${q(editor)} (choose ${EDITORS.join(" or ")})${didYouMean(editor, EDITORS)}`;
  return undefined;
}

export function checkStateVersion(version: string): string | undefined {
  if (!STATE_VERSIONS.includes(version))
    return `state version ${q(version)} is not one Home Manager accepts (${STATE_VERSIONS[0]} … ${STATE_VERSIONS[STATE_VERSIONS.length - 1]}, e.g. ${DEFAULT_STATE_VERSION})`;
  return undefined;
}

export function checkTemplate(lang: string): string | undefined {
  if (findTemplate(lang)) return undefined;
  const words = TEMPLATE_CATALOG.flatMap((p) => [p.id, ...p.aliases]);
  const near = didYouMean(lang, words);
  return `unknown template ${q(lang)}${near || `; known: ${TEMPLATE_CATALOG.map((p) => p.id).join(", ")}`}`;
}

/** A bind address for code-server: a dotted IPv4 address or `localhost`. */
export function checkBindAddress(bind: string): string | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(bind);
  if (bind === "localhost" || v4?.slice(1).every((o) => Number(o) <= 255)) return undefined;
  return `${q(bind)} is not a bind address (expected an IPv4 address such as "127.0.0.1", or "localhost")`;
}

export function checkPort(port: unknown): string | undefined {
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535)
    return `${JSON.stringify(port)} is not a port (expected a whole number from 1 to 65535)`;
  return undefined;
}

const isDarwin = (system: string) => system.endsWith("-darwin");

/** `/home/<user>`, `/Users/<user>` on Darwin, `/root` for root on Linux. */
export function defaultHomeDirectory(username: string, system: string): string {
  if (system.endsWith("-darwin")) return `/Users/${username}`;
  return username === "root" ? "/root" : `/home/${username}`;
}

/** A Nix store URL a substituter can be (no spaces or quotes: it reaches nix.conf). */
export const CACHE_URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\/[^\s"'\\]+$/;
/** `<name>:<base64 ed25519 public key>`, as `nix key convert-secret-to-public` prints. */
export const CACHE_KEY_PATTERN = /^[A-Za-z0-9._-]+:[A-Za-z0-9+/]{43}=$/;

export function checkCacheUrl(url: string): string | undefined {
  if (!CACHE_URL_PATTERN.test(url))
    return `${q(url)} is not a binary cache URL (e.g. https://<name>.cachix.org, s3://<bucket>, https://cache.example.org)`;
  return undefined;
}

export function checkCacheKey(key: string): string | undefined {
  if (!CACHE_KEY_PATTERN.test(key))
    return `${q(key)} is not a public key of a binary cache (expected <name>:<44 base64 characters>, e.g. from \`nix key convert-secret-to-public\`)`;
  return undefined;
}

// ---- parsing nixhome.json ----

type Json = unknown;

class SpecReader {
  constructor(private readonly source: string) {}

  fail(path: string, message: string): never {
    throw new NixhomeError(`${this.source}: ${path ? `${path}: ` : ""}${message}`, 2);
  }

  object(v: Json, path: string): Record<string, Json> {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      this.fail(path, "expected an object");
    return v as Record<string, Json>;
  }

  string(v: Json, path: string, check?: (s: string) => string | undefined): string {
    if (typeof v !== "string") this.fail(path, "expected a string");
    const problem = check?.(v);
    if (problem) this.fail(path, problem);
    return v;
  }

  strings(v: Json, path: string, check?: (s: string) => string | undefined): string[] {
    if (!Array.isArray(v)) this.fail(path, "expected a list of strings");
    const out = v.map((s, i) => this.string(s, `${path}[${i}]`, check));
    const dup = out.find((s, i) => out.indexOf(s) !== i);
    if (dup !== undefined) this.fail(path, `${q(dup)} is listed twice`);
    return out;
  }

  boolean(v: Json, path: string): boolean {
    if (typeof v !== "boolean") this.fail(path, "expected true or false");
    return v;
  }

  /** A `codeServer` object; only the fields it has (a host lays them over the top level). */
  codeServer(v: Json, path: string): Partial<CodeServerSettings> {
    const o = this.object(v, path);
    this.known(o, path, CODE_SERVER_KEYS);
    const out: Partial<CodeServerSettings> = {};
    if (o.enable !== undefined) out.enable = this.boolean(o.enable, `${path}.enable`);
    if (o.bind !== undefined) out.bind = this.string(o.bind, `${path}.bind`, checkBindAddress);
    if (o.port !== undefined) {
      const problem = checkPort(o.port);
      if (problem) this.fail(`${path}.port`, problem);
      out.port = o.port as number;
    }
    return out;
  }

  known(o: Record<string, Json>, path: string, keys: readonly string[]): void {
    for (const k of Object.keys(o))
      if (!keys.includes(k)) this.fail(path, `unknown field ${q(k)}${didYouMean(k, keys)}`);
  }
}

const SPEC_KEYS = [
  "$schema",
  "version",
  "user",
  "system",
  "stateVersion",
  "shell",
  "editor",
  "layers",
  "hosts",
  "templates",
  "allowUnfree",
  "docker",
  "codeServer",
  "created",
  // Read from "created" since the settings became live; accepted for older files.
  "channel",
  "plop",
  "cache",
] as const;
const USER_KEYS = ["name", "email", "username", "homeDirectory"] as const;
const CACHE_KEYS = ["url", "publicKey"] as const;
const HOST_USER_KEYS = ["name", "email"] as const;
const CREATED_KEYS = ["channel", "plop"] as const;
const HOST_KEYS = [
  "system",
  "layers",
  "username",
  "homeDirectory",
  "user",
  "shell",
  "editor",
  "stateVersion",
  "docker",
  "codeServer",
] as const;
const CODE_SERVER_KEYS = ["enable", "bind", "port"] as const;

/**
 * Validate and normalise nixhome.json (a JSON string or its parsed value).
 * Optional fields get their defaults, so the result serialises explicitly.
 * Throws NixhomeError (exit code 2) with a one-line message naming the field.
 */
export function parseHomeSpec(json: unknown, source = "nixhome.json"): HomeSpec {
  const r = new SpecReader(source);
  let data: Json = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json);
    } catch (e) {
      // One line: JSON.parse quotes the text around the error, newlines included.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed
      const why = (e as Error).message.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
      r.fail("", `not valid JSON (${why})`);
    }
  }
  const o = r.object(data, "");
  if (o.version !== SPEC_VERSION)
    r.fail(
      "version",
      o.version === undefined
        ? `missing; expected ${SPEC_VERSION}`
        : `unsupported version ${JSON.stringify(o.version)}; this create-nix-home reads version ${SPEC_VERSION}`,
    );
  r.known(o, "", SPEC_KEYS);
  const u = r.object(o.user, "user");
  r.known(u, "user", USER_KEYS);
  const created = o.created === undefined ? {} : r.object(o.created, "created");
  r.known(created, "created", CREATED_KEYS);
  const channelJson = created.channel ?? o.channel;
  const channel = (
    channelJson === undefined
      ? "unstable"
      : r.string(
          channelJson,
          created.channel === undefined ? "channel" : "created.channel",
          checkChannel,
        )
  ) as ChannelId;
  const plopJson = created.plop ?? o.plop;
  const system = r.string(o.system, "system", (s) => checkSystem(s, channel));
  const username = r.string(u.username, "user.username", checkUsername);
  const user: HomeUser = {
    name: r.string(u.name, "user.name", checkName),
    email: r.string(u.email, "user.email", checkEmail),
    username,
    homeDirectory:
      u.homeDirectory === undefined
        ? defaultHomeDirectory(username, system)
        : r.string(u.homeDirectory, "user.homeDirectory", checkHomeDirectory),
  };
  const layers =
    o.layers === undefined ? [...BUILTIN_LAYERS] : r.strings(o.layers, "layers", checkLayerName);
  const hostsJson = o.hosts === undefined ? {} : r.object(o.hosts, "hosts");
  // Host names are user-chosen: a null-prototype object, so `constructor`, `toString` …
  // are plain names here (lookups elsewhere go through `own`).
  const hosts: Record<string, HomeHost> = Object.create(null);
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(hostsJson)) {
    const path = `hosts.${name}`;
    const problem = checkHostName(name);
    if (problem) r.fail("hosts", problem);
    const clash = lower.get(name.toLowerCase());
    if (clash)
      r.fail("hosts", `${q(name)} and ${q(clash)} differ only in case (one file on macOS)`);
    lower.set(name.toLowerCase(), name);
    const h = r.object(value, path);
    r.known(h, path, HOST_KEYS);
    const host: HomeHost = {
      system:
        h.system === undefined
          ? system
          : r.string(h.system, `${path}.system`, (s) => checkSystem(s, channel)),
      layers:
        h.layers === undefined
          ? [...layers]
          : r.strings(h.layers, `${path}.layers`, checkLayerName),
    };
    if (h.username !== undefined)
      host.username = r.string(h.username, `${path}.username`, checkUsername);
    if (h.homeDirectory !== undefined)
      host.homeDirectory = r.string(h.homeDirectory, `${path}.homeDirectory`, checkHomeDirectory);
    if (h.user !== undefined) {
      const hu = r.object(h.user, `${path}.user`);
      r.known(hu, `${path}.user`, HOST_USER_KEYS);
      const user: HostUser = {};
      if (hu.name !== undefined) user.name = r.string(hu.name, `${path}.user.name`, checkName);
      if (hu.email !== undefined) user.email = r.string(hu.email, `${path}.user.email`, checkEmail);
      if (Object.keys(user).length) host.user = user;
    }
    if (h.shell !== undefined) host.shell = r.string(h.shell, `${path}.shell`, checkShell) as Shell;
    if (h.editor !== undefined)
      host.editor = r.string(h.editor, `${path}.editor`, checkEditor) as Editor;
    if (h.stateVersion !== undefined)
      host.stateVersion = r.string(h.stateVersion, `${path}.stateVersion`, checkStateVersion);
    if (h.docker !== undefined) host.docker = r.boolean(h.docker, `${path}.docker`);
    if (h.codeServer !== undefined)
      host.codeServer = r.codeServer(h.codeServer, `${path}.codeServer`);
    hosts[name] = host;
  }
  const templates = (
    o.templates === undefined
      ? [...DEFAULT_TEMPLATES]
      : r.strings(o.templates, "templates", checkTemplate)
  ).map((t) => (findTemplate(t) as TemplateEntry).id);
  const dupTemplate = templates.find((t, i) => templates.indexOf(t) !== i);
  if (dupTemplate) r.fail("templates", `${q(dupTemplate)} is listed twice`);
  const editor = (
    o.editor === undefined ? "vim" : r.string(o.editor, "editor", checkEditor)
  ) as Editor;
  const allowUnfree =
    o.allowUnfree === undefined
      ? []
      : r.strings(o.allowUnfree, "allowUnfree", (s) =>
          PACKAGE_NAME_PATTERN.test(s) ? undefined : `${q(s)} is not a package name`,
        );
  if (plopJson !== undefined && typeof plopJson !== "boolean")
    r.fail(created.plop === undefined ? "plop" : "created.plop", "expected true or false");
  let cache: HomeCache | undefined;
  if (o.cache !== undefined) {
    const c = r.object(o.cache, "cache");
    r.known(c, "cache", CACHE_KEYS);
    cache = {
      url: r.string(c.url, "cache.url", checkCacheUrl),
      publicKey: r.string(c.publicKey, "cache.publicKey", checkCacheKey),
    };
  }
  return {
    version: 1,
    user,
    system,
    channel,
    stateVersion:
      o.stateVersion === undefined
        ? DEFAULT_STATE_VERSION
        : r.string(o.stateVersion, "stateVersion", checkStateVersion),
    shell: (o.shell === undefined ? "zsh" : r.string(o.shell, "shell", checkShell)) as Shell,
    editor,
    layers,
    hosts,
    templates,
    allowUnfree,
    plop: plopJson === undefined ? true : (plopJson as boolean),
    ...(cache ? { cache } : {}),
    docker: o.docker === undefined ? true : r.boolean(o.docker, "docker"),
    codeServer: {
      ...DEFAULT_CODE_SERVER,
      ...(o.codeServer === undefined ? {} : r.codeServer(o.codeServer, "codeServer")),
    },
  };
}

/** nixhome.json text for a spec: fixed key order, two-space indent, trailing newline. */
export function renderSpecJson(spec: HomeSpec): string {
  const hosts: Record<string, unknown> = {};
  for (const [name, h] of Object.entries(spec.hosts))
    hosts[name] = {
      system: h.system,
      layers: h.layers,
      ...(h.username === undefined ? {} : { username: h.username }),
      ...(h.homeDirectory === undefined ? {} : { homeDirectory: h.homeDirectory }),
      ...(h.user === undefined ? {} : { user: h.user }),
      ...(h.shell === undefined ? {} : { shell: h.shell }),
      ...(h.editor === undefined ? {} : { editor: h.editor }),
      ...(h.stateVersion === undefined ? {} : { stateVersion: h.stateVersion }),
      ...(h.docker === undefined ? {} : { docker: h.docker }),
      ...(h.codeServer === undefined ? {} : { codeServer: orderedCodeServer(h.codeServer) }),
    };
  const ordered = {
    version: spec.version,
    user: {
      name: spec.user.name,
      email: spec.user.email,
      username: spec.user.username,
      homeDirectory: spec.user.homeDirectory,
    },
    system: spec.system,
    stateVersion: spec.stateVersion,
    shell: spec.shell,
    editor: spec.editor,
    layers: spec.layers,
    hosts,
    templates: spec.templates,
    allowUnfree: spec.allowUnfree,
    docker: spec.docker,
    codeServer: orderedCodeServer(spec.codeServer),
    created: { channel: spec.channel, plop: spec.plop },
    ...(spec.cache ? { cache: { url: spec.cache.url, publicKey: spec.cache.publicKey } } : {}),
  };
  return `${formatJson(ordered, "")}\n`;
}

function orderedCodeServer(c: Partial<CodeServerSettings>): Partial<CodeServerSettings> {
  return {
    ...(c.enable === undefined ? {} : { enable: c.enable }),
    ...(c.bind === undefined ? {} : { bind: c.bind }),
    ...(c.port === undefined ? {} : { port: c.port }),
  };
}

/** JSON with two-space indent; lists of strings stay on one line when they fit. */
function formatJson(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    const flat = JSON.stringify(value).replaceAll('","', '", "');
    if (
      value.every((v) => typeof v !== "object" || v === null) &&
      indent.length + flat.length <= 80
    )
      return flat;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = `${indent}  `;
    const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`);
    return `{\n${body.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Every layer some configuration stacks, in first-use order. */
export function usedLayers(spec: HomeSpec): string[] {
  const all = [...spec.layers, ...Object.values(spec.hosts).flatMap((h) => h.layers)];
  return all.filter((l, i) => all.indexOf(l) === i);
}

/** Configuration name → what it is made of; the same table flake.nix computes. */
export interface HomeConfiguration {
  name: string;
  host: string | null;
  username: string;
  homeDirectory: string;
  system: string;
  layers: string[];
  /** The settings the flake passes as `nixhome` (without `inputs`). */
  shell: Shell;
  editor: Editor;
  stateVersion: string;
  user: { name: string; email: string };
  /** The service settings: the top level with the host's fields laid over. */
  docker: boolean;
  codeServer: CodeServerSettings;
}

/**
 * A host's home directory, as flake.nix derives it: the one the entry names,
 * else the main one when the account and the kind of OS are the same, else
 * `/Users/<u>` or `/home/<u>` by the host's own system.
 */
export function hostHomeDirectory(spec: HomeSpec, host: HomeHost): string {
  if (host.homeDirectory !== undefined) return host.homeDirectory;
  const username = host.username ?? spec.user.username;
  const same = username === spec.user.username && isDarwin(host.system) === isDarwin(spec.system);
  return same ? spec.user.homeDirectory : defaultHomeDirectory(username, host.system);
}

export function homeConfigurations(spec: HomeSpec): HomeConfiguration[] {
  return [
    {
      name: spec.user.username,
      host: null,
      username: spec.user.username,
      homeDirectory: spec.user.homeDirectory,
      system: spec.system,
      layers: spec.layers,
      shell: spec.shell,
      editor: spec.editor,
      stateVersion: spec.stateVersion,
      user: { name: spec.user.name, email: spec.user.email },
      docker: spec.docker,
      codeServer: spec.codeServer,
    },
    ...Object.entries(spec.hosts).map(([host, h]) => {
      const username = h.username ?? spec.user.username;
      return {
        name: `${username}@${host}`,
        host,
        username,
        homeDirectory: hostHomeDirectory(spec, h),
        system: h.system,
        layers: h.layers,
        shell: h.shell ?? spec.shell,
        editor: h.editor ?? spec.editor,
        stateVersion: h.stateVersion ?? spec.stateVersion,
        user: {
          name: h.user?.name ?? spec.user.name,
          email: h.user?.email ?? spec.user.email,
        },
        docker: h.docker ?? spec.docker,
        codeServer: { ...spec.codeServer, ...h.codeServer },
      };
    }),
  ];
}
