// Benchmarks for create-nix-devshell (run after `tsup`; `pnpm bench` at the root builds first):
//   (a) a whole `--yes` run in a fresh temporary project, as a ratio to `node -e 0`
//       (the floor any Node CLI pays), median of RUNS runs each;
//   (b) detection on a project of 10,000 files, in-process and through the CLI.
// Prints a markdown table and writes <repo>/.bench/create-nix-devshell.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { detectProject } from "@nixhome/core";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const CLI = join(here, "..", "dist", "cli.js");
const RUNS = 9;
const scratch = mkdtempSync(join(tmpdir(), "nix-devshell-bench-"));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

/** Median wall time of spawning `node args` (one warm-up run first). */
function timeNode(args, cwdFor) {
  const samples = [];
  for (let i = -1; i < RUNS; i++) {
    const cwd = cwdFor(i);
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    const took = ms(t);
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${r.stderr}`);
    if (i >= 0) samples.push(took);
  }
  return median(samples);
}

function project(name, files) {
  const dir = join(scratch, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
const typical = {
  "pyproject.toml": '[project]\nname = "app"\n',
  ".python-version": "3.12\n",
  "package.json": '{ "name": "app" }\n',
};

/** 10,000 files: 100 packages of 99 sources and a manifest, plus markers at the root. */
function tree10k() {
  const dir = project("tree10k", { ...typical, "go.mod": "module x\n\ngo 1.26\n" });
  for (let d = 0; d < 100; d++) {
    const pkg = join(dir, "packages", `pkg${d}`);
    mkdirSync(join(pkg, "src"), { recursive: true });
    writeFileSync(join(pkg, "package.json"), "{}\n");
    for (let f = 0; f < 99; f++) writeFileSync(join(pkg, "src", `m${f}.ts`), "export {};\n");
  }
  return dir;
}
/** 10,000 files directly in the project root (the worst case for one listing). */
function flat10k() {
  const dir = project("flat10k", typical);
  for (let f = 0; f < 10_000 - 3; f++) writeFileSync(join(dir, `f${f}.txt`), "");
  return dir;
}

const rows = [];
try {
  // (a) a whole run, against the cost of starting Node at all.
  const empty = project("empty", { "x.txt": "" });
  const nodeFloor = timeNode(["-e", "0"], () => empty);
  const fresh = (i) => project(`run${i + 1}`, typical);
  const yes = timeNode([CLI, "--yes"], fresh);
  const setUp = project("again", typical);
  spawnSync(process.execPath, [CLI, "--yes"], { cwd: setUp });
  const unchanged = timeNode([CLI, "--yes"], () => setUp);
  const help = timeNode([CLI, "--help"], () => empty);
  rows.push(
    {
      metric: "`node -e 0` (baseline)",
      value: `${nodeFloor.toFixed(1)} ms`,
      note: `median of ${RUNS}`,
    },
    {
      metric: "`create-nix-devshell --yes` in a fresh project",
      value: `${yes.toFixed(1)} ms (×${(yes / nodeFloor).toFixed(2)} of node -e 0)`,
      note: "detects python + node, writes flake.nix, .envrc, .gitignore",
    },
    {
      metric: "`--yes` again (nothing to change)",
      value: `${unchanged.toFixed(1)} ms (×${(unchanged / nodeFloor).toFixed(2)})`,
      note: "reads, compares, writes nothing",
    },
    {
      metric: "`--help`",
      value: `${help.toFixed(1)} ms (×${(help / nodeFloor).toFixed(2)})`,
      note: "start-up only",
    },
  );

  // (b) detection on 10,000 files.
  for (const [name, dir, what] of [
    ["a tree of 10,000 files", tree10k(), "100 packages × 100 files, markers at the root"],
    ["10,000 files in the root", flat10k(), "one listing of 10,000 entries"],
  ]) {
    const samples = [];
    let found = [];
    for (let i = -1; i < RUNS; i++) {
      const t = process.hrtime.bigint();
      found = detectProject(dir).presets.map((p) => p.id);
      if (i >= 0) samples.push(ms(t));
    }
    rows.push({
      metric: `detection on ${name}`,
      value: `${median(samples).toFixed(2)} ms`,
      note: `${what}; found ${found.join(", ")}`,
    });
    const viaCli = timeNode([CLI, "--yes", "--dry-run"], () => dir);
    rows.push({
      metric: `\`--yes --dry-run\` on ${name}`,
      value: `${viaCli.toFixed(1)} ms (×${(viaCli / nodeFloor).toFixed(2)} of node -e 0)`,
      note: "whole CLI run: detect, compose, render, diff",
    });
  }
  rows.push({
    metric: "dist/cli.js size",
    value: `${(statSync(CLI).size / 1024).toFixed(0)} KiB`,
    note: "one minified file (prompts included); zero runtime dependencies",
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

mkdirSync(join(root, ".bench"), { recursive: true });
writeFileSync(
  join(root, ".bench", "create-nix-devshell.json"),
  `${JSON.stringify({ title: "create-nix-devshell", rows }, null, 2)}\n`,
);
console.log("| metric | value | note |\n| --- | --- | --- |");
for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.note} |`);
