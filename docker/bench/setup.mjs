// Container set-up time for the Docker suite (BENCHMARKS.md): how long the
// offline tier takes to get a fresh machine ready, step by step. Uses the
// daemon at DOCKER_HOST (or the private one of scripts/docker-daemon.sh).
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

const rows = [];
const out = (title) => {
  mkdirSync(join(root, ".bench"), { recursive: true });
  writeFileSync(join(root, ".bench", "docker.json"), JSON.stringify({ title, rows }, null, 2));
  console.log("| metric | value | note |\n| --- | --- | --- |");
  for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.note} |`);
};
const title = "Container set-up (docker/, tier 1)";
if (spawnSync("docker", ["info"], { stdio: "ignore" }).status !== 0) {
  rows.push({ metric: "set-up", value: "not measured", note: "no Docker daemon reachable" });
  out(title);
  process.exit(0);
}

function timed(metric, note, file, args, opts = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(file, args, { encoding: "utf8", maxBuffer: 1 << 28, ...opts });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0)
    throw new Error(`${file} ${args.join(" ")} failed:\n${r.stderr?.slice(-2000)}`);
  rows.push({ metric, value: `${s.toFixed(1)} s`, note });
  return r;
}

const had =
  spawnSync("docker", ["image", "inspect", "debian:bookworm"], { stdio: "ignore" }).status === 0;
timed(
  "provide debian:bookworm",
  had ? "already imported: reused" : "debootstrap + docker import",
  "bash",
  [join(dockerDir, "base-image.sh")],
);
const ctx = mkdtempSync(join(tmpdir(), "nixhome-bench-ctx-"));
try {
  execFileSync("bash", [join(dockerDir, "prepare-context.sh"), ctx], {
    env: { ...process.env, NIXHOME_NODE_BIN: process.execPath },
    stdio: "ignore",
  });
  const tag = `nixhome-bench:${Date.now()}`;
  const env = { ...process.env, DOCKER_BUILDKIT: "0" };
  timed(
    "build the base stage, no cache",
    "apt-get nix-bin etc. from Debian's mirror",
    "docker",
    ["build", "-q", "--no-cache", "--target", "base", "-t", `${tag}-base`, ctx],
    { env },
  );
  timed(
    "build the offline stage on that base",
    "Node binary + packed CLIs + check script",
    "docker",
    ["build", "-q", "--target", "offline", "-t", tag, ctx],
    { env },
  );
  timed(
    "run the tier-1 checks in a fresh container",
    "create both repos, parse every .nix, rerun, bad input",
    "docker",
    ["run", "--rm", "--memory", "2g", tag],
    { env },
  );
  spawnSync("docker", ["image", "rm", "-f", tag, `${tag}-base`], { stdio: "ignore" });
} finally {
  rmSync(ctx, { recursive: true, force: true });
}
out(title);
