#!/usr/bin/env node
// One entry point for a fresh machine that has only Node and npm:
//   node scripts/bootstrap.mjs test   → pinned pnpm, frozen install, Nix, build, lint, all tests
//   node scripts/bootstrap.mjs demo   → pinned pnpm, frozen install, build, scaffold a sample repo
//   node scripts/bootstrap.mjs bench  → … then the benchmarks, written to BENCHMARKS.md
// It installs what it can (pnpm into .tools/ when it is missing; nix-bin with apt when root)
// and says clearly what it cannot.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, "");
const task = process.argv[2] ?? "install";
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const say = (msg) => console.log(`[bootstrap] ${msg}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, env, ...opts });
  if (r.status !== 0) {
    console.error(`[bootstrap] ${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}
/** Run the test pipeline, streaming its output, and close with one line of vitest's counts. */
async function runCounting(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, env, stdio: ["inherit", "pipe", "inherit"] });
  let text = "";
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    text += chunk.toString();
  });
  const status = await new Promise((done) => child.on("close", (code) => done(code ?? 1)));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours
  const plain = text.replace(/\x1b\[[0-9;]*m/g, "");
  const count = (word) =>
    [...plain.matchAll(new RegExp(`^.*\\bTests\\s+.*?(\\d+) ${word}`, "gm"))].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
  const failed = count("failed") || (status === 0 ? 0 : 1);
  console.log(`tests: ${count("passed")} passed, ${failed} failed, ${count("skipped")} skipped`);
  if (status !== 0) {
    console.error(`[bootstrap] ${cmd} ${args.join(" ")} failed (exit ${status})`);
    process.exit(status);
  }
}

const version = (cmd, args = ["--version"]) => {
  const r = spawnSync(cmd, args, { encoding: "utf8", env });
  return r.status === 0 ? r.stdout.trim() : null;
};

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 12)) {
  console.error(
    `[bootstrap] Node ${process.versions.node} is too old: install Node 20.12 or newer`,
  );
  process.exit(1);
}

// 1. pnpm, exactly the pinned version, without touching the system if we can't.
const tools = join(root, ".tools");
env.PATH = [join(tools, "node_modules", ".bin"), join(root, "node_modules", ".bin"), env.PATH].join(
  delimiter,
);
if (version("pnpm") !== pnpmVersion) {
  say(`installing pnpm@${pnpmVersion} into .tools/`);
  run("npm", [
    "install",
    "--no-save",
    "--no-audit",
    "--no-fund",
    "--prefix",
    tools,
    `pnpm@${pnpmVersion}`,
  ]);
}

// 2. Dependencies, exactly as locked.
run("pnpm", ["install", "--frozen-lockfile"]);

// 3. Nix for the tests that use real Nix as the oracle.
if (task === "test" && !version("nix-instantiate")) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && version("apt-get", ["--version"])) {
    say("installing nix-bin (Nix's evaluator) with apt");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "nix-bin"], {
      env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } else {
    say(
      "nix-instantiate not found: Nix-backed tests will be skipped (CI fails instead). " +
        "Install Nix: `sudo apt-get install nix-bin` or https://nixos.org/download",
    );
  }
}

switch (task) {
  case "install":
    break;
  case "test":
    run("biome", ["check", "scripts", "biome.json", "turbo.json", "package.json"]);
    await runCounting("turbo", ["run", "build", "lint", "test", "--concurrency=1"]);
    break;
  case "demo":
    run("turbo", ["run", "build", "--output-logs=errors-only"]);
    run(process.execPath, [join(root, "scripts", "demo.mjs")]);
    break;
  case "bench":
    run("turbo", ["run", "build", "--output-logs=errors-only"]);
    run("turbo", ["run", "bench", "--concurrency=1"]);
    run(process.execPath, [join(root, "scripts", "benchmarks-md.mjs")]);
    break;
  default:
    console.error(`[bootstrap] unknown task ${task}: use install, test, demo or bench`);
    process.exit(2);
}
