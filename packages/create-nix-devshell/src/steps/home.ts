/**
 * `--from-home REF`: before writing `use flake REF#<lang>`, check that the home
 * repository exists and offers a dev shell for each chosen language. A local
 * repository is checked by reading its `nixhome.json` (`templates`); otherwise
 * (or when it has none) through `nix eval` when Nix is installed. Anything else
 * is one line and a non-zero exit: a broken `.envrc` is never written.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { NixhomeError } from "@nixhome/core";

export interface HomeCheck {
  /** Runs `nix` (injectable for tests); null when Nix is not installed. */
  nix?:
    | ((args: readonly string[]) => { status: number | null; stdout: string; stderr: string })
    | null;
  system?: string;
}

/** The local folder a flake reference names, or null for a remote one (`github:me/home`). */
export function localPath(ref: string, cwd: string, home: string | undefined): string | null {
  let path = ref.startsWith("path:") ? ref.slice(5) : ref;
  if (path.startsWith("git+file://")) path = path.slice("git+file://".length);
  if (path === "~" || path.startsWith("~/")) {
    if (!home) return null;
    path = join(home, path.slice(1));
  }
  if (isAbsolute(path) || path.startsWith("./") || path.startsWith("../") || path === ".")
    return resolve(cwd, path);
  return null;
}

function defaultNix(args: readonly string[]) {
  const r = spawnSync("nix", ["--extra-experimental-features", "nix-command flakes", ...args], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT")
    return { status: null, stdout: "", stderr: "nix not found" };
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function nixSystem(): string {
  const arch = process.arch === "arm64" ? "aarch64" : "x86_64";
  return `${arch}-${process.platform === "darwin" ? "darwin" : "linux"}`;
}

/** The dev shells the home repository offers, or a one-line error. */
export function homeShells(
  ref: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  check: HomeCheck = {},
): string[] {
  const local = localPath(ref, cwd, env.HOME);
  if (local !== null) {
    let dir = false;
    try {
      dir = statSync(local).isDirectory();
    } catch {
      dir = false;
    }
    if (!dir) throw new NixhomeError(`--from-home ${ref}: ${local} does not exist`);
    if (!existsSync(join(local, "flake.nix")))
      throw new NixhomeError(
        `--from-home ${ref}: ${local} has no flake.nix (not a home repository)`,
      );
    const specPath = join(local, "nixhome.json");
    if (existsSync(specPath)) {
      let templates: unknown;
      try {
        templates = (JSON.parse(readFileSync(specPath, "utf8")) as { templates?: unknown })
          .templates;
      } catch (e) {
        throw new NixhomeError(
          `--from-home ${ref}: cannot read nixhome.json (${(e as Error).message})`,
        );
      }
      if (!Array.isArray(templates) || !templates.every((t) => typeof t === "string"))
        throw new NixhomeError(`--from-home ${ref}: nixhome.json has no "templates" list`);
      return templates as string[];
    }
  }
  const nix = check.nix === undefined ? defaultNix : check.nix;
  const system = check.system ?? nixSystem();
  const r = nix?.([
    "eval",
    "--json",
    `${ref}#devShells.${system}`,
    "--apply",
    "builtins.attrNames",
  ]);
  if (!r || r.status === null)
    throw new NixhomeError(
      `--from-home ${ref}: cannot check it without Nix (and it has no nixhome.json); install Nix or give a local home repository`,
    );
  if (r.status !== 0) {
    const why = r.stderr
      .split("\n")
      .find((l) => /error/i.test(l))
      ?.replace(/^\s*error:\s*/i, "");
    throw new NixhomeError(`--from-home ${ref}: nix eval failed${why ? ` (${why.trim()})` : ""}`);
  }
  try {
    const names = JSON.parse(r.stdout) as unknown;
    if (Array.isArray(names)) return names.map(String);
  } catch {
    // fall through
  }
  throw new NixhomeError(`--from-home ${ref}: nix eval gave no list of dev shells`);
}

/** Every chosen language must be a shell of the home repository. */
export function checkHome(
  ref: string,
  ids: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  check: HomeCheck = {},
): void {
  const shells = homeShells(ref, cwd, env, check);
  const missing = ids.filter((id) => !shells.includes(id));
  if (missing.length)
    throw new NixhomeError(
      `--from-home ${ref} has no dev shell for ${missing.join(", ")} (it offers: ${shells.join(", ") || "none"}); add the template there first (npx plop template)`,
    );
}
