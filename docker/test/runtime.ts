/**
 * Helpers of the Docker suite: finding a container runtime, preparing the
 * build context, building images without pulling anything, and cleaning up.
 *
 * Nothing here pulls an image: `debian:bookworm` comes from base-image.sh
 * (reuse, a short `docker pull` attempt, else debootstrap + `docker import`),
 * Ryuk is disabled, and the host is fixed so testcontainers never starts its
 * alpine helper to find a gateway.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type DockerComposeEnvironment,
  GenericContainer,
  PullPolicy,
  type StartedTestContainer,
} from "testcontainers";

// Set before testcontainers initialises its client (it does so lazily, on first use).
process.env.TESTCONTAINERS_RYUK_DISABLED = "true";
process.env.TESTCONTAINERS_HOST_OVERRIDE ??= "localhost";

export const DOCKER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = path.resolve(DOCKER_DIR, "..");
export const IS_CI = process.env.CI === "true";
export const USERNAME = process.env.NIXHOME_USERNAME ?? "nixuser";
export const USER_HOME = `/home/${USERNAME}`;
export const IMAGE_REPO = "nixhome-docker-suite";
/** Label on every container this suite starts, so leftovers can be found and removed. */
export const RUN_LABEL = "nixhome.docker-suite.run";
export const RUN_ID = randomBytes(5).toString("hex");

const PRIVATE_DAEMON_DIR = process.env.NIXHOME_DOCKER_DIR ?? "/tmp/nixhome-docker";

export interface CmdResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; never throws for a non-zero exit. */
export function cmd(
  file: string,
  args: string[],
  opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CmdResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        env: { ...process.env, ...opts.env },
        cwd: opts.cwd,
        timeout: opts.timeoutMs ?? 0,
        killSignal: "SIGKILL",
        maxBuffer: 256 * 1024 * 1024,
        encoding: "utf8",
      },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) {
          const e = error as Error & { code?: unknown; killed?: boolean; signal?: string | null };
          if (typeof e.code === "number") code = e.code;
          else if (e.killed || e.signal) code = 137;
          else code = 127; // could not start (ENOENT, ...)
          if (e.killed) stderr += `\n(killed after ${opts.timeoutMs} ms)`;
          if (typeof e.code === "string") stderr += `\n${e.message}`;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** `docker ...` against the same daemon testcontainers uses (DOCKER_HOST). */
export function docker(args: string[], timeoutMs = 120_000): Promise<CmdResult> {
  return cmd("docker", args, { timeoutMs });
}

export function tail(text: string, lines = 60): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

function describeFailure(what: string, r: CmdResult): string {
  return `${what} exited ${r.code}\n${tail(`${r.stdout}\n${r.stderr}`)}`;
}

export interface DockerProbe {
  available: boolean;
  /** Why it is not available (or where it is). */
  reason: string;
}

/**
 * Is there a Docker daemon we can use? DOCKER_HOST if set; else the default
 * socket; else the private daemon of scripts/docker-daemon.sh if it runs (then
 * DOCKER_HOST is set for this process, which testcontainers and the docker CLI
 * both follow).
 */
export async function probeDocker(): Promise<DockerProbe> {
  if (!process.env.DOCKER_HOST) {
    const privateSock = path.join(PRIVATE_DAEMON_DIR, "docker.sock");
    if (existsSync("/var/run/docker.sock")) {
      // default socket: nothing to set
    } else if (existsSync(privateSock)) {
      process.env.DOCKER_HOST = `unix://${privateSock}`;
    } else {
      return {
        available: false,
        reason:
          "no Docker daemon: DOCKER_HOST is unset and /var/run/docker.sock is missing " +
          '(start one with `scripts/docker-daemon.sh start` and `eval "$(scripts/docker-daemon.sh env)"`)',
      };
    }
  }
  const info = await cmd("docker", ["info", "--format", "{{.ServerVersion}}"], {
    timeoutMs: 30_000,
  });
  if (info.code !== 0) {
    const why = tail(info.stderr || info.stdout, 3).replace(/\s+/g, " ");
    return {
      available: false,
      reason: `\`docker info\` failed (DOCKER_HOST=${process.env.DOCKER_HOST ?? "unset"}): ${why}`,
    };
  }
  return {
    available: true,
    reason: `Docker ${info.stdout.trim()} at ${process.env.DOCKER_HOST ?? "unix:///var/run/docker.sock"}`,
  };
}

/**
 * Outside CI a missing runtime skips the suite with one line; under CI=true
 * the suite runs and `assertRuntime` fails it.
 */
export function shouldSkip(probe: DockerProbe, suite: string): boolean {
  if (probe.available || IS_CI) return false;
  console.warn(`[docker-suite] skipping ${suite}: ${probe.reason}`);
  return true;
}

export function assertRuntime(probe: DockerProbe): void {
  if (!probe.available) {
    throw new Error(`CI=true but no usable container runtime: ${probe.reason}`);
  }
}

/** Makes sure `debian:bookworm` exists (see base-image.sh); can take ~2 minutes the first time. */
export async function ensureBaseImage(): Promise<void> {
  const r = await cmd("bash", [path.join(DOCKER_DIR, "base-image.sh")], {
    timeoutMs: 15 * 60_000,
  });
  const out = `${r.stdout}${r.stderr}`.trim();
  if (out) console.log(out);
  if (r.code !== 0) throw new Error(describeFailure("docker/base-image.sh", r));
}

/**
 * A temporary build context: Dockerfile, check.sh, this process's node
 * executable and the packed CLIs (which must be built: dist/cli.js).
 */
export async function prepareContext(): Promise<string> {
  const ctx = await mkdtemp(path.join(tmpdir(), "nixhome-ctx-"));
  const r = await cmd("bash", [path.join(DOCKER_DIR, "prepare-context.sh"), ctx], {
    timeoutMs: 5 * 60_000,
    env: { NIXHOME_NODE_BIN: process.execPath },
  });
  if (r.code !== 0) {
    await rm(ctx, { recursive: true, force: true });
    throw new Error(describeFailure("docker/prepare-context.sh", r));
  }
  return ctx;
}

export async function removeContext(ctx: string | undefined): Promise<void> {
  if (ctx) await rm(ctx, { recursive: true, force: true });
}

/**
 * Builds one stage of docker/Dockerfile with testcontainers (classic builder,
 * no pull) and returns its stable tag `nixhome-docker-suite:<target>`.
 *
 * testcontainers 11 does not surface build errors (it only checks that the tag
 * exists afterwards), so each build gets a fresh tag first — a failed build can
 * never pass off an older image as its result — and a failure is re-run with
 * the docker CLI to show the log.
 */
export async function buildTarget(ctx: string, target: string): Promise<string> {
  const runTag = `${IMAGE_REPO}:${target}-${RUN_ID}`;
  const stableTag = `${IMAGE_REPO}:${target}`;
  const started = Date.now();
  const containersBefore = await containerIds();
  try {
    await GenericContainer.fromDockerfile(ctx)
      .withTarget(target)
      .withBuildArgs({ USERNAME })
      .withPullPolicy(PullPolicy.defaultPolicy())
      .build(runTag, { deleteOnExit: false });
  } catch (err) {
    // The classic builder leaves the container of the failed step behind
    // (testcontainers cannot ask for --force-rm): remove it.
    await removeBuildLeftovers(containersBefore);
    const diag = await cmd(
      "docker",
      ["build", "--force-rm", "--target", target, "--build-arg", `USERNAME=${USERNAME}`, ctx],
      { timeoutMs: 30 * 60_000, env: { DOCKER_BUILDKIT: "0" } },
    );
    throw new Error(
      `building target "${target}" failed: ${(err as Error).message}\n` +
        `docker build log (tail):\n${tail(`${diag.stdout}\n${diag.stderr}`, 80)}`,
    );
  }
  const tagged = await docker(["tag", runTag, stableTag]);
  if (tagged.code !== 0) throw new Error(describeFailure(`docker tag ${runTag}`, tagged));
  // Untag only: the image stays under the stable tag (and as build cache).
  await docker(["rmi", runTag]);
  console.log(
    `[docker-suite] built ${stableTag} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return stableTag;
}

async function containerIds(): Promise<Set<string>> {
  const ps = await docker(["ps", "-aq", "--no-trunc"]);
  return new Set(ps.stdout.split(/\s+/).filter(Boolean));
}

/**
 * Containers created since `before` that are stopped build steps: their image
 * is a bare image ID (what the classic builder runs steps from).
 */
async function removeBuildLeftovers(before: Set<string>): Promise<void> {
  const now = await containerIds();
  const fresh = [...now].filter((id) => !before.has(id));
  if (fresh.length === 0) return;
  const info = await docker([
    "inspect",
    "--format",
    "{{.Id}} {{.State.Status}} {{.Config.Image}}",
    ...fresh,
  ]);
  const leftovers = info.stdout
    .split("\n")
    .map((line) => line.trim().split(" "))
    .filter(([id, status, image]) => id && status !== "running" && image?.startsWith("sha256:"))
    .map(([id]) => id as string);
  if (leftovers.length > 0) await docker(["rm", "-f", "-v", ...leftovers]);
}

/** Starts a long-lived container of `image` (as the image's user) for exec'ing into. */
export async function startContainer(
  image: string,
  opts: {
    memoryGb: number;
    name: string;
    /** Rootless Docker inside needs user namespaces, setuid newuidmap and /dev/net/tun. */
    privileged?: boolean;
  },
): Promise<StartedTestContainer> {
  const container = new GenericContainer(image)
    .withName(`nixhome-${opts.name}-${RUN_ID}`)
    .withLabels({ [RUN_LABEL]: RUN_ID })
    .withCommand(["sleep", "infinity"])
    .withResourcesQuota({ memory: opts.memoryGb })
    .withPullPolicy(PullPolicy.defaultPolicy())
    .withStartupTimeout(120_000);
  return (opts.privileged ? container.withPrivilegedMode() : container).start();
}

export async function stopContainer(container: StartedTestContainer | undefined): Promise<void> {
  if (!container) return;
  try {
    await container.stop({ timeout: 0, remove: true, removeVolumes: true });
  } catch (err) {
    console.warn(`[docker-suite] stopping ${container.getId()} failed: ${(err as Error).message}`);
  }
}

/** Removes any container of this run still there (e.g. after a failed start). */
export async function removeLeftoverContainers(): Promise<void> {
  const ps = await docker(["ps", "-aq", "--filter", `label=${RUN_LABEL}=${RUN_ID}`]);
  const ids = ps.stdout.split(/\s+/).filter(Boolean);
  if (ids.length > 0) await docker(["rm", "-f", "-v", ...ids]);
}

export class TimeoutError extends Error {}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a bash script in the container as the suite's user. */
export async function execScript(
  container: StartedTestContainer,
  script: string,
  timeoutMs: number,
): Promise<{ exitCode: number; output: string }> {
  const r = await withTimeout(
    container.exec(["bash", "-c", script], {
      user: USERNAME,
      workingDir: USER_HOME,
      env: { HOME: USER_HOME, USER: USERNAME },
    }),
    timeoutMs,
    `exec in ${container.getName()}`,
  );
  return { exitCode: r.exitCode, output: r.output };
}

type ComposeClientOptions = Parameters<DockerComposeEnvironment["withClientOptions"]>[0];

export type ComposeTool =
  | { available: true; kind: "v2" | "v1"; version: string; clientOptions: ComposeClientOptions }
  | { available: false; reason: string };

/**
 * testcontainers 11 runs `docker compose` (the v2 plugin) by default; with
 * `executable: { standalone: true }` it runs `docker-compose` instead — which
 * is what Debian ships (docker-compose 1.29, Python). Prefer v2 when present;
 * NIXHOME_COMPOSE=v1|v2 forces one.
 */
export async function detectCompose(): Promise<ComposeTool> {
  const want = process.env.NIXHOME_COMPOSE;
  if (want !== "v1") {
    const v2 = await cmd("docker", ["compose", "version", "--short"], { timeoutMs: 20_000 });
    if (v2.code === 0) {
      return { available: true, kind: "v2", version: v2.stdout.trim(), clientOptions: {} };
    }
    if (want === "v2")
      return { available: false, reason: "NIXHOME_COMPOSE=v2 but `docker compose` does not work" };
  }
  const v1 = await cmd("docker-compose", ["version", "--short"], { timeoutMs: 20_000 });
  if (v1.code === 0) {
    return {
      available: true,
      kind: "v1",
      version: v1.stdout.trim(),
      clientOptions: { executable: { standalone: true } },
    };
  }
  return {
    available: false,
    reason:
      "neither `docker compose` (v2 plugin) nor `docker-compose` works (apt-get install docker-compose)",
  };
}

/** Environment for compose runs: classic builder, our context, no pulls. */
export function composeEnvironment(ctx: string, image: string): Record<string, string> {
  return {
    NIXHOME_DOCKER_CONTEXT: ctx,
    NIXHOME_IMAGE: image,
    NIXHOME_USERNAME: USERNAME,
    // docker-compose 1.29: build through docker-py, not the `docker build` CLI
    // (which would want buildx); Compose v2: classic builder as well.
    COMPOSE_DOCKER_CLI_BUILD: "0",
    DOCKER_BUILDKIT: "0",
  };
}

/** `docker compose` / `docker-compose` (run in docker/) with the same choice as testcontainers. */
export function composeCli(tool: ComposeTool, args: string[], env: Record<string, string>) {
  if (!tool.available) throw new Error(tool.reason);
  const opts = { env, timeoutMs: 10 * 60_000, cwd: DOCKER_DIR };
  return tool.kind === "v2"
    ? cmd("docker", ["compose", ...args], opts)
    : cmd("docker-compose", args, opts);
}

/** `x86_64-linux` / `aarch64-linux` for the container (same arch as the host). */
export function nixSystem(): string {
  return process.arch === "arm64" ? "aarch64-linux" : "x86_64-linux";
}
