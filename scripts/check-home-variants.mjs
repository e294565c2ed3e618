#!/usr/bin/env node
// Dev check: do the home repositories create-nix-home writes evaluate cleanly with REAL Home
// Manager and the real nixpkgs lib? Writes a few variants with the built CLI (default; a Darwin
// main system with Linux hosts; bash + VS Code; fish on Darwin; the 26.05 channel with
// x86_64-darwin; hosts that override user.email, shell, editor, stateVersion, username and
// home) and runs shared/hm-eval/check-flake on each.
//
//   node scripts/check-home-variants.mjs      (after `pnpm --filter create-nix-home build`)
//
// check-flake needs the Home Manager and nixpkgs.lib mirrors of this machine; CI has neither,
// so without it the script says so and exits 0. Exit 1 when some variant has problems.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "packages", "create-nix-home", "dist", "cli.js");
const checkFlake = [
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: a dev script, not a turbo task
  process.env.CHECK_FLAKE,
  join(root, "..", "shared", "hm-eval", "check-flake"),
  join(root, "..", "..", "shared", "hm-eval", "check-flake"),
].find((p) => p && existsSync(p));
if (!checkFlake) {
  console.log("[check-home-variants] no shared/hm-eval/check-flake here: skipped");
  process.exit(0);
}
if (!existsSync(cli)) {
  console.error(`[check-home-variants] ${cli} is missing: build create-nix-home first`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "nixhome-variants-"));
const names = join(work, "extra-names.txt");
writeFileSync(
  names,
  ["devshell", "home"]
    .map((d) => readFileSync(join(root, "packages/core/src", d, "verified-names.txt"), "utf8"))
    .join("\n"),
);
writeFileSync(
  join(work, "overrides.json"),
  JSON.stringify({
    version: 1,
    user: { name: "Big Boss", email: "b@x.y", username: "bigboss", homeDirectory: "/home/bigboss" },
    system: "x86_64-linux",
    editor: "vscode",
    layers: ["base", "personal", "work"],
    hosts: {
      "work-server": {
        system: "x86_64-linux",
        layers: ["base", "personal", "work"],
        user: { email: "boss@work.example" },
        editor: "vim",
        shell: "bash",
      },
      mac: {
        system: "aarch64-darwin",
        layers: ["base", "personal"],
        shell: "fish",
        stateVersion: "25.11",
      },
      ci: {
        system: "aarch64-linux",
        layers: ["base"],
        username: "ci",
        homeDirectory: "/var/lib/ci",
      },
    },
    templates: ["go", "python"],
    created: { channel: "unstable", plop: false },
  }),
);
const ID = ["--yes", "--no-git", "--name", "Big Boss", "--email", "b@x.y", "--username", "bigboss"];
const variants = {
  default: [],
  darwin: ["--system", "aarch64-darwin", "--host", "mbp,vm:aarch64-linux,box:x86_64-linux"],
  "bash-vscode": ["--shell", "bash", "--editor", "vscode"],
  "fish-darwin": [
    "--shell",
    "fish",
    "--system",
    "aarch64-darwin",
    "--host",
    "mac,srv:x86_64-linux",
  ],
  "channel-26.05": [
    "--channel",
    "26.05",
    "--system",
    "x86_64-darwin",
    "--host",
    "old,lin:x86_64-linux",
  ],
  overrides: ["--config", join(work, "overrides.json")],
};

let failed = 0;
for (const [name, args] of Object.entries(variants)) {
  const made = spawnSync(process.execPath, [cli, name, ...ID, ...args], {
    cwd: work,
    encoding: "utf8",
  });
  if (made.status !== 0) {
    console.error(`✗ ${name}: create-nix-home failed: ${made.stderr.trim()}`);
    failed++;
    continue;
  }
  const r = spawnSync(checkFlake, [join(work, name)], {
    encoding: "utf8",
    env: { ...process.env, NIXHOME_EXTRA_NAMES: names },
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = r.stderr.trim().split("\n").pop();
  if (r.status === 0) console.log(`✓ ${name}: ${last}`);
  else {
    console.error(`✗ ${name}:\n${r.stderr.trim()}`);
    failed++;
  }
}
rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
