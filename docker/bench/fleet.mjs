// Provisioning from the binary cache (BENCHMARKS.md): tier 3's cache path,
// seconds from `sh bootstrap.sh` starting to the generation activated, and the
// bytes it read from the cache, in the offline image (docker/fleet/fleet-cache.sh,
// median of 3 fresh containers). Uses the daemon at DOCKER_HOST (or the
// private one of scripts/docker-daemon.sh).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dockerDir = join(here, "..");
const root = join(dockerDir, "..");
const privateSock = join(process.env.NIXHOME_DOCKER_DIR ?? "/tmp/nixhome-docker", "docker.sock");
if (!process.env.DOCKER_HOST && !existsSync("/var/run/docker.sock") && existsSync(privateSock))
  process.env.DOCKER_HOST = `unix://${privateSock}`;

const title = "New machine from the binary cache (docker/, tier 3)";
const rows = [];
const notes = [
  "The cache path skips, compared with evaluate-and-switch: fetching the flake inputs (a nixpkgs",
  "source tarball of tens of MB, Home Manager), evaluating the configuration (the Home Manager",
  "module system over nixpkgs: seconds to minutes, hundreds of MB of memory) and writing its",
  ".drv files; what remains is fetching the closure by store path and `activate`. The fallback",
  "cannot be timed here (no nixpkgs offline). The generation is a stand-in (two store paths,",
  "~1 MB unpacked) built by Debian's Nix: the time is bootstrap's own overhead plus substitution",
  "from a file:// cache on the same disk, not a real Home Manager closure over a network.",
].join(" ");
const out = () => {
  mkdirSync(join(root, ".bench"), { recursive: true });
  writeFileSync(
    join(root, ".bench", "docker-fleet.json"),
    JSON.stringify({ title, rows, notes }, null, 2),
  );
  console.log("| metric | value | note |\n| --- | --- | --- |");
  for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.note} |`);
};
if (spawnSync("docker", ["info"], { stdio: "ignore" }).status !== 0) {
  rows.push({ metric: "cache path", value: "not measured", note: "no Docker daemon reachable" });
  out();
  process.exit(0);
}

execFileSync("bash", [join(dockerDir, "base-image.sh")], { stdio: "ignore" });
const ctx = mkdtempSync(join(tmpdir(), "nixhome-bench-fleet-"));
const tag = `nixhome-bench-fleet:${Date.now()}`;
const runs = [];
try {
  execFileSync("bash", [join(dockerDir, "prepare-context.sh"), ctx], {
    env: { ...process.env, NIXHOME_NODE_BIN: process.execPath },
    stdio: "ignore",
  });
  execFileSync("docker", ["build", "-q", "--target", "offline", "-t", tag, ctx], {
    env: { ...process.env, DOCKER_BUILDKIT: "0" },
    stdio: "ignore",
  });
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(
      "docker",
      [
        "run",
        "--rm",
        "-u",
        "root",
        "--memory",
        "2g",
        "-v",
        `${join(dockerDir, "fleet")}:/opt/fleet:ro`,
        tag,
        "bash",
        "/opt/fleet/fleet-cache.sh",
      ],
      { encoding: "utf8", maxBuffer: 1 << 26 },
    );
    const m = /^bench: (\{.*\})$/m.exec(r.stdout);
    if (r.status !== 0 || !m)
      throw new Error(`fleet-cache.sh failed:\n${r.stdout.slice(-3000)}${r.stderr}`);
    runs.push(JSON.parse(m[1]));
  }
} finally {
  spawnSync("docker", ["image", "rm", "-f", tag], { stdio: "ignore" });
  rmSync(ctx, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const b = runs[0];
rows.push(
  {
    metric: "cache path: bootstrap start → activated",
    value: `${median(runs.map((r) => r.seconds)).toFixed(2)} s`,
    note: `median of ${runs.length}; runs ${runs.map((r) => r.seconds).join(", ")} s; record match, signature check, substitution, activate`,
  },
  {
    metric: "bytes read from the cache",
    value: `${b.bytesFromCache} B`,
    note: `${b.paths} store paths: compressed NARs + narinfo files`,
  },
  {
    metric: "closure unpacked",
    value: `${b.narBytes} B`,
    note: "nix path-info -S of the generation",
  },
  {
    metric: "evaluations on the machine",
    value: "0",
    note: "no eval/build/instantiate call; no .drv of the generation written",
  },
);
out();
