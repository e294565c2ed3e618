/**
 * The fixture projects of test/fixtures/projects (one per case of issue 12), through the
 * built CLI: what is detected, what the flake holds, where watch lines and PATH entries
 * point, and that the measured table of docs/create-nix-devshell-detection.md is what scripts/measure.mjs prints.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const PROJECTS = fileURLToPath(new URL("./fixtures/projects/", import.meta.url));
const MEASURE = fileURLToPath(new URL("../scripts/measure.mjs", import.meta.url));
const README = fileURLToPath(
  new URL("../../../docs/create-nix-devshell-detection.md", import.meta.url),
);

/** A copy of a fixture project, so runs may write into it. */
function copy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `nix-devshell-${name}-`));
  cpSync(join(PROJECTS, name), dir, { recursive: true });
  return dir;
}

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    input: "",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function written(dir: string, args: string[] = ["--yes"]) {
  const r = cli(args, dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return {
    out: r.stdout,
    flake: readFileSync(join(dir, "flake.nix"), "utf8"),
    envrc: readFileSync(join(dir, ".envrc"), "utf8"),
    gitignore: readFileSync(join(dir, ".gitignore"), "utf8"),
  };
}

describe("fixture projects (measured in docs/create-nix-devshell-detection.md)", () => {
  it("the docs table is the measurement, and every project is detected as expected", () => {
    const r = spawnSync(process.execPath, [MEASURE], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("| ✗ |");
    expect(readFileSync(README, "utf8")).toContain(r.stdout.trim());
  });

  it("rust-toolchain.toml: rust-overlay reads the file, nixpkgs' rustc/cargo are left out", () => {
    const { flake, envrc } = written(copy("rust-toolchain-workspace"));
    expect(flake).toContain("(pkgs.rust-bin.fromRustupToolchainFile ./rust-toolchain.toml)");
    expect(flake).toMatch(
      /inputs\.rust-overlay = \{\s+url = "github:oxalica\/rust-overlay";\s+inputs\.nixpkgs\.follows = "nixpkgs";/,
    );
    expect(flake).toContain("overlays = [ rust-overlay.overlays.default ];");
    expect(flake).not.toMatch(/pkgs\.(rustc|cargo|clippy|rustfmt)\b/);
    expect(envrc).toContain("watch_file rust-toolchain.toml");
  });

  it("naming a language keeps its pin; an explicit flag wins", () => {
    const dir = copy("named-keeps-nvmrc");
    expect(written(dir, ["node"]).flake).toContain("pkgs.nodejs_22");
    expect(written(dir, ["node", "--node", "26", "--force"]).flake).toContain("pkgs.nodejs_26");
    expect(written(dir, ["--yes", "--force"]).flake).toContain("pkgs.nodejs_22");
  });

  it("one BEAM pair: Elixir, Erlang and ElixirLS from the pinned OTP set, also with --erlang", () => {
    const dir = copy("tool-versions-beam");
    const { flake } = written(dir);
    expect(flake).toContain("pkgs.beam27Packages.elixir_1_18");
    expect(flake).toContain("pkgs.beam27Packages.erlang");
    expect(flake).not.toMatch(/pkgs\.beamPackages\.erlang\b|beam28Packages/);
    const both = written(dir, ["elixir", "--erlang", "28", "--force"]).flake;
    expect(both.match(/Packages\.erlang\n/g)).toHaveLength(1);
    expect(both).toContain("pkgs.beam28Packages.elixir_1_18");
  });

  it("the package manager is the project's: npm adds none, yarn adds yarn, a bun workspace adds no Node.js", () => {
    expect(written(copy("npm-project")).flake).not.toContain("pkgs.pnpm");
    const yarn = written(copy("yarn-project")).flake;
    expect(yarn).toContain("pkgs.yarn");
    expect(yarn).not.toContain("pkgs.pnpm");
    const bun = written(copy("bun-workspace")).flake;
    expect(bun).toContain("pkgs.bun");
    expect(bun).not.toMatch(/pkgs\.(nodejs_\d+|pnpm)\b/);
  });

  it("subprojects: watch lines and PATH entries point into the folder that has them", () => {
    const { flake, envrc } = written(copy("subprojects"));
    expect(envrc).toContain("watch_file web/package.json");
    expect(envrc).toContain("watch_file api/go.mod");
    expect(envrc).not.toMatch(/^watch_file package\.json$/m);
    expect(flake).toContain('export PATH="$project_root/web/node_modules/.bin:$PATH"');
    expect(flake).toContain("pkgs.yarn");
  });

  it("no false languages from data folders or a support/build.gradle", () => {
    const registry = written(copy("tool-repo-registry")).flake;
    for (const word of ["gleam", "lua", "foundry", "typst"]) expect(registry).not.toContain(word);
    const cpp = written(copy("cpp-support-gradle"));
    expect(cpp.flake).not.toMatch(/jdk|maven|gradle/);
    expect(cpp.gitignore).not.toContain("target/");
  });

  it("a compose file's services are suggested, and named they come with their commands", () => {
    const dir = copy("compose-services");
    const r = cli(["--yes", "--dry-run"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/note: compose\.yaml runs postgres and redis/);
    expect(r.stdout).not.toContain("pg-start");
    const { flake, gitignore } = written(dir, ["ruby", "postgres", "redis"]);
    for (const c of [
      "pg-start",
      "pg-stop",
      "pg-status",
      "redis-start",
      "redis-stop",
      "redis-status",
    ])
      expect(flake).toContain(`name = "${c}";`);
    expect(gitignore).toContain(".pgdata/");
    expect(gitignore).toContain(".redis/");
  });

  it("pins no version satisfies are said in one line, with what was chosen", () => {
    const dir = copy("stack-resolver");
    const r = cli(["--yes", "--dry-run"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^note: stack\.yaml asks for Haskell lts-22\.7; .*nixpkgs' default$/m);
  });

  it(".gitignore by meaning: nothing added for an ignored path, nothing that undoes a negation", () => {
    const dir = copy("npm-project");
    const original = "/node_modules\n!**/fixtures/dir/node_modules\n";
    writeFileSync(join(dir, ".gitignore"), original);
    const { gitignore } = written(dir);
    expect(gitignore.startsWith(original)).toBe(true);
    expect(gitignore).not.toMatch(/^node_modules\/$/m);
    expect(gitignore).toContain(".direnv/");
    const dir2 = copy("npm-project");
    writeFileSync(join(dir2, ".gitignore"), "!**/glob-import/root/dir/node_modules\n");
    const r = written(dir2);
    // node_modules/ goes first, where the negation below still re-includes its folder.
    expect(r.gitignore.split("\n").indexOf("node_modules/")).toBeLessThan(
      r.gitignore.split("\n").indexOf("!**/glob-import/root/dir/node_modules"),
    );
    expect(r.out).toMatch(/note: \.gitignore: node_modules\/ goes at the top/);
    const again = cli(["--yes"], dir2);
    expect(again.stdout).toContain("Nothing to change");
  });
});
