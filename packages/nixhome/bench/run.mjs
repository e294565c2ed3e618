// Benchmarks for nixhome doctor (run after `tsup`; `pnpm bench` at the root builds first):
//   (a) parse speed of @nixhome/core's Nix parser in MB/s, on the Home Manager and
//       nixpkgs lib sources when their mirrors are present (else on this repo's
//       .nix fixtures and goldens, said in the note), median of RUNS passes;
//   (b) analysis (find + plan fixes) speed on the same files;
//   (c) a whole `nixhome doctor` run on the fixtures, as a ratio to `node -e 0`.
// Prints a markdown table and writes <repo>/.bench/nixhome.json.
import { execFileSync, spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeFile, parseNix } from "@nixhome/core";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const CLI = join(here, "..", "dist", "cli.js");
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

function walk(d, out = []) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.name === ".git") continue;
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && e.name.endsWith(".nix")) out.push(p);
  }
  return out;
}

const scratch = mkdtempSync(join(tmpdir(), "nixhome-bench-"));
const mirrors = [
  ["home-manager", "/work/.mirror/nix-community+home-manager/repo"],
  ["nixpkgs-lib", "/work/.mirror/nix-community+nixpkgs.lib/repo"],
];
let corpus = "Home Manager + nixpkgs lib";
const dirs = [];
for (const [name, git] of mirrors) {
  try {
    statSync(git);
    const d = join(scratch, name);
    mkdirSync(d);
    execFileSync("sh", ["-c", `git --git-dir="$1" archive HEAD | tar -x -C "$2"`, "sh", git, d]);
    dirs.push(d);
  } catch {
    /* mirror absent */
  }
}
if (dirs.length < mirrors.length) {
  corpus = "this repo's .nix fixtures (Home Manager mirror absent)";
  dirs.length = 0;
  dirs.push(join(root, "packages"));
}
const files = dirs.flatMap((d) => walk(d)).filter((f) => !f.includes("node_modules"));
const sources = files.map((f) => readFileSync(f, "utf8"));
const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s), 0);

const rows = [];
try {
  const parseTimes = [];
  const analyzeTimes = [];
  let findings = 0;
  for (let i = -1; i < RUNS; i++) {
    let t = process.hrtime.bigint();
    const trees = sources.map((s) => parseNix(s));
    const p = ms(t);
    t = process.hrtime.bigint();
    findings = 0;
    for (const tree of trees) findings += analyzeFile(tree).findings.length;
    const a = ms(t);
    if (i >= 0) {
      parseTimes.push(p);
      analyzeTimes.push(a);
    }
  }
  const mb = bytes / 1e6;
  rows.push(
    {
      metric: "Nix parser speed",
      value: `${(mb / (median(parseTimes) / 1000)).toFixed(1)} MB/s`,
      note: `${files.length} files, ${mb.toFixed(2)} MB of ${corpus}; median of ${RUNS} passes (${median(parseTimes).toFixed(0)} ms each)`,
    },
    {
      metric: "doctor analysis speed (parsed trees)",
      value: `${(mb / (median(analyzeTimes) / 1000)).toFixed(1)} MB/s`,
      note: `same files; ${findings} findings`,
    },
  );
  const t0 = () => {
    const s = [];
    for (let i = -1; i < RUNS; i++) {
      const t = process.hrtime.bigint();
      spawnSync(process.execPath, ["-e", "0"]);
      if (i >= 0) s.push(ms(t));
    }
    return median(s);
  };
  const floor = t0();
  const fixtures = join(here, "..", "test", "fixtures");
  const s = [];
  let summary = {};
  for (let i = -1; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, "doctor", fixtures, "--json"], {
      encoding: "utf8",
    });
    if (r.status !== 1) throw new Error(`nixhome doctor exited ${r.status}: ${r.stderr}`);
    if (i >= 0) s.push(ms(t));
    summary = JSON.parse(r.stdout).summary;
  }
  rows.push(
    {
      metric: "`node -e 0` (baseline)",
      value: `${floor.toFixed(1)} ms`,
      note: `median of ${RUNS}`,
    },
    {
      metric: "`nixhome doctor` on the test fixtures",
      value: `${median(s).toFixed(1)} ms (×${(median(s) / floor).toFixed(2)} of node -e 0)`,
      note: `${summary.files} files, ${summary.findings} findings, --json`,
    },
    {
      metric: "dist/cli.js size",
      value: `${(statSync(CLI).size / 1024).toFixed(0)} KiB`,
      note: "one minified file (parser, analysis, rename data, writer); zero runtime dependencies",
    },
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
mkdirSync(join(root, ".bench"), { recursive: true });
writeFileSync(
  join(root, ".bench", "nixhome.json"),
  `${JSON.stringify({ title: "nixhome doctor", rows }, null, 2)}\n`,
);
console.log("| metric | value | note |\n| --- | --- | --- |");
for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.note} |`);
