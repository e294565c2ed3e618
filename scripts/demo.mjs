#!/usr/bin/env node
// `npm run demo`: scaffold a layered Home Manager repository with the built
// create-nix-home CLI, non-interactively, into a scratch folder; print its
// tree and the CLI's next steps. Plain Node, no dependencies.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "packages", "create-nix-home", "dist", "cli.js");

if (!existsSync(cli)) {
  console.log("[demo] building create-nix-home (dist/cli.js is missing)");
  for (const pkg of ["core", "create-nix-home"]) {
    const r = spawnSync("npx", ["tsup"], {
      cwd: join(root, "packages", pkg),
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    if (r.status !== 0) {
      console.error(`[demo] building packages/${pkg} failed: run \`npm run build\` and retry`);
      process.exit(1);
    }
  }
}

const scratch = mkdtempSync(join(tmpdir(), "nixhome-demo-"));
const target = join(scratch, "home-manager");
const args = [cli, target, "--yes"];
console.log(`$ create-nix-home ${target} --yes\n`);
const run = spawnSync(process.execPath, args, { cwd: scratch, encoding: "utf8" });
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  console.error(`[demo] create-nix-home exited with ${run.status}`);
  process.exit(run.status ?? 1);
}

/** `tree`-style listing, directories first, without .git. */
function tree(dir, prefix = "") {
  const entries = readdirSync(dir)
    .filter((e) => e !== ".git")
    .map((name) => ({ name, isDir: statSync(join(dir, name)).isDirectory() }))
    .sort((a, b) => Number(b.isDir) - Number(a.isDir) || (a.name < b.name ? -1 : 1));
  return entries.flatMap((e, i) => {
    const last = i === entries.length - 1;
    const line = `${prefix}${last ? "└── " : "├── "}${e.name}${e.isDir ? "/" : ""}`;
    return e.isDir ? [line, ...tree(join(dir, e.name), prefix + (last ? "    " : "│   "))] : [line];
  });
}

const spec = JSON.parse(readFileSync(join(target, "nixhome.json"), "utf8"));
console.log(`${target}/`);
console.log(tree(target).join("\n"));
console.log(
  `\nConfigurations: ${[spec.user.username, ...Object.keys(spec.hosts).map((h) => `${spec.user.username}@${h}`)].join(", ")}`,
);
console.log(
  `\n── hosts/work-server.nix ──\n${readFileSync(join(target, "hosts", "work-server.nix"), "utf8")}`,
);
process.stdout.write(run.stdout.replace(/^\n/, ""));
if (run.stderr) process.stderr.write(run.stderr);
console.log(`\n(The scratch folder stays for you to look at: ${scratch})`);
