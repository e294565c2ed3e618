/**
 * Installs as a user would: pack @nixhome/core and the create-* CLIs, install
 * the tarballs with npm into an empty prefix (empty private cache, offline —
 * none of them has a runtime dependency), then run the CLIs through `npm exec`
 * and `npm create`, and import core from a plain ESM project.
 */
import { existsSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  HAS_NIX,
  listFiles,
  type Manifest,
  npmExec,
  type Packed,
  pack,
  publicPackages,
  REPO_ROOT,
  readJson,
  run,
  scratch,
} from "./support.js";

const require = createRequire(import.meta.url);
/** What this file installs; @nixhome/plop needs its `plop` peer from the registry. */
const NAMES = ["@nixhome/core", "create-nix-home", "create-nix-devshell", "nixhome"];
const packages = publicPackages().filter((p) => NAMES.includes(p.manifest.name));

let area: Awaited<ReturnType<typeof scratch>>;
let prefix: string;
const tarballs: Packed[] = [];
let install: Awaited<ReturnType<typeof run>> | undefined;
const version = (name: string) =>
  packages.find((p) => p.manifest.name === name)?.manifest.version ?? "(unknown)";

beforeAll(async () => {
  area = await scratch("install");
  prefix = path.join(area.root, "prefix");
  await mkdir(prefix);
  // An empty, plain project: no "type", no lockfile, nothing installed.
  await writeFile(
    path.join(prefix, "package.json"),
    '{ "name": "user-project", "private": true }\n',
  );
  for (const p of packages) tarballs.push(await pack(p, path.join(area.root, "tarballs")));
  install = await run(
    "npm",
    ["install", "--prefix", prefix, "--no-package-lock", ...tarballs.map((t) => t.tarball)],
    { cwd: prefix, env: area.env },
  );
});
afterAll(() => area?.cleanup());

function installed() {
  expect(install?.code, install?.report).toBe(0);
}

describe("npm install of the packed tarballs (empty cache, offline)", () => {
  it("packs all four packages", () => {
    expect(tarballs.map((t) => t.manifest.name).sort()).toEqual([...NAMES].sort());
  });

  it("installs them, and nothing else: zero runtime dependencies", async () => {
    installed();
    const nm = path.join(prefix, "node_modules");
    const top: string[] = [];
    for (const e of await readdir(nm)) {
      if (e.startsWith(".")) continue;
      if (e.startsWith("@")) for (const s of await readdir(path.join(nm, e))) top.push(`${e}/${s}`);
      else top.push(e);
    }
    expect(top.sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      const m = readJson<Manifest>(path.join(nm, name, "package.json"));
      expect(m.version).toBe(version(name));
    }
  });
});

describe("@nixhome/core from a plain ESM project", () => {
  const value = {
    name: "nixhome",
    "user.email": "t@example.com",
    tags: ["a", "${b}", 'say "hi"\n'],
    n: 1.5,
    ok: true,
    nested: { empty: [], none: null },
  };

  it("imports by name and renders a value that Nix reads back exactly", async () => {
    installed();
    const script = `import { renderNix } from "@nixhome/core";
process.stdout.write(renderNix(JSON.parse(process.argv[1])));`;
    const r = await run(
      process.execPath,
      ["--input-type=module", "-e", script, JSON.stringify(value)],
      { cwd: prefix, env: area.env },
    );
    expect(r.code, r.report).toBe(0);
    expect(r.stdout).toContain('name = "nixhome";');
    expect(r.stdout).toContain('"user.email" = "t@example.com";');
    expect(r.stdout).toContain('"\\${b}"');
    if (HAS_NIX) {
      const e = await run("nix-instantiate", ["--eval", "--strict", "--json", "-E", r.stdout]);
      expect(e.code, e.report).toBe(0);
      expect(JSON.parse(e.stdout)).toEqual(value);
    }
  });

  it("type-checks in a TypeScript ESM consumer (NodeNext, strict, no skipLibCheck)", async () => {
    installed();
    const dir = path.join(prefix, "ts-consumer");
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, "consumer.mts"),
      `import { renderNix, toNix } from "@nixhome/core";
const text: string = renderNix({ a: [1, "x"], b: { c: true } });
const expr = toNix({ a: 1 });
export { text, expr };
`,
    );
    await writeFile(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "es2022",
          lib: ["es2023"],
          module: "nodenext",
          moduleResolution: "nodenext",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          // A Node library's consumer has Node's types (core's API takes and gives Buffers);
          // the monorepo's pinned @types/node stands in for the consumer's own.
          types: ["node"],
          typeRoots: [path.join(REPO_ROOT, "node_modules", "@types")],
        },
        files: ["consumer.mts"],
      }),
    );
    const tsc = require.resolve("typescript/bin/tsc");
    const r = await run(process.execPath, [tsc, "-p", dir], { cwd: dir, env: area.env });
    expect(r.code, r.report).toBe(0);
  });
});

describe("create-nix-home through npm", () => {
  it("`npm exec create-nix-home -- --yes --no-git --name … --email … <dir>` scaffolds a home", async () => {
    installed();
    const target = path.join(area.root, "my-home");
    const r = await npmExec(
      prefix,
      "create-nix-home",
      ["--yes", "--no-git", "--name", "Test User", "--email", "t@example.com", target],
      { cwd: area.home, env: area.env },
    );
    expect(r.code, r.report).toBe(0);
    const files = await listFiles(target);
    for (const f of [
      "flake.nix",
      "home.nix",
      "nixhome.json",
      "README.md",
      ".gitignore",
      "bootstrap.sh",
      "profiles/base.nix",
      "profiles/personal.nix",
    ]) {
      expect(files, `${f} in ${target}`).toContain(f);
    }
    expect(statSync(path.join(target, "hosts")).isDirectory()).toBe(true);
    expect(existsSync(path.join(target, ".git")), "--no-git").toBe(false);
    expect(statSync(path.join(target, "bootstrap.sh")).mode & 0o111).not.toBe(0);
    // Identity is data in nixhome.json; the layers read it from there.
    const spec = JSON.parse(await readFile(path.join(target, "nixhome.json"), "utf8"));
    expect(spec.user).toMatchObject({ name: "Test User", email: "t@example.com" });
    const nixFiles = files.filter((f) => f.endsWith(".nix"));
    const nixText = await Promise.all(nixFiles.map((f) => readFile(path.join(target, f), "utf8")));
    expect(nixText.join("\n")).toContain("nixhome.user.email");
    expect(nixText.join("\n")).toContain("nixhome.user.name");
    if (HAS_NIX) {
      for (const f of nixFiles) {
        const p = await run("nix-instantiate", ["--parse", path.join(target, f)]);
        expect(p.code, `${f} parses\n${p.report}`).toBe(0);
      }
    }
  });

  it("--version matches package.json", async () => {
    installed();
    const r = await npmExec(prefix, "create-nix-home", ["--version"], {
      cwd: area.home,
      env: area.env,
    });
    expect(r.code, r.report).toBe(0);
    expect(versionLine(r.stdout, "create-nix-home"), r.report).toBe(version("create-nix-home"));
  });
});

describe("create-nix-devshell through npm", () => {
  it("`npm exec create-nix-devshell -- --yes python` in a project adds a flake dev shell", async () => {
    installed();
    const project = path.join(area.root, "py-project");
    await mkdir(project);
    const r = await npmExec(prefix, "create-nix-devshell", ["--yes", "python"], {
      cwd: project,
      env: area.env,
    });
    expect(r.code, r.report).toBe(0);
    const flake = await readFile(path.join(project, "flake.nix"), "utf8");
    expect(flake.toLowerCase()).toContain("python");
    expect(await readFile(path.join(project, ".envrc"), "utf8")).toMatch(/^\s*use\s+flake\b/m);
    expect(await readFile(path.join(project, ".gitignore"), "utf8")).toMatch(/^\/?\.direnv\/?$/m);
    if (HAS_NIX) {
      const p = await run("nix-instantiate", ["--parse", path.join(project, "flake.nix")]);
      expect(p.code, p.report).toBe(0);
    }
  });

  it("--version matches package.json", async () => {
    installed();
    const r = await npmExec(prefix, "create-nix-devshell", ["--version"], {
      cwd: area.home,
      env: area.env,
    });
    expect(r.code, r.report).toBe(0);
    expect(versionLine(r.stdout, "create-nix-devshell"), r.report).toBe(
      version("create-nix-devshell"),
    );
  });
});

describe("nixhome through npm", () => {
  it("`npm exec nixhome -- doctor DIR` finds a renamed option (exit 1), `--fix` fixes it (exit 0)", async () => {
    installed();
    const config = path.join(area.root, "dotfiles");
    await mkdir(config);
    const file = path.join(config, "home.nix");
    await writeFile(file, '{ ... }:\n{\n  programs.git.userName = "Test User"; # me\n}\n');
    const check = await npmExec(prefix, "nixhome", ["doctor", config], {
      cwd: area.home,
      env: area.env,
    });
    expect(check.code, check.report).toBe(1);
    expect(check.stdout).toContain(
      "home.nix:3:16  programs.git.userName → programs.git.settings.user.name",
    );
    const fix = await npmExec(prefix, "nixhome", ["doctor", config, "--fix"], {
      cwd: area.home,
      env: area.env,
    });
    expect(fix.code, fix.report).toBe(0);
    expect(await readFile(file, "utf8")).toBe(
      '{ ... }:\n{\n  programs.git.settings.user.name = "Test User"; # me\n}\n',
    );
    if (HAS_NIX) {
      const p = await run("nix-instantiate", ["--parse", file]);
      expect(p.code, p.report).toBe(0);
    }
  });

  it("--version matches package.json", async () => {
    installed();
    const r = await npmExec(prefix, "nixhome", ["--version"], { cwd: area.home, env: area.env });
    expect(r.code, r.report).toBe(0);
    expect(versionLine(r.stdout, "nixhome"), r.report).toBe(version("nixhome"));
  });
});

describe("`npm create <x>` resolves to create-<x>", () => {
  // npm create nix-home ≡ npm exec create-nix-home: with the package installed in
  // the project, npm runs it from there (and `--no` forbids fetching anything).
  it.each([
    ["nix-home", "create-nix-home"],
    ["nix-devshell", "create-nix-devshell"],
  ])("npm create %s -- --version runs %s", async (short, full) => {
    installed();
    const r = await run("npm", ["create", "--no", short, "--", "--version"], {
      cwd: prefix,
      env: area.env,
    });
    expect(r.code, r.report).toBe(0);
    expect(versionLine(r.stdout, full), r.report).toBe(version(full));
  });
});

/** The version a `--version` run printed: a line `1.2.3`, `v1.2.3` or `<name> 1.2.3`. */
function versionLine(stdout: string, name: string): string | undefined {
  const re = new RegExp(
    `^(?:${name.replace(/[-/]/g, "\\$&")}(?:@|\\s+v?)|v)?(\\d+\\.\\d+\\.\\d+\\S*)$`,
  );
  for (const line of stdout.split("\n").map((l) => l.trim())) {
    const m = re.exec(line);
    if (m) return m[1];
  }
  return undefined;
}
