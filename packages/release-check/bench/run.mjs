#!/usr/bin/env node
// Release benchmark (run after every package is built; turbo's `bench` depends on ^build):
//   1. packed and unpacked size of every public package's tarball (`pnpm pack`, what
//      `pnpm publish` uploads), with the ≤ 40 kB packed target for the create-* CLIs;
//   2. cold start through npm as a user meets it: `npm exec` of the packed create-nix-home
//      with an EMPTY npm cache (a fresh --cache dir per run), against `node -e 0` and against
//      create-vite 9.3.0 run the same way from its own packed tarball. Medians of RUNS runs,
//      interleaved so that drift of the machine hits every command alike.
// Writes <repo>/.bench/release.json for scripts/benchmarks-md.mjs and prints a markdown table.
import { spawnSync } from "node:child_process";
import {
  existsSync,
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
import { gunzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..", "..");
const RUNS = Math.max(5, Number(process.env.NIXHOME_BENCH_RUNS ?? 7));
const TARGET_KB = 40;
const VITE = "create-vite@9.3.0";

const work = mkdtempSync(join(tmpdir(), "nixhome-bench-release-"));
const say = (m) => console.error(`[bench:release] ${m}`);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A user's npm: none of pnpm's npm_* variables, no npmrc from this machine, no update check. */
function npmEnv(cache) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_/i.test(k) && !/^(PNPM|TURBO|INIT_CWD|NODE_OPTIONS$)/i.test(k)) env[k] = v;
  }
  const userconfig = join(work, "empty-npmrc");
  if (!existsSync(userconfig)) writeFileSync(userconfig, "");
  return Object.assign(env, {
    HOME: join(work, "home"),
    npm_config_cache: cache,
    npm_config_userconfig: userconfig,
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_loglevel: "error",
    NO_COLOR: "1",
  });
}
mkdirSync(join(work, "home"));

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20, ...opts });
  return { ok: r.status === 0, status: r.status ?? r.signal, out: `${r.stdout}${r.stderr}` };
}

/** Sizes of a .tgz: packed bytes, unpacked bytes (sum of file sizes), file count. */
function tarballSizes(file) {
  const buf = gunzipSync(readFileSync(file));
  let off = 0;
  let unpacked = 0;
  let files = 0;
  while (off + 512 <= buf.length) {
    const h = buf.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    const size = Number.parseInt(
      h.subarray(124, 136).toString("latin1").replace(/\0.*$/, "").trim() || "0",
      8,
    );
    const flag = String.fromCharCode(h[156]);
    if (flag === "0" || flag === "\0") {
      unpacked += size;
      files += 1;
    }
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return { packed: statSync(file).size, unpacked, files };
}

// ---------------------------------------------------------------------------
// 1. Pack every public package.
const tarDir = join(work, "tarballs");
mkdirSync(tarDir);
const packages = readdirSync(join(repo, "packages"))
  .sort()
  .map((d) => join(repo, "packages", d))
  .filter((d) => existsSync(join(d, "package.json")))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter((p) => !p.manifest.private);

const rows = [];
const tarballs = {};
for (const p of packages) {
  const before = new Set(readdirSync(tarDir));
  const r = sh("pnpm", ["pack", "--pack-destination", tarDir], { cwd: p.dir });
  const made = readdirSync(tarDir).filter((f) => f.endsWith(".tgz") && !before.has(f));
  if (!r.ok || made.length !== 1) {
    say(`pnpm pack failed for ${p.manifest.name}:\n${r.out}`);
    rows.push({ metric: `${p.manifest.name} tarball`, value: "n/a", note: "pnpm pack failed" });
    continue;
  }
  const file = join(tarDir, made[0]);
  tarballs[p.manifest.name] = file;
  const s = tarballSizes(file);
  const isCreate = p.manifest.name.startsWith("create-");
  const hasBin =
    isCreate && Object.values(p.manifest.bin ?? {}).some((b) => existsSync(join(p.dir, b)));
  const verdict = s.packed <= TARGET_KB * 1000 ? "✓" : "✗";
  rows.push({
    metric: `${p.manifest.name} packed`,
    value: kB(s.packed),
    note: !isCreate
      ? ""
      : hasBin
        ? `${verdict} target ≤ ${TARGET_KB} kB`
        : `n/a: not built (bin missing), target ≤ ${TARGET_KB} kB`,
  });
  rows.push({
    metric: `${p.manifest.name} unpacked`,
    value: kB(s.unpacked),
    note: `${s.files} files`,
  });
}

// ---------------------------------------------------------------------------
// 2. create-vite 9.3.0, packed from the registry once (the only network use).
const viteDir = join(work, "vite");
mkdirSync(viteDir);
const vp = sh("npm", ["pack", VITE, "--pack-destination", viteDir], {
  cwd: viteDir,
  env: npmEnv(join(work, "vite-pack-cache")),
});
const viteTgz = readdirSync(viteDir).find((f) => f.endsWith(".tgz"));
if (vp.ok && viteTgz) {
  tarballs[VITE] = join(viteDir, viteTgz);
  const s = tarballSizes(tarballs[VITE]);
  rows.push({
    metric: `${VITE} packed (reference)`,
    value: kB(s.packed),
    note: `${s.files} files`,
  });
} else {
  say(`npm pack ${VITE} failed (registry unreachable?):\n${vp.out}`);
}

// Unpacked copies for the bundled start (node <bin> --help, no npm involved).
function unpack(tgz, name) {
  const dest = join(work, "unpacked", name.replace(/[@/]/g, "_"));
  mkdirSync(dest, { recursive: true });
  sh("tar", ["xzf", tgz, "-C", dest]);
  const m = JSON.parse(readFileSync(join(dest, "package", "package.json"), "utf8"));
  const bin = typeof m.bin === "string" ? m.bin : Object.values(m.bin ?? {})[0];
  return bin ? join(dest, "package", bin) : undefined;
}

// ---------------------------------------------------------------------------
// 3. Timings. Every npm run gets a brand-new empty cache and a fresh working directory.
let seq = 0;
const fresh = (what) => {
  const d = join(work, "runs", `${what}-${seq++}`);
  mkdirSync(d, { recursive: true });
  return d;
};
const npmExecCold = (tgz, bin, args) => () => {
  const cwd = fresh("cwd");
  const cache = fresh("cache");
  return {
    cmd: "npm",
    args: ["exec", "--yes", "--offline", "--package", tgz, "--", bin, ...args(cwd)],
    opts: { cwd, env: npmEnv(cache) },
    cleanup: () => {
      rmSync(cwd, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    },
  };
};
const nodeRun = (args) => () => ({ cmd: process.execPath, args, opts: {}, cleanup: () => {} });

const home = tarballs["create-nix-home"];
const vite = tarballs[VITE];
const homeBin = home && unpack(home, "create-nix-home");
const viteBin = vite && unpack(vite, VITE);
const scenarios = [{ key: "node", label: "`node -e 0`", make: nodeRun(["-e", "0"]) }];
if (home) {
  scenarios.push(
    {
      key: "home-help",
      label: "`create-nix-home --help`, cold `npm exec` (empty cache)",
      make: npmExecCold(home, "create-nix-home", () => ["--help"]),
    },
    {
      key: "home-new",
      label: "create-nix-home scaffold, cold `npm exec` (empty cache)",
      make: npmExecCold(home, "create-nix-home", (cwd) => [
        "--yes",
        "--no-git",
        "--name",
        "Bench User",
        "--email",
        "bench@example.com",
        join(cwd, "home"),
      ]),
    },
  );
  if (homeBin && existsSync(homeBin)) {
    scenarios.push({
      key: "home-node",
      label: "`node create-nix-home/dist/cli.js --help` (bundled, no npm)",
      make: nodeRun([homeBin, "--help"]),
    });
  }
}
const devshell = tarballs["create-nix-devshell"];
if (devshell) {
  scenarios.push({
    key: "devshell-help",
    label: "`create-nix-devshell --help`, cold `npm exec` (empty cache)",
    make: npmExecCold(devshell, "create-nix-devshell", () => ["--help"]),
  });
}
const nixhomeTgz = tarballs.nixhome;
if (nixhomeTgz) {
  scenarios.push({
    key: "nixhome-help",
    label: "`nixhome --help`, cold `npm exec` (empty cache)",
    make: npmExecCold(nixhomeTgz, "nixhome", () => ["--help"]),
  });
}
if (vite) {
  scenarios.push(
    {
      key: "vite-help",
      label: `\`create-vite --help\` (${VITE}), cold \`npm exec\` (empty cache)`,
      make: npmExecCold(vite, "create-vite", () => ["--help"]),
    },
    {
      key: "vite-new",
      label: `create-vite scaffold (vanilla), cold \`npm exec\` (empty cache)`,
      make: npmExecCold(vite, "create-vite", () => [
        "app",
        "--template",
        "vanilla",
        "--no-interactive",
        "--no-immediate",
      ]),
    },
    {
      key: "vite-node",
      label: "`node create-vite/index.js --help` (no npm)",
      make: nodeRun([viteBin, "--help"]),
    },
  );
}

const times = Object.fromEntries(scenarios.map((s) => [s.key, []]));
const failed = {};
for (let i = 0; i < RUNS; i++) {
  for (const s of scenarios) {
    if (failed[s.key]) continue;
    const { cmd, args, opts, cleanup } = s.make();
    const t = process.hrtime.bigint();
    const r = sh(cmd, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    cleanup();
    if (!r.ok) {
      failed[s.key] = `failed (exit ${r.status})`;
      say(`${s.label} failed:\n${r.out.slice(-2000)}`);
      continue;
    }
    times[s.key].push(ms);
  }
  say(`round ${i + 1}/${RUNS} done`);
}
const med = Object.fromEntries(
  Object.entries(times).map(([k, xs]) => [k, xs.length ? median(xs) : undefined]),
);
const ratio = (a, b) =>
  med[a] !== undefined && med[b] !== undefined ? `×${(med[a] / med[b]).toFixed(2)}` : "n/a";
const timeRows = [];
for (const s of scenarios) {
  const v = med[s.key];
  const notes = [];
  if (s.key !== "node" && !failed[s.key]) notes.push(`${ratio(s.key, "node")} of node -e 0`);
  const vs = {
    "home-help": "vite-help",
    "devshell-help": "vite-help",
    "nixhome-help": "vite-help",
    "home-new": "vite-new",
    "home-node": "vite-node",
  }[s.key];
  if (vs && !failed[s.key] && med[vs] !== undefined) {
    notes.push(`${ratio(s.key, vs)} of create-vite`);
  }
  timeRows.push({
    metric: s.label,
    value: failed[s.key] ?? (v === undefined ? "n/a" : `${v.toFixed(0)} ms`),
    note: notes.join(", "),
  });
}
if (!home) {
  timeRows.push({ metric: "create-nix-home cold start", value: "n/a", note: "not packed" });
}
if (!vite) timeRows.push({ metric: `${VITE} cold start`, value: "n/a", note: "npm pack failed" });

const allRows = [...timeRows, ...rows];
const result = {
  title: "Release: cold start through npm and tarball sizes",
  rows: allRows,
  notes: [
    `Medians of ${RUNS} runs per command, interleaved. "Cold \`npm exec\`" is`,
    "`npm exec --yes --offline --package <tarball> -- <bin> …` with a new empty `--cache`",
    "directory and a new working directory on every run: npm unpacks and installs the",
    "tarball into its npx cache, links the bin and runs it — what `npm create` costs a",
    "first-time user minus the download (both tarballs are local, so the network does not",
    "skew the comparison). Both CLIs are timed on `--help` (start-up only) and on a",
    "non-interactive scaffold (create-nix-home `--yes --no-git --name … --email … <dir>`,",
    "create-vite `app --template vanilla --no-interactive --no-immediate`).",
    `Sizes are npm's kB (1000 bytes); packed is the .tgz \`pnpm pack\` makes (what`,
    "`pnpm publish` uploads), unpacked the sum of its files.",
  ].join("\n"),
};
mkdirSync(join(repo, ".bench"), { recursive: true });
writeFileSync(join(repo, ".bench", "release.json"), `${JSON.stringify(result, null, 2)}\n`);

console.log(`## ${result.title}\n\n| metric | value | note |\n| --- | --- | --- |`);
for (const r of allRows) console.log(`| ${r.metric} | ${r.value} | ${r.note} |`);
console.log(`\n${result.notes}`);
rmSync(work, { recursive: true, force: true });
