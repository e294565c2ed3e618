// Benchmarks of create-nix-home (run after `tsup`): a whole `--yes` run as a
// ratio to bare Node start-up, the size of the one-file bundle, and core's
// renderHome on a very large spec (500 hosts × 20 layers). Prints a markdown
// table and writes <repo>/.bench/create-nix-home.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { parseHomeSpec, renderHome } from "@nixhome/core";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const cli = join(here, "..", "dist", "cli.js");
const RUNS = 9;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timeProcess(args, cwd) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

// 1. A --yes run (no git: that is git's time, not ours) against `node -e 0`.
const scratch = mkdtempSync(join(tmpdir(), "cnh-bench-"));
timeProcess(["-e", "0"], scratch);
const bare = [];
const full = [];
const help = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(timeProcess(["-e", "0"], scratch));
  full.push(timeProcess([cli, `run-${i}`, "--yes", "--no-git"], scratch));
  help.push(timeProcess([cli, "--help"], scratch));
}
const written = readdirSync(join(scratch, "run-0"), {
  recursive: true,
  withFileTypes: true,
}).filter((e) => e.isFile()).length;
rmSync(scratch, { recursive: true, force: true });
const ratio = median(full) / median(bare);

// 2. The bundle.
const bundle = readFileSync(cli);
const gz = gzipSync(bundle, { level: 9 }).length;

// 3. renderHome on 500 hosts × 20 layers.
const layers = Array.from({ length: 20 }, (_, i) => `layer-${i}`);
const hosts = Object.fromEntries(
  Array.from({ length: 500 }, (_, i) => [`host-${i}`, { system: "x86_64-linux", layers }]),
);
const spec = parseHomeSpec({
  version: 1,
  user: { name: "Big Boss", email: "bigboss@metalrodeo.xyz", username: "bigboss" },
  system: "x86_64-linux",
  layers: ["base", "personal", ...layers],
  hosts,
});
renderHome(spec);
const render = [];
let files = 0;
for (let i = 0; i < 7; i++) {
  const t = process.hrtime.bigint();
  files = renderHome(spec).length;
  render.push(Number(process.hrtime.bigint() - t) / 1e6);
}

// 4. renderHome of the default spec, cold: the first call in a fresh Node process (what a
// --yes run pays; no layout code: every Nix file is template text), median of RUNS processes.
const coreUrl = import.meta.resolve("@nixhome/core");
const coldScript = `
const core = await import(${JSON.stringify(coreUrl)});
const spec = core.parseHomeSpec(${JSON.stringify({
  version: 1,
  user: { name: "Big Boss", email: "bigboss@metalrodeo.xyz", username: "bigboss" },
  system: "x86_64-linux",
  hosts: { laptop: {}, "work-server": {}, "cloud-instance": {} },
  templates: ["python", "node", "rust"],
})});
const t = process.hrtime.bigint();
core.renderHome(spec);
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));
`;
const cold = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", coldScript], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`cold renderHome failed: ${r.stderr}`);
  cold.push(Number(r.stdout));
}

const rows = [
  {
    metric: "`--yes` run / `node -e 0`",
    value: `${ratio.toFixed(2)}×`,
    note: `median of ${RUNS}: ${median(full).toFixed(0)} ms vs ${median(bare).toFixed(0)} ms (${written} files, no git); ${ratio <= 1.3 ? "meets" : "misses"} target ≤ 1.3× (issue #11)`,
  },
  {
    metric: "`--help` / `node -e 0`",
    value: `${(median(help) / median(bare)).toFixed(2)}×`,
    note: `median of ${RUNS}: ${median(help).toFixed(0)} ms: loading the bundle, no run`,
  },
  {
    metric: "dist/cli.js size",
    value: `${(bundle.length / 1024).toFixed(1)} KiB`,
    note: "one file, zero runtime dependencies",
  },
  { metric: "dist/cli.js gzip -9", value: `${(gz / 1024).toFixed(1)} KiB`, note: "" },
  {
    metric: "renderHome, default spec, cold",
    value: `${median(cold).toFixed(1)} ms`,
    note: `first call in a fresh process, median of ${RUNS}; every Nix file is template text, no layout code runs`,
  },
  {
    metric: "renderHome, 500 hosts × 20 layers",
    value: `${median(render).toFixed(0)} ms`,
    note: `median of 7; ${files} files planned`,
  },
];
const table = [
  "| metric | value | note |",
  "| --- | --- | --- |",
  ...rows.map((r) => `| ${r.metric} | ${r.value} | ${r.note} |`),
].join("\n");
console.log(table);
mkdirSync(join(root, ".bench"), { recursive: true });
writeFileSync(
  join(root, ".bench", "create-nix-home.json"),
  `${JSON.stringify({ title: "create-nix-home", rows }, null, 2)}\n`,
);
