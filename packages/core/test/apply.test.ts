import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyPlan, type FilePlan, mergeLines, planChanges } from "../src/index.js";

const tmp = () => mkdtempSync(join(tmpdir(), "nixhome-apply-"));
const plan: FilePlan = [
  { path: "flake.nix", content: "{ }\n" },
  { path: "profiles/base.nix", content: "{ }\n" },
  { path: "bootstrap.sh", content: "#!/bin/sh\n", mode: 0o755 },
  { path: ".gitignore", content: "# nixhome\nresult\n.direnv/\n", merge: "lines" },
];
const listing = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();

describe("applyPlan", () => {
  it("creates the target and every file with its mode", () => {
    const dir = join(tmp(), "new", "home");
    const r = applyPlan(plan, dir);
    expect(r.written).toHaveLength(4);
    expect(readFileSync(join(dir, "profiles/base.nix"), "utf8")).toBe("{ }\n");
    expect(statSync(join(dir, "bootstrap.sh")).mode & 0o777).toBe(0o755);
    expect(statSync(join(dir, "flake.nix")).mode & 0o777).toBe(0o644);
    expect(listing(dir).some((p) => p.includes("staging"))).toBe(false);
  });
  it("is idempotent: a second run changes nothing", () => {
    const dir = tmp();
    applyPlan(plan, dir);
    const again = applyPlan(plan, dir);
    expect(again.written).toEqual([]);
    expect(again.changes.every((c) => c.kind === "unchanged")).toBe(true);
  });
  it("refuses to overwrite a user's file, writing nothing at all", () => {
    const dir = tmp();
    writeFileSync(join(dir, "flake.nix"), "# mine\n");
    expect(() => applyPlan(plan, dir)).toThrow(/flake.nix already exists .* use --force/);
    expect(listing(dir)).toEqual(["flake.nix"]);
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toBe("# mine\n");
  });
  it("--force overwrites only our files and keeps a .bak when asked", () => {
    const dir = tmp();
    writeFileSync(join(dir, "flake.nix"), "# mine\n");
    writeFileSync(join(dir, "notes.txt"), "keep\n");
    const r = applyPlan(plan, dir, { force: true, backup: true });
    expect(r.backups).toEqual(["flake.nix.bak"]);
    expect(readFileSync(join(dir, "flake.nix.bak"), "utf8")).toBe("# mine\n");
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("keep\n");
  });
  it("merges .gitignore lines once", () => {
    const dir = tmp();
    writeFileSync(join(dir, ".gitignore"), "node_modules\n.direnv/\n");
    applyPlan(plan, dir);
    applyPlan(plan, dir);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe(
      "node_modules\n.direnv/\n\n# nixhome\nresult\n",
    );
  });
  it("refuses a target that is a file", () => {
    const f = join(tmp(), "file");
    writeFileSync(f, "x");
    expect(() => applyPlan(plan, f)).toThrow(/exists and is not a directory/);
  });
  it("refuses a symlink leading outside the target", () => {
    const dir = tmp();
    const outside = tmp();
    symlinkSync(join(outside, "ignore"), join(dir, ".gitignore"));
    writeFileSync(join(outside, "ignore"), "x\n");
    expect(() => applyPlan(plan, dir)).toThrow(/symlink leading outside/);
    expect(readFileSync(join(outside, "ignore"), "utf8")).toBe("x\n");
    expect(existsSync(join(dir, "flake.nix"))).toBe(false);
  });
  it("refuses a read-only directory", () => {
    const dir = join(tmp(), "readonly");
    mkdirSync(dir);
    chmodSync(dirname(dir), 0o755);
    chmodSync(dir, 0o555);
    if (process.getuid?.() !== 0) {
      expect(() => applyPlan(plan, dir)).toThrow(/permission denied/);
      return;
    }
    // Root ignores permission bits: run the built library as `nobody` instead.
    const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const script = `import { applyPlan } from ${JSON.stringify(dist)};
      try { applyPlan(${JSON.stringify(plan)}, ${JSON.stringify(dir)}); console.log("wrote"); }
      catch (e) { console.log(e.message); }`;
    const r = spawnSync(
      "setpriv",
      [
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        process.execPath,
        "--input-type=module",
        "-e",
        script,
      ],
      { encoding: "utf8" },
    );
    expect(r.stdout.trim()).toMatch(/^cannot write to .*: permission denied$/);
    expect(readdirSync(dir)).toEqual([]);
  });
  it("rolls back when a rename fails half-way", () => {
    const dir = tmp();
    // `profiles` is a file, so profiles/base.nix cannot be created.
    mkdirSync(join(dir, "x"));
    writeFileSync(join(dir, "profiles"), "oops");
    expect(() => applyPlan(plan, dir)).toThrow(/profiles is a file/);
    expect(listing(dir)).toEqual(["profiles", "x"]);
  });
  it("reports changes without writing", () => {
    const dir = tmp();
    const changes = planChanges(plan, dir);
    expect(changes.map((c) => c.kind)).toEqual(["create", "create", "create", "create"]);
    expect(listing(dir)).toEqual([]);
  });
  it("mergeLines keeps user content", () => {
    expect(mergeLines("", "# h\na\n")).toBe("# h\na\n");
    expect(mergeLines("a", "# h\na\nb\n")).toBe("a\n\n# h\nb\n");
  });
  it("replaces a file it read when it is unchanged, and refuses when it changed meanwhile", () => {
    const dir = tmp();
    writeFileSync(join(dir, "nixhome.json"), "{}\n");
    const edit: FilePlan = [{ path: "nixhome.json", content: '{"a":1}\n', replaces: "{}\n" }];
    expect(applyPlan(edit, dir).written).toEqual(["nixhome.json"]);
    writeFileSync(join(dir, "nixhome.json"), '{"hand":"edit"}\n');
    expect(() => applyPlan(edit, dir)).toThrow(/nixhome.json in .* changed since it was read/);
    expect(readFileSync(join(dir, "nixhome.json"), "utf8")).toBe('{"hand":"edit"}\n');
  });
});
