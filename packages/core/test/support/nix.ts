/**
 * Real Nix as the judge. Tests that need `nix-instantiate` use `describeNix`:
 * outside CI they are skipped with a reason when Nix is missing; under
 * CI=true a missing Nix is a failure, never a skip.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

export const hasNix: boolean =
  spawnSync("nix-instantiate", ["--version"], { stdio: "ignore" }).status === 0;

export function describeNix(name: string, body: () => void): void {
  if (hasNix) {
    describe(name, body);
  } else if (process.env.CI === "true") {
    describe(name, () => {
      it("needs nix-instantiate", () => {
        throw new Error("nix-instantiate is missing: install nix-bin (apt-get install nix-bin)");
      });
    });
  } else {
    console.warn(`[skip] ${name}: nix-instantiate not found (apt-get install nix-bin)`);
    describe.skip(name, body);
  }
}

/** Parse files with `nix-instantiate --parse`; throws with Nix's message on a syntax error. */
export function nixParse(files: readonly string[]): void {
  for (let i = 0; i < files.length; i += 200) {
    const chunk = files.slice(i, i + 200);
    const r = spawnSync("nix-instantiate", ["--parse", ...chunk], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`nix-instantiate --parse failed:\n${r.stderr}`);
  }
}

/** Parse Nix source text (written to a temporary file). */
export function nixParseText(text: string, name = "expr.nix"): void {
  const dir = mkdtempSync(join(tmpdir(), "nixhome-parse-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  nixParse([file]);
}

/** Every `*.nix` below `dir`. */
export function nixFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === ".git") continue;
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...nixFilesUnder(p));
    else if (entry.endsWith(".nix")) out.push(p);
  }
  return out;
}

/** Evaluate an expression strictly and return its JSON value. */
export function nixEvalJson(expr: string, cwd?: string): unknown {
  const out = execFileSync("nix-instantiate", ["--eval", "--strict", "--json", "-E", expr], {
    encoding: "utf8",
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out);
}

/**
 * Evaluate a generated home repository (flake.nix and every module) with the
 * stand-ins of home-eval.nix. `packages` are the nixpkgs names the modules may use.
 */
export interface HomeEval {
  inputs: Record<string, unknown>;
  homes: Record<
    string,
    {
      modules: string[];
      nixhome: Record<string, unknown>;
      inputNames: string[];
      system: string;
      unfree: boolean[];
      /** Effective value of each option path ("programs.git.settings.user.name"). */
      config: Record<string, unknown>;
    }
  >;
  checks: Record<string, string[]>;
  devShells: Record<string, string[]>;
  packages: Record<string, Record<string, string>>;
  formatter: Record<string, string>;
}

export function evalHomeRepo(dir: string, packages: readonly string[]): HomeEval {
  const stub = join(dir, ".stub-nixpkgs");
  mkdirSync(stub, { recursive: true });
  const support = fileURLToPath(new URL(".", import.meta.url));
  writeFileSync(
    join(stub, "default.nix"),
    `import ${join(support, "stub-pkgs.nix")} (builtins.fromJSON (builtins.readFile ./packages.json))\n`,
  );
  writeFileSync(join(stub, "packages.json"), JSON.stringify([...new Set(packages)]));
  return nixEvalJson(
    `import ${join(support, "home-eval.nix")} { dir = ${dir}; nixpkgsDir = ${stub}; }`,
  ) as HomeEval;
}
