// --cache URL --cache-key KEY: the binary cache lands in nixhome.json (where CI
// and bootstrap.sh read it); half of it, or a malformed one, is refused in one
// line with nothing written.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tmp } from "./support.js";

const KEY = "fleet-test-1:MtxQVo64yq59k1PUVKsft/yQNXVebz8LZ/ZFqnEtOMA=";
const BASE = ["--yes", "--no-git", "--template", "none"];

describe("create-nix-home --cache", () => {
  it("writes the cache into nixhome.json, and the workflows beside it", () => {
    const cwd = tmp();
    const r = cli([...BASE, "--cache", "https://alice.cachix.org", "--cache-key", KEY], { cwd });
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(cwd, "home-manager", "nixhome.json"), "utf8"));
    expect(json.cache).toEqual({ url: "https://alice.cachix.org", publicKey: KEY });
    expect(existsSync(join(cwd, "home-manager", ".github/workflows/ci.yml"))).toBe(true);
    expect(existsSync(join(cwd, "home-manager", ".github/workflows/update-flake-lock.yml"))).toBe(
      true,
    );
  });

  it("without --cache: no cache key at all, the workflows still there", () => {
    const cwd = tmp();
    const r = cli(BASE, { cwd });
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(cwd, "home-manager", "nixhome.json"), "utf8"));
    expect(json.cache).toBeUndefined();
    expect(existsSync(join(cwd, "home-manager", ".github/workflows/ci.yml"))).toBe(true);
  });

  for (const [label, args, message] of [
    [
      "--cache alone",
      ["--cache", "https://alice.cachix.org"],
      "--cache and --cache-key go together",
    ],
    ["--cache-key alone", ["--cache-key", KEY], "--cache and --cache-key go together"],
    ["a key that is not one", ["--cache", "s3://bucket", "--cache-key", "nope"], "--cache-key:"],
    ["a URL with a space", ["--cache", "https://a b", "--cache-key", KEY], "--cache:"],
  ] as const)
    it(`refuses ${label} in one line, writing nothing`, () => {
      const cwd = tmp();
      const r = cli([...BASE, ...args], { cwd });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(existsSync(join(cwd, "home-manager"))).toBe(false);
    });
});
