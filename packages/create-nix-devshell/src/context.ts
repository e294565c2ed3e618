/**
 * The command line, parsed once into a typed Context that every step reads.
 * Version flags (`--python 3.13`, `--node 24` …) are generated from the
 * presets' version knobs, so a new preset brings its flag with it.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  CHANNELS,
  type Channel,
  closest,
  DEFAULT_CHANNEL,
  NixhomeError,
  type Preset,
  presets,
} from "@nixhome/core";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface Context extends Io {
  /** Languages or aliases named on the command line, as typed. */
  languages: string[];
  /** Version flag → version, e.g. { python: "3.12" }. */
  versions: Record<string, string>;
  yes: boolean;
  dryRun: boolean;
  force: boolean;
  list: boolean;
  help: boolean;
  version: boolean;
  channel: Channel["id"];
  fromHome?: string;
  allowUnfree: string[];
  /** The project directory (absolute). */
  dir: string;
  /** Where the command was started. */
  cwd: string;
  /** Prompts are possible: stdin and stdout are terminals. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  presets: readonly Preset[];
}

/** The options every run understands (version flags come on top). */
export const BASE_OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  list: { type: "boolean" },
  yes: { type: "boolean", short: "y" },
  "dry-run": { type: "boolean" },
  force: { type: "boolean", short: "f" },
  channel: { type: "string" },
  "from-home": { type: "string" },
  "allow-unfree": { type: "string", multiple: true },
  dir: { type: "string", short: "C" },
} as const;

/** Version flag → the presets offering it (`--dotnet` serves C# and F#). */
export function versionFlags(list: readonly Preset[] = presets): Map<string, Preset[]> {
  const flags = new Map<string, Preset[]>();
  for (const p of list) {
    if (!p.version) continue;
    const flag = p.version.flag;
    if (flag in BASE_OPTIONS)
      throw new Error(`internal: preset ${p.id} version flag --${flag} clashes with an option`);
    flags.set(flag, [...(flags.get(flag) ?? []), p]);
  }
  return flags;
}

function usageError(message: string): NixhomeError {
  return new NixhomeError(`${message} (see --help)`, 2);
}

/** Turn node:util's parse errors into one short line with a suggestion. */
function parseError(e: unknown, known: readonly string[]): NixhomeError {
  const err = e as NodeJS.ErrnoException;
  const name = /'(-[^' ]+)/.exec(err.message)?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const bare = name.replace(/^-+/, "").replace(/=.*/, "");
      const near = closest(bare, known);
      return usageError(
        `unknown option ${name}${near.length ? `; did you mean ${near.map((k) => `--${k}`).join(", ")}?` : ""}`,
      );
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return usageError(
        /argument missing/.test(err.message)
          ? `${name.split(" ")[0]} needs a value`
          : `${name.split(" ")[0]} takes no value`,
      );
    default:
      return usageError(err.message.split("\n")[0] ?? "bad arguments");
  }
}

export interface ContextInput {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  io: Io;
  presets?: readonly Preset[];
}

export function parseContext(input: ContextInput): Context {
  const list = input.presets ?? presets;
  const flags = versionFlags(list);
  const options: Record<
    string,
    { type: "string" | "boolean"; short?: string; multiple?: boolean }
  > = { ...BASE_OPTIONS };
  for (const flag of flags.keys()) options[flag] = { type: "string" };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...input.argv],
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw parseError(e, Object.keys(options));
  }
  const v = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const versions: Record<string, string> = {};
  for (const flag of flags.keys()) {
    const value = v[flag];
    if (typeof value === "string") versions[flag] = value;
  }
  const channel = (v.channel as string | undefined) ?? DEFAULT_CHANNEL;
  if (!(channel in CHANNELS))
    throw usageError(
      `unknown channel ${JSON.stringify(channel)}; use one of ${Object.keys(CHANNELS).join(", ")}`,
    );
  const fromHome = v["from-home"] as string | undefined;
  if (fromHome !== undefined && fromHome.trim() === "")
    throw usageError("--from-home needs a flake reference, e.g. ~/home-manager");
  if (fromHome !== undefined && v.channel !== undefined)
    throw usageError("--channel has no effect with --from-home: the home repository pins nixpkgs");
  const dir = resolve(input.cwd, (v.dir as string | undefined) ?? ".");
  return {
    ...input.io,
    languages: parsed.positionals,
    versions,
    yes: v.yes === true,
    dryRun: v["dry-run"] === true,
    force: v.force === true,
    list: v.list === true,
    help: v.help === true,
    version: v.version === true,
    channel: channel as Channel["id"],
    ...(fromHome !== undefined ? { fromHome } : {}),
    allowUnfree: (v["allow-unfree"] as string[] | undefined) ?? [],
    dir,
    cwd: input.cwd,
    isTTY: input.isTTY,
    env: input.env,
    presets: list,
  };
}

/** The project directory must exist and be a directory; a one-line error otherwise. */
export function checkProjectDir(dir: string): void {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new NixhomeError(
      code === "ENOENT"
        ? `${dir} does not exist; run it inside your project or pass --dir PATH`
        : code === "ENOTDIR"
          ? `${dir} is not a directory`
          : `cannot use ${dir}: ${(e as Error).message}`,
    );
  }
  if (!st.isDirectory()) throw new NixhomeError(`${dir} is not a directory`);
}
