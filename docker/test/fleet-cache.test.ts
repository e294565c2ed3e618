/**
 * Tier 3: a new machine from a binary cache, offline.
 *
 * In the `offline` image (Debian's Nix 2.8, node, the packed create-nix-home)
 * docker/fleet/fleet-cache.sh plays CI — generate a home with --cache, build a
 * stand-in generation with Debian's Nix, sign it with a key from
 * `nix key generate-secret`, `nix copy` it to a file:// cache, write the build
 * record — then provisions a fresh non-root user with the generated
 * bootstrap.sh: the generation's files land, the cache path is taken with no
 * evaluation, a cache signed by another key is refused, a stale record falls
 * back to evaluate-and-switch; with a nix-daemon, an untrusted user is told the
 * one command that trusts the cache, and after it the cache path works.
 *
 * What the stand-in does NOT prove: Home Manager's real activation (its
 * `activate` only drops files in $HOME). Tier 2 (network) does the real switch.
 */
import path from "node:path";
import type { StartedTestContainer } from "testcontainers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertRuntime,
  buildTarget,
  DOCKER_DIR,
  ensureBaseImage,
  prepareContext,
  probeDocker,
  removeContext,
  removeLeftoverContainers,
  shouldSkip,
  startContainer,
  stopContainer,
  tail,
  withTimeout,
} from "./runtime.js";

const SUMMARY = /^check: (\d+) passed, (\d+) failed$/m;
const BENCH = /^bench: (\{.*\})$/m;

const probe = await probeDocker();
const skipSuite = shouldSkip(probe, "tier 3 (fleet cache)");

describe.skipIf(skipSuite)(
  "tier 3: a fresh user provisioned from a signed binary cache, offline",
  () => {
    let ctx: string | undefined;
    let container: StartedTestContainer | undefined;

    beforeAll(async () => {
      assertRuntime(probe);
      await ensureBaseImage();
      ctx = await prepareContext();
    });

    afterAll(async () => {
      await stopContainer(container);
      await removeLeftoverContainers();
      await removeContext(ctx);
    });

    it("fleet-cache.sh passes: cache path with no evaluation, wrong key refused, stale record falls back, untrusted user told the fix", async () => {
      if (!ctx) throw new Error("no build context");
      const image = await buildTarget(ctx, "offline");
      container = await startContainer(image, { memoryGb: 2, name: "fleet" });
      await container.copyDirectoriesToContainer([
        { source: path.join(DOCKER_DIR, "fleet"), target: "/opt/fleet" },
      ]);
      const r = await withTimeout(
        container.exec(["bash", "/opt/fleet/fleet-cache.sh"], { user: "root" }),
        15 * 60_000,
        "fleet-cache.sh",
      );
      console.log(`----- fleet-cache.sh -----\n${r.output.trimEnd()}\n----- end -----`);
      expect(r.output, "fleet-cache.sh printed no summary").toMatch(SUMMARY);
      const failed = r.output.split("\n").filter((l) => l.startsWith("FAIL:"));
      expect(failed, tail(r.output, 40)).toEqual([]);
      expect(r.exitCode).toBe(0);
      const bench = JSON.parse((BENCH.exec(r.output) as RegExpExecArray)[1] as string);
      expect(bench.seconds).toBeGreaterThan(0);
      expect(bench.bytesFromCache).toBeGreaterThan(0);
      expect(bench.paths).toBe(2);
    });
  },
);
