/**
 * The rename data (src/doctor/renames.json) against its generator
 * (scripts/gen-renames.mjs). With the Home Manager mirror and hm-eval present
 * (a developer machine) the data is regenerated and must be identical; CI has
 * no mirror, so there the test checks what it can without it — the data's
 * integrity hash, that chains end, that it names its HM commit — and says in
 * its name that the full regeneration check needs the mirror.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixSource, renameData } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const HM_GIT = process.env.HM_GIT ?? "/work/.mirror/nix-community+home-manager/repo";
const HM_EVAL = process.env.HM_EVAL ?? "/work/shared/hm-eval";
const HAS_MIRROR = existsSync(HM_GIT) && existsSync(join(HM_EVAL, "setup"));

describe("rename data", () => {
  it("matches its own integrity hash (edited by hand = regenerate it)", () => {
    const { sha256, ...rest } = renameData;
    expect(createHash("sha256").update(JSON.stringify(rest)).digest("hex")).toBe(sha256);
  });

  it("records the Home Manager commit it was generated from", () => {
    expect(renameData.source.homeManager.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(renameData.source.homeManager.repository).toBe("nix-community/home-manager");
  });

  it("has chains followed to their end: no rename lands on another rename's old path", () => {
    const from = new Set(renameData.options.map((o) => o.from.join(".")));
    const dangling = renameData.options.filter((o) => o.to && from.has(o.to.join(".")));
    expect(dangling).toEqual([]);
  });

  it("knows the renames the seed's plan needs, and submodule ones made absolute", () => {
    const find = (p: string) => renameData.options.find((o) => o.from.join(".") === p);
    expect(find("programs.git.userName")?.to).toEqual([
      "programs",
      "git",
      "settings",
      "user",
      "name",
    ]);
    expect(find("programs.git.extraConfig")?.to).toEqual(["programs", "git", "settings"]);
    expect(find("services.gpg-agent.pinentryPackage")?.to).toEqual([
      "services",
      "gpg-agent",
      "pinentry",
      "package",
    ]);
    const sub = renameData.options.filter((o) => o.parent);
    expect(sub.length).toBeGreaterThan(5);
    for (const o of sub) expect(o.from.slice(0, o.parent?.length)).toEqual(o.parent);
    expect(renameData.counts).toEqual({
      renamed: renameData.options.filter((o) => o.kind === "renamed").length,
      removed: renameData.options.filter((o) => o.kind === "removed").length,
      changed: renameData.options.filter((o) => o.kind === "changed" || o.kind === "merged").length,
      packages: renameData.packages.length,
      values: renameData.values.length,
      valuesStatic: renameData.values.filter((v) => v.option && v.message).length,
      remaps: renameData.remaps.length,
    });
  });

  it("every old path in the data is found when a module sets it (the analysis reads all of it)", () => {
    const simple = renameData.options.filter(
      (o) => !o.from.some((x) => x === "<name>" || x === "*"),
    );
    for (const o of simple) {
      const path = o.from.map((x) => JSON.stringify(x)).join(".");
      const { analysis } = fixSource(`{ home.username = "u"; ${path} = null; }\n`);
      expect(
        analysis.findings.map((f) => f.from),
        path,
      ).toContain(
        o.from.map((x) => (/^[A-Za-z_][A-Za-z0-9_'-]*$/.test(x) ? x : JSON.stringify(x))).join("."),
      );
    }
  });

  it(
    HAS_MIRROR
      ? "is exactly what scripts/gen-renames.mjs generates from the Home Manager mirror"
      : "full regeneration check needs the Home Manager mirror and hm-eval (absent here): integrity checked above instead",
    () => {
      if (!HAS_MIRROR) {
        expect(existsSync(HM_GIT)).toBe(false);
        return;
      }
      const out = execFileSync(
        "node",
        [join(here, "..", "scripts", "gen-renames.mjs"), "--check"],
        { encoding: "utf8" },
      );
      expect(out).toMatch(/is what the script generates/);
    },
  );
});
