/**
 * Tier 1: the packed CLIs on a fresh Debian machine, offline.
 *
 * Builds the `offline` stage of docker/Dockerfile (Debian + Debian's Nix + a
 * non-root user + node + the packed CLIs) and runs docker/check.sh in it, once
 * in a testcontainers GenericContainer and once through docker/compose.yaml.
 * Needs a Docker daemon and the Debian mirrors (for apt during the build);
 * never pulls an image.
 */
import {
  DockerComposeEnvironment,
  PullPolicy,
  type StartedDockerComposeEnvironment,
  type StartedTestContainer,
} from "testcontainers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertRuntime,
  buildTarget,
  composeCli,
  composeEnvironment,
  DOCKER_DIR,
  detectCompose,
  docker,
  ensureBaseImage,
  execScript,
  IMAGE_REPO,
  IS_CI,
  prepareContext,
  probeDocker,
  RUN_ID,
  removeContext,
  removeLeftoverContainers,
  shouldSkip,
  startContainer,
  stopContainer,
  tail,
  USERNAME,
} from "./runtime.js";

const CHECK_SCRIPT = "/opt/nixhome/check.sh";
const CHECK_TIMEOUT_MS = 15 * 60_000;
const SUMMARY = /^check: (\d+) passed, (\d+) failed$/m;

const probe = await probeDocker();
const skipSuite = shouldSkip(probe, "tier 1 (fresh machine)");
const compose = probe.available ? await detectCompose() : undefined;
const skipCompose = compose !== undefined && !compose.available && !IS_CI;
if (compose && !compose.available && !IS_CI) {
  console.warn(`[docker-suite] skipping the compose run: ${compose.reason}`);
}

function report(title: string, output: string): void {
  console.log(`----- ${title} -----\n${output.trimEnd()}\n----- end of ${title} -----`);
}

describe.skipIf(skipSuite)("tier 1: fresh Debian machine, offline", () => {
  let ctx: string | undefined;
  let image: string | undefined;

  beforeAll(async () => {
    assertRuntime(probe);
    console.log(`[docker-suite] ${probe.reason}`);
    await ensureBaseImage();
    ctx = await prepareContext();
  });

  afterAll(async () => {
    await removeLeftoverContainers();
    await removeContext(ctx);
  });

  it("check.sh passes in a container built with testcontainers (target offline)", async () => {
    if (!ctx) throw new Error("no build context");
    image = await buildTarget(ctx, "offline");
    let container: StartedTestContainer | undefined;
    try {
      container = await startContainer(image, { memoryGb: 2, name: "offline" });
      const whoami = await execScript(container, "id -un", 60_000);
      expect(whoami.output.trim()).toBe(USERNAME);

      const result = await execScript(container, CHECK_SCRIPT, CHECK_TIMEOUT_MS);
      report("check.sh (testcontainers)", result.output);
      expect(result.output, "check.sh printed no summary line").toMatch(SUMMARY);
      expect(result.exitCode, `check.sh failed:\n${failures(result.output)}`).toBe(0);
    } finally {
      await stopContainer(container);
    }
  });

  it.skipIf(skipCompose)("check.sh passes through docker/compose.yaml", async () => {
    if (!ctx) throw new Error("no build context");
    if (!compose?.available) throw new Error(compose?.reason ?? "no compose");
    console.log(`[docker-suite] compose: ${compose.kind} ${compose.version}`);

    const projectName = `nixhome-${RUN_ID}`;
    const env = composeEnvironment(ctx, `${IMAGE_REPO}:offline-compose`);
    let started: StartedDockerComposeEnvironment | undefined;
    try {
      started = await new DockerComposeEnvironment(DOCKER_DIR, "compose.yaml")
        .withProjectName(projectName)
        .withEnvironment(env)
        .withBuild()
        .withPullPolicy(PullPolicy.defaultPolicy())
        .withClientOptions(compose.clientOptions)
        .withStartupTimeout(120_000)
        .up(["nixhome"]);

      // The service runs check.sh as its command and exits; testcontainers
      // only tracks running containers, so find it by its compose labels.
      const ps = await docker([
        "ps",
        "-aq",
        "--filter",
        `label=com.docker.compose.project=${projectName}`,
        "--filter",
        "label=com.docker.compose.service=nixhome",
      ]);
      const id = ps.stdout.trim().split(/\s+/)[0];
      expect(id, `no container for project ${projectName}: ${ps.stderr}`).toBeTruthy();
      if (!id) return;

      const memory = await docker(["inspect", "--format", "{{.HostConfig.Memory}}", id]);
      expect(Number(memory.stdout.trim()), "mem_limit of compose.yaml not applied").toBe(
        2 * 1024 ** 3,
      );

      const waited = await docker(["wait", id], CHECK_TIMEOUT_MS);
      expect(waited.code, `docker wait failed: ${waited.stderr}`).toBe(0);
      const exitCode = Number(waited.stdout.trim());
      const logs = await docker(["logs", id]);
      const output = `${logs.stdout}${logs.stderr}`;
      report("check.sh (compose)", output);
      expect(output, "check.sh printed no summary line").toMatch(SUMMARY);
      expect(exitCode, `check.sh failed under compose:\n${failures(output)}`).toBe(0);
    } finally {
      if (started) {
        await started.down({ removeVolumes: true, timeout: 0 }).catch((err: unknown) => {
          console.warn(`[docker-suite] compose down failed: ${(err as Error).message}`);
        });
      }
      // Belt and braces (also after a failed `up`): nothing of the project stays.
      await composeCli(
        compose,
        ["-f", "compose.yaml", "-p", projectName, "down", "-v", "--remove-orphans"],
        env,
      )
        .then((r) => {
          if (r.code !== 0) console.warn(`[docker-suite] compose down: ${tail(r.stderr, 5)}`);
        })
        .catch(() => undefined);
    }
  });
});

function failures(output: string): string {
  const lines = output.split("\n").filter((l) => l.startsWith("FAIL:"));
  return lines.length > 0 ? lines.join("\n") : tail(output, 40);
}
