#!/usr/bin/env node
// Dev check: is every `.nix` file nixhome has or emits a fixed point of nixfmt 1.4?
//
//   node scripts/check-nixfmt.mjs            every tracked .nix file (goldens, home-manager/,
//                                            templates, fixtures) and what the tools emit: home
//                                            repositories over a matrix of answers, every preset's
//                                            dev-shell flake (each version, some combinations),
//                                            plop's layer, host and template files
//   node scripts/check-nixfmt.mjs --ref BR   additionally the .nix files branch BR changes
//                                            against main (read with `git show`, not checked out)
//
// Needs the built @nixhome/core (`pnpm --filter @nixhome/core build`) and a nixfmt 1.4
// binary: $NIXFMT, /work/wt/_tools/nixfmt, or `nixfmt` on PATH. Without one it says so and
// exits 0: CI does not have nixfmt; the printer's tests assert nixfmt's layout themselves.
// Exit 1 when some file is not a fixed point; each is listed with the first lines of the diff.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const refs = args.flatMap((a, i) => (a === "--ref" && args[i + 1] ? [args[i + 1]] : []));

function findNixfmt() {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: a dev script, not a turbo task
  const candidates = [process.env.NIXFMT, "/work/wt/_tools/nixfmt"].filter(Boolean);
  for (const c of candidates) if (existsSync(c)) return c;
  const r = spawnSync("nixfmt", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? "nixfmt" : null;
}

const nixfmt = findNixfmt();
if (!nixfmt) {
  console.log("[check-nixfmt] no nixfmt binary ($NIXFMT, /work/wt/_tools/nixfmt, PATH): skipped");
  process.exit(0);
}
const version = spawnSync(nixfmt, ["--version"], { encoding: "utf8" }).stdout.trim();
if (!version.includes("1.4")) console.warn(`[check-nixfmt] warning: ${version}, not nixfmt 1.4`);

const git = (...a) => spawnSync("git", a, { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });

/** label → content; identical contents are checked once. */
const files = new Map();
const add = (label, content) => files.set(label, content);

// Files that are inputs, not output: users' files as found (the parser's edge cases, the
// doctor's fixtures and goldens, which keep the user's own layout around its splices).
const INPUTS = [
  "packages/core/test/fixtures/parse/",
  "packages/nixhome/test/fixtures/",
  "packages/nixhome/test/__golden__/",
];
const isInput = (p) => INPUTS.some((dir) => p.includes(dir));

// 1. Every tracked .nix file.
let inputs = 0;
for (const p of git("ls-files", "*.nix").stdout.split("\n").filter(Boolean)) {
  if (isInput(p)) inputs++;
  else add(p, readFileSync(join(root, p), "utf8"));
}

// 2. Other branches' .nix files (added or modified against main).
for (const ref of refs) {
  const changed = git("diff", "--name-only", "--diff-filter=AM", `main...${ref}`, "--", "*.nix");
  if (changed.status !== 0) {
    console.error(`[check-nixfmt] cannot diff main...${ref}: ${changed.stderr.trim()}`);
    process.exit(2);
  }
  for (const p of changed.stdout.split("\n").filter(Boolean)) {
    if (isInput(p)) inputs++;
    else add(`${ref}:${p}`, git("show", `${ref}:${p}`).stdout);
  }
}

// 3. What the tools emit, rendered by the built core.
const coreDist = join(root, "packages", "core", "dist", "index.js");
if (!existsSync(coreDist)) {
  console.error("[check-nixfmt] packages/core/dist is missing: pnpm --filter @nixhome/core build");
  process.exit(2);
}
const core = await import(coreDist);
const emitted = new Map();
const emit = (label, content) => {
  if (!emitted.has(content)) emitted.set(content, label);
};

const base = JSON.parse(readFileSync(join(root, "home-manager", "nixhome.json"), "utf8"));
const presetIds = core.presets.map((p) => p.id);
const hostSets = {
  none: () => ({}),
  known: (system) => ({
    laptop: { system, layers: ["base", "personal"] },
    "work-server": { system, layers: ["base"], user: { email: "work@example.com" }, docker: false },
    "cloud-instance": {
      system,
      layers: ["base", "personal"],
      codeServer: { enable: true, bind: "127.0.0.1", port: 8081 },
    },
  }),
  custom: (system) => ({ "build-box": { system, layers: ["base"] } }),
};
let homes = 0;
const refused = new Set();
for (const shell of core.SHELLS)
  for (const channel of core.CHANNEL_IDS)
    for (const system of ["x86_64-linux", "aarch64-darwin"])
      for (const [hostSet, hosts] of Object.entries(hostSets))
        for (const templates of [[], ["python", "node", "rust"], presetIds])
          for (const editor of core.EDITORS) {
            let spec;
            try {
              spec = core.parseHomeSpec({
                ...base,
                user: { ...base.user, homeDirectory: undefined },
                shell,
                channel,
                system,
                editor,
                hosts: hosts(system),
                templates,
              });
            } catch (err) {
              refused.add(err.message);
              continue;
            }
            homes++;
            const label = `home(${shell} ${channel} ${system} hosts=${hostSet} templates=${templates.length} ${editor})`;
            for (const f of core.renderHome(spec))
              if (f.path.endsWith(".nix")) emit(`${label}/${f.path}`, f.content);
            // plop's files for this repository
            for (const h of Object.keys(spec.hosts))
              emit(`plop host ${h} (${label})`, core.renderHostFile(h));
            emit(`plop host new (${label})`, core.renderHostFile("new-host"));
          }
for (const input of [
  { name: "empty" },
  { name: "work", purpose: "Work tools.", packages: ["kubectl", "python3Packages.pip"] },
  { name: "one", packages: ["ripgrep"] },
  { name: "many", packages: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"] },
])
  emit(`plop profile ${input.name}`, core.renderLayerFile(input));
for (const id of presetIds) emit(`plop template ${id}`, core.renderTemplateFile(id));

const devshell = (label, spec) => {
  for (const f of core.renderDevShell(spec))
    if (f.path.endsWith(".nix")) emit(`devshell(${label})/${f.path}`, f.content);
};
for (const p of core.presets) {
  for (const channel of core.CHANNEL_IDS)
    devshell(`${p.id} ${channel}`, { choices: [{ preset: p }], channel });
  for (const v of Object.keys(p.version?.attrs ?? {}))
    devshell(`${p.id}@${v}`, { choices: [{ preset: p, version: v }] });
  for (const u of p.unfreeOptIn ?? [])
    devshell(`${p.id} unfree ${u}`, { choices: [{ preset: p }], allowUnfree: [u] });
  for (const tool of Object.keys(p.tool?.attrs ?? {}))
    devshell(`${p.id} tool ${tool}`, { choices: [{ preset: p, tool }] });
  devshell(`${p.id} in subprojects`, { choices: [{ preset: p, dirs: ["", "web/app"] }] });
  for (const file of p.toolchainFile?.files ?? [])
    devshell(`${p.id} toolchain ${file}`, { choices: [{ preset: p, toolchainFile: file }] });
}
const byId = (id) => core.presets.find((p) => p.id === id);
for (const ids of [
  ["python", "node"],
  ["python", "node", "rust", "go", "java", "ruby"],
  ["c-cpp", "fortran"],
  ["elixir", "erlang", "node"],
  ["bun", "deno"],
])
  devshell(ids.join("+"), { choices: ids.map((id) => ({ preset: byId(id) })) });
for (const [content, label] of emitted) add(label, content);

// 4. Run nixfmt over copies and compare.
const dir = mkdtempSync(join(tmpdir(), "nixhome-nixfmt-"));
const entries = [...files];
const paths = entries.map((_, i) => join(dir, `${i}.nix`));
for (const [i, [, content]] of entries.entries()) writeFileSync(paths[i], content);
const bad = [];
for (let i = 0; i < paths.length; i += 200) {
  const chunk = paths.slice(i, i + 200);
  const r = spawnSync(nixfmt, chunk, { encoding: "utf8" });
  if (r.status !== 0) {
    // A file nixfmt cannot parse: report each such file separately.
    for (const p of chunk) {
      const one = spawnSync(nixfmt, [p], { encoding: "utf8" });
      if (one.status !== 0)
        bad.push([entries[paths.indexOf(p)][0], `nixfmt failed: ${one.stderr.trim()}`]);
    }
  }
}
entries.forEach(([label, content], i) => {
  const after = readFileSync(paths[i], "utf8");
  if (after === content || bad.some(([l]) => l === label)) return;
  writeFileSync(`${paths[i]}.orig`, content);
  const diff = spawnSync("diff", ["-u", `${paths[i]}.orig`, paths[i]], { encoding: "utf8" });
  bad.push([label, diff.stdout.split("\n").slice(2, 14).join("\n")]);
});
rmSync(dir, { recursive: true, force: true });

const tracked = entries.filter(
  ([l]) => !l.includes("(") && !l.startsWith("plop ") && !l.includes(":"),
).length;
console.log(
  `[check-nixfmt] ${version}: ${entries.length} files (${tracked} tracked, ${emitted.size} distinct emitted from ${homes} home repositories, dev shells and plop; ${inputs} input fixtures not checked), ${bad.length} not fixed points`,
);
for (const m of refused) console.log(`(a home spec of the matrix was refused: ${m})`);
for (const [label, detail] of bad) console.log(`\n✗ ${label}\n${detail}`);
process.exit(bad.length ? 1 : 0);
