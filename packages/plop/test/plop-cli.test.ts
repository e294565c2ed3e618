/** The generators driven through the real plop CLI, non-interactively (bypass arguments). */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { applyPlan, renderHome } from "@nixhome/core";
import { expect, it } from "vitest";
import { spec } from "./fixture.js";

const plopBin = fileURLToPath(new URL("../node_modules/plop/bin/plop.js", import.meta.url));
const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "nixhome-plopcli-"));
  applyPlan(renderHome({ ...spec, plop: false }), dir);
  // What create-nix-home writes loads the published package; here: the built one.
  writeFileSync(
    join(dir, "plopfile.js"),
    `import generators from ${JSON.stringify(dist)};\nexport default (plop) => generators(plop);\n`,
  );
  return dir;
}
const plop = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [plopBin, "--plopfile", join(dir, "plopfile.js"), ...args], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

it("plop profile <name> <purpose> <packages> <hosts> runs without prompting", () => {
  const dir = repo();
  const r = plop(dir, "profile", "gaming", "Games and launchers", "prismlauncher", "laptop");
  expect(r.status, r.stderr + r.stdout).toBe(0);
  expect(existsSync(join(dir, "profiles/gaming.nix"))).toBe(true);
  const spec = JSON.parse(readFileSync(join(dir, "nixhome.json"), "utf8"));
  expect(spec.hosts.laptop.layers).toContain("gaming");
});

it("named flags work too: plop host -- --name x --system …", () => {
  const dir = repo();
  const r = plop(
    dir,
    "host",
    "--",
    "--name",
    "desktop",
    "--system",
    "x86_64-linux",
    "--username",
    "",
    "--home",
    "",
    "--layers",
    "base,personal",
  );
  expect(r.status, r.stderr + r.stdout).toBe(0);
  expect(existsSync(join(dir, "hosts/desktop.nix"))).toBe(true);
});

it("a bad name fails with one clear line and a non-zero exit, writing nothing", () => {
  const dir = repo();
  const before = readFileSync(join(dir, "nixhome.json"), "utf8");
  const r = plop(dir, "profile", "Bad Name", "", "", "laptop");
  expect(r.status).not.toBe(0);
  expect(r.stderr + r.stdout).toMatch(/"Bad Name" is not a valid layer name/);
  expect(readFileSync(join(dir, "nixhome.json"), "utf8")).toBe(before);
  const dup = plop(dir, "template", "rust");
  expect(dup.status).not.toBe(0);
  expect(dup.stderr + dup.stdout).toMatch(/template rust already exists/);
});
