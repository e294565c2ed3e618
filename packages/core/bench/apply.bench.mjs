// Write-path benchmarks for @nixhome/core (run after `tsup`): merging planned lines into a
// 30,000-line .gitignore (target: under 1 s, under 100 MB), the --dry-run diff of it, and
// a whole transactional apply of a generated home repository (lock, journal, fsyncs).
// Each measurement runs in a fresh child process so its peak memory (maxRSS) is its own.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "..", "dist", "index.js");
const RUNS = 7;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Run `body` (module code with `core` imported) in a child; it prints {ms}; we add maxRSS. */
function child(setup, body) {
  const script = `import * as core from ${JSON.stringify(dist)};
    ${setup}
    const t = process.hrtime.bigint();
    ${body}
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    console.log(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024 }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

function measure(makeDir, setup, body) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = makeDir();
    samples.push(child(setup.replaceAll("$DIR", JSON.stringify(dir)), body));
    rmSync(dir.endsWith("/home") ? dirname(dir) : dir, { recursive: true, force: true });
  }
  return { ms: median(samples.map((s) => s.ms)), rssMB: Math.max(...samples.map((s) => s.rssMB)) };
}

const LINES = 30_000;
const bigIgnore = () => {
  const dir = mkdtempSync(join(tmpdir(), "nixhome-bench-"));
  const lines = Array.from({ length: LINES }, (_, i) => `build/output-${i}/**/*.tmp`);
  writeFileSync(join(dir, ".gitignore"), `${lines.join("\n")}\n`);
  return dir;
};
const plan = `const plan = [{ path: ".gitignore", content: "# nixhome\\nresult\\nresult-*\\n.direnv/\\n", merge: "lines" }];`;
const empty = child("", "");

const rows = [];
const merge = measure(bigIgnore, `${plan} const dir = $DIR;`, "core.applyPlan(plan, dir);");
rows.push({
  metric: `merge into a ${LINES.toLocaleString("en")}-line .gitignore (applyPlan)`,
  value: `${merge.ms.toFixed(0)} ms, ${merge.rssMB.toFixed(0)} MB peak`,
  note: `target < 1 s, < 100 MB; a bare node process peaks at ${empty.rssMB.toFixed(0)} MB`,
});
const dry = measure(
  bigIgnore,
  `${plan} const dir = $DIR;`,
  "core.planChanges(plan, dir, { diff: true });",
);
rows.push({
  metric: `--dry-run diff of the same merge (planChanges with diff)`,
  value: `${dry.ms.toFixed(0)} ms, ${dry.rssMB.toFixed(0)} MB peak`,
  note: "diffs come from the merge's inserts: linear, no line matching",
});
const home = `const spec = core.parseHomeSpec({ version: 1, user: { name: "Ada", email: "ada@example.com", username: "ada", homeDirectory: "/home/ada" }, system: "x86_64-linux", hosts: { laptop: {}, "work-server": {} } });
  const files = core.renderHome(spec); const dir = $DIR;`;
const fresh = () => join(mkdtempSync(join(tmpdir(), "nixhome-bench-")), "home");
const whole = measure(fresh, home, "core.applyPlan(files, dir);");
rows.push({
  metric: "transactional apply of a generated home repository (new folder)",
  value: `${whole.ms.toFixed(1)} ms`,
  note: "lock, staged files, fsynced journal, compare-and-swap, renames, cleanup",
});
// The same on a tmpfs (when there is one): what the write costs without a disk to flush.
const shm = "/dev/shm";
if (existsSync(shm)) {
  const inShm = measure(
    () => join(mkdtempSync(join(shm, "nixhome-bench-")), "home"),
    home,
    "core.applyPlan(files, dir);",
  );
  rows.push({
    metric: "transactional apply of a generated home repository (new folder on tmpfs)",
    value: `${inShm.ms.toFixed(1)} ms`,
    note: "the same without disk flushes: the CPU and system-call cost of the write",
  });
}
const again = measure(
  () => {
    const dir = fresh();
    spawnSync(process.execPath, [
      "--input-type=module",
      "-e",
      `import * as core from ${JSON.stringify(dist)}; ${home.replaceAll("$DIR", JSON.stringify(dir))} core.applyPlan(files, dir);`,
    ]);
    return dir;
  },
  home,
  "core.applyPlan(files, dir, { force: true, backup: true });",
);
rows.push({
  metric: "re-run over the same repository (nothing to change)",
  value: `${again.ms.toFixed(1)} ms`,
  note: "reads and compares only; takes no lock",
});
const edited = measure(
  () => {
    const dir = fresh();
    spawnSync(process.execPath, [
      "--input-type=module",
      "-e",
      `import * as core from ${JSON.stringify(dist)}; ${home.replaceAll("$DIR", JSON.stringify(dir))} core.applyPlan(files, dir);`,
    ]);
    writeFileSync(join(dir, "README.md"), "# my notes\n");
    writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
    return dir;
  },
  home,
  "core.applyPlan(files, dir, { force: true, backup: true });",
);
rows.push({
  metric: "--force over the same repository, README.md and .gitignore edited by hand",
  value: `${edited.ms.toFixed(1)} ms`,
  note: "lock, journal, a merge, a replace with its .bak, the rest compared and left",
});

const root = join(here, "..", "..", "..");
mkdirSync(join(root, ".bench"), { recursive: true });
writeFileSync(
  join(root, ".bench", "core-apply.json"),
  JSON.stringify({ title: "@nixhome/core writes", rows }, null, 2),
);
console.log("| metric | value | note |\n| --- | --- | --- |");
for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.note} |`);
