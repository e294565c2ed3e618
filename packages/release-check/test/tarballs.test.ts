/**
 * Package hygiene of every public package, checked on the tarball `pnpm pack`
 * makes (what `changeset publish` → `pnpm publish` uploads): only what users
 * need, a publishable manifest, publint clean, and for @nixhome/core types that
 * resolve for ESM importers (Are the Types Wrong, esm-only profile).
 */
import { readFile } from "node:fs/promises";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bins,
  isCreatePackage,
  type Manifest,
  normalize,
  PACKAGE_DIR,
  type Packed,
  pack,
  publicPackages,
  readJson,
  run,
  scratch,
} from "./support.js";

const require = createRequire(import.meta.url);
const packages = publicPackages();
const packed = new Map<string, Packed | Error>();
let area: Awaited<ReturnType<typeof scratch>>;

beforeAll(async () => {
  area = await scratch("tarballs");
  for (const pkg of packages) {
    try {
      packed.set(pkg.manifest.name, await pack(pkg, path.join(area.root, "tarballs")));
    } catch (e) {
      packed.set(pkg.manifest.name, e as Error);
    }
  }
});
afterAll(() => area?.cleanup());

function packedOf(name: string): Packed {
  const p = packed.get(name);
  if (!p) throw new Error(`${name} was not packed`);
  if (p instanceof Error) throw p;
  return p;
}

/** Files a published package may hold, besides what `allowedExtra` adds per package. */
const ALWAYS = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICEN[CS]E(\.md|\.txt)?$/,
  /^dist\/.+\.(js|mjs|d\.ts|d\.mts)$/,
];
/** Never published: source maps (none intended), tests, sources, build configs, stray dirs. */
const NEVER = [
  /\.map$/,
  // It grows with every release (the repository and the release notes keep it).
  /^CHANGELOG\.md$/,
  /(^|\/)(test|tests|__tests__|__golden__|fixtures|coverage|\.turbo|node_modules)\//,
  /\.(test|spec|bench)\.[cm]?[jt]s$/,
  /^src\//,
  /(^|\/)tsconfig[^/]*\.json$/,
  /(^|\/)(tsup|vitest|vite)\.config\./,
  /\.tsbuildinfo$/,
  /\.tgz$/,
];
/** Extra paths for packages that legitimately ship more than dist/. */
const allowedExtra: Record<string, RegExp[]> = {
  "@nixhome/plop": [/^templates\/.+/, /^plopfile\.[cm]?js$/],
  // `{"type":"commonjs"}`: the one-file CLIs are CommonJS (they start faster than an ES module).
  "create-nix-home": [/^dist\/package\.json$/],
  "create-nix-devshell": [/^dist\/package\.json$/],
};

const REPO_URL = "git+https://github.com/nixhome/nixhome.git";
/** Packages that must install with nothing else: the CLIs (bundled) and core. */
const ZERO_DEPS = new Set(["@nixhome/core", "create-nix-home", "create-nix-devshell", "nixhome"]);

describe("the release set", () => {
  it("has the three packages of the first release", () => {
    const names = packages.map((p) => p.manifest.name);
    expect(names).toEqual(
      expect.arrayContaining(["@nixhome/core", "create-nix-home", "create-nix-devshell"]),
    );
  });

  it("is built before these checks: every public package is a devDependency here", () => {
    // turbo orders `build` of dependencies before this package's `test` and `bench`.
    const own = readJson<Manifest>(path.join(PACKAGE_DIR, "package.json"));
    const missing = packages
      .map((p) => p.manifest.name)
      .filter((n) => own.devDependencies?.[n] !== "workspace:*");
    expect(missing, `add to packages/release-check devDependencies as "workspace:*"`).toEqual([]);
  });
});

describe.each(packages.map((p) => [p.manifest.name, p] as const))("%s", (name, pkg) => {
  it("packs with pnpm", () => {
    packedOf(name);
  });

  it("tarball holds only what users need", () => {
    const { entries } = packedOf(name);
    const files = entries.filter((e) => e.type === "file").map((e) => e.path);
    const allowed = [...ALWAYS, ...(allowedExtra[name] ?? [])];
    const unexpected = files.filter((f) => !allowed.some((r) => r.test(f)));
    const forbidden = files.filter((f) => NEVER.some((r) => r.test(f)));
    expect(unexpected, `files outside the allow-list in ${name}`).toEqual([]);
    expect(forbidden, `files that must never be published in ${name}`).toEqual([]);
    expect(files).toContain("package.json");
    expect(files, "the npm page needs a README").toContain("README.md");
    expect(
      files.some((f) => f.startsWith("dist/")),
      "dist/ is missing: build first",
    ).toBe(true);
  });

  it("packed manifest is publishable", () => {
    const m = packedOf(name).manifest;
    const problems: string[] = [];
    if (!m.files?.length) problems.push("`files` is missing: it decides what ships");
    if (!/^\d+\.\d+\.\d+/.test(m.version)) problems.push(`version ${m.version} is not semver`);
    if (!m.license) problems.push("`license` is missing");
    if (!m.engines?.node) problems.push("`engines.node` is missing");
    if (m.type !== "module") problems.push('`type` must be "module"');
    // npm provenance is refused unless repository.url names the repo the workflow runs in.
    const repo = typeof m.repository === "string" ? { url: m.repository } : m.repository;
    if (repo?.url !== REPO_URL) problems.push(`repository.url must be ${REPO_URL}`);
    if (repo?.directory !== pkg.rel) problems.push(`repository.directory must be ${pkg.rel}`);
    if (name.startsWith("@") && m.publishConfig?.access !== "public") {
      problems.push("a scoped package needs publishConfig.access = public");
    }
    const ranges = { ...m.dependencies, ...m.peerDependencies, ...m.optionalDependencies };
    for (const [dep, range] of Object.entries({ ...ranges, ...m.devDependencies })) {
      if (/^(workspace|link|file|portal|catalog):/.test(range)) {
        problems.push(`${dep}@${range} would be published as is`);
      }
    }
    // The CLIs bundle everything; core needs nothing at run time either.
    if (ZERO_DEPS.has(name) && Object.keys(ranges).length > 0) {
      problems.push(`runtime dependencies: ${Object.keys(ranges).join(", ")} (expected none)`);
    }
    if (m.bundleDependencies || m.bundledDependencies) problems.push("bundleDependencies set");
    expect(problems).toEqual([]);
  });

  it("publint is clean (warnings count as errors)", async () => {
    const { tarball } = packedOf(name);
    const data = await readFile(tarball);
    const buf = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    const { messages, pkg: manifest } = await publint({
      pack: { tarball: buf as ArrayBuffer },
      strict: true,
    });
    const shown = messages.map(
      (m) => `${m.type}: ${formatMessage(m, manifest, { color: false }) ?? m.code}`,
    );
    expect(shown).toEqual([]);
  });

  it("code imports only Node built-ins and declared dependencies", () => {
    const { entries, manifest } = packedOf(name);
    // Node built-ins, plus whatever the manifest declares for run time (none for ZERO_DEPS).
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    const allowed = new Set([...builtinModules, ...declared]);
    const bare = (s: string) =>
      s
        .split("/")
        .slice(0, s.startsWith("@") ? 2 : 1)
        .join("/");
    const bad: string[] = [];
    for (const e of entries) {
      if (e.type !== "file" || !/\.[cm]?js$/.test(e.path)) continue;
      const src = e.data.toString("utf8");
      const specs = [
        ...src.matchAll(/^\s*(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']/gm),
        ...src.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
        ...src.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
        ...src.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
      ].map((m) => m[1] ?? "");
      for (const s of specs) {
        if (s.startsWith(".") || s.startsWith("node:") || allowed.has(bare(s))) continue;
        bad.push(`${e.path}: ${s}`);
      }
    }
    expect(bad, "bundle these (tsup noExternal) or declare them as dependencies").toEqual([]);
  });

  if (isCreatePackage(pkg)) {
    it("is named for `npm create`: create-<x> with a bin of the same name", () => {
      const { manifest, entries } = packedOf(name);
      expect(manifest.name).toMatch(/^create-[a-z0-9-]+$/);
      const b = bins(manifest);
      // `npm create nix-home` runs the bin named like the package, create-nix-home.
      expect(Object.keys(b)).toContain(manifest.name);
      const target = normalize(b[manifest.name] ?? "");
      const file = entries.find((e) => e.path === target);
      expect(file, `bin ${target} is not in the tarball`).toBeDefined();
      expect(file?.data.subarray(0, 64).toString("utf8")).toMatch(/^#!\/usr\/bin\/env node\r?\n/);
    });
  }

  if (name === "@nixhome/core") {
    it("Are the Types Wrong: types resolve for ESM importers (esm-only profile)", async () => {
      const { tarball } = packedOf(name);
      const cliPkg = require.resolve("@arethetypeswrong/cli/package.json");
      const attw = path.join(
        path.dirname(cliPkg),
        readJson<{ bin: { attw: string } }>(cliPkg).bin.attw,
      );
      const args = [attw, tarball, "--profile", "esm-only", "--no-color", "--no-emoji"];
      const table = await run(process.execPath, [...args, "--format", "table-flipped"]);
      expect(table.code, table.report).toBe(0);
      const json = await run(process.execPath, [...args, "--format", "json"]);
      expect(json.code, json.report).toBe(0);
      const { analysis } = JSON.parse(json.stdout) as {
        analysis: {
          entrypoints: Record<
            string,
            { resolutions: Record<string, { resolution?: { fileName: string } }> }
          >;
          problems: { resolutionKind?: string; kind: string; entrypoint?: string }[];
        };
      };
      const esmKinds = ["node16-esm", "bundler"];
      const root = analysis?.entrypoints?.["."];
      expect(root, `no "." entrypoint in attw's analysis\n${json.report}`).toBeDefined();
      for (const kind of esmKinds) {
        expect(root?.resolutions[kind]?.resolution?.fileName, kind).toMatch(/\.d\.ts$/);
      }
      const esmProblems = analysis.problems.filter(
        (p) => !p.resolutionKind || esmKinds.includes(p.resolutionKind),
      );
      expect(esmProblems).toEqual([]);
    });
  }
});
