/** The command line, parsed once into a typed Context that every step reads. */
import { realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { closest, NixhomeError } from "@nixhome/core";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface Context extends Io {
  command: "doctor" | "help" | "version";
  /** The folder to check (absolute, symlinks resolved). */
  dir: string;
  /** DIR as the user typed it (for messages). */
  dirArg: string;
  fix: boolean;
  dryRun: boolean;
  json: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface ContextInput {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  io: Io;
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  fix: { type: "boolean" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
} as const;

const COMMANDS = ["doctor"];

export function usageError(message: string): NixhomeError {
  return new NixhomeError(`${message} (see nixhome --help)`, 2);
}

export function parseContext(input: ContextInput): Context {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: typeof OPTIONS;
      allowPositionals: true;
      strict: true;
      args: string[];
    }>
  >;
  try {
    parsed = parseArgs({
      args: [...input.argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const name = /'(-[^' ]+)/.exec(err.message)?.[1] ?? "";
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const near = closest(name.replace(/^-+/, "").replace(/=.*/, ""), Object.keys(OPTIONS));
      throw usageError(
        `unknown option ${name}${near.length ? `; did you mean ${near.map((k) => `--${k}`).join(", ")}?` : ""}`,
      );
    }
    throw usageError(err.message.split("\n")[0] ?? "bad arguments");
  }
  const v = parsed.values;
  const base = {
    ...input.io,
    cwd: input.cwd,
    env: input.env,
    fix: false,
    dryRun: false,
    json: false,
  };
  if (v.help) return { ...base, command: "help", dir: input.cwd, dirArg: "." };
  if (v.version) return { ...base, command: "version", dir: input.cwd, dirArg: "." };
  const [command, dirArg = ".", ...extra] = parsed.positionals;
  if (command === undefined) return { ...base, command: "help", dir: input.cwd, dirArg: "." };
  if (!COMMANDS.includes(command)) {
    const near = closest(command, COMMANDS);
    throw usageError(
      `unknown command ${JSON.stringify(command)}${near.length ? `; did you mean ${near.join(", ")}?` : "; the command is doctor"}`,
    );
  }
  if (extra.length)
    throw usageError(`doctor takes one folder, got ${parsed.positionals.length - 1}`);
  const abs = resolve(input.cwd, dirArg);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(abs);
  } catch {
    throw usageError(`${dirArg} does not exist`);
  }
  if (!st.isDirectory()) throw usageError(`${dirArg} is not a folder`);
  return {
    ...base,
    command: "doctor",
    dir: realpathSync(abs),
    dirArg,
    fix: v.fix === true || v["dry-run"] === true,
    dryRun: v["dry-run"] === true,
    json: v.json === true,
  };
}
