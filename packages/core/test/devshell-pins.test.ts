/**
 * Pins, package managers, subprojects, toolchain files, BEAM sets, services and the
 * `.gitignore` decision (issue 12). Real Nix parses every flake shape added here and
 * shellcheck reads every service command.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import ignore from "ignore";
import { describe, expect, it } from "vitest";
import {
  applyGitignoreInserts,
  applyPlan,
  composeShell,
  detectProject,
  findPreset,
  gitignoreInserts,
  gitignoreMatcher,
  jsonPath,
  type Preset,
  parseMiseTools,
  parseToolVersions,
  planChanges,
  planGitignore,
  presets,
  renderDevShell,
  satisfyingKey,
  type VersionKnob,
} from "../src/index.js";
import { describeNix, nixParseText } from "./support/nix.js";

function tmp(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "nixhome-pins-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
const preset = (id: string) => findPreset(id) as Preset;
const node: VersionKnob = {
  flag: "node",
  default: "24",
  attrs: { "22": "a", "24": "b", "26": "c" },
};
const python: VersionKnob = {
  flag: "python",
  default: "3.13",
  attrs: { "3.11": "a", "3.12": "b", "3.13": "c", "3.14": "d" },
};
const elixir: VersionKnob = {
  flag: "elixir",
  default: "1.19",
  attrs: { "1.18": "a", "1.19": "b", "1.20": "c" },
};

describe("satisfyingKey", () => {
  it.each([
    ["^20.19.0 || >=22.12.0", "24"],
    [">=18", "24"],
    ["<23", "22"],
    ["22.x", "22"],
    ["^22.3.0", "22"],
    ["~26.1", "26"],
    [">=22 <24", "22"],
    ["20.x", null],
    ["*", "24"],
    ["18 - 22", "22"],
  ])("node range %s → %s", (range, want) =>
    expect(satisfyingKey(node, range, "range")?.key ?? null).toBe(want),
  );
  it.each([
    [">=3.10", "3.13"],
    [">=3.11,<3.13", "3.12"],
    ["~=3.11", "3.13"],
    ["==3.12.*", "3.12"],
    ["<3.11", null],
    [">=3.14", "3.14"],
  ])("python range %s → %s", (range, want) =>
    expect(satisfyingKey(python, range, "range")?.key ?? null).toBe(want),
  );
  it.each([
    ["~> 1.15", "1.19"],
    ["~> 1.18.3", "1.18"],
    ["== 1.20.0", "1.20"],
  ])("elixir range %s → %s", (range, want) =>
    expect(satisfyingKey(elixir, range, "range")?.key ?? null).toBe(want),
  );
  it("reads exact pins to their line and says when the pin names a patch release", () => {
    expect(satisfyingKey(node, "v22.11.0", "exact")).toEqual({ key: "22", finer: true });
    expect(satisfyingKey(node, "22", "exact")).toEqual({ key: "22", finer: false });
    expect(satisfyingKey(python, "3.12.4", "line")).toEqual({ key: "3.12", finer: false });
    expect(satisfyingKey(python, "temurin-3.12", "exact")?.key).toBe("3.12");
    expect(satisfyingKey(python, "3.9.18", "exact")).toBeNull();
    expect(satisfyingKey(python, "1.25", "minimum")).toEqual({ key: "3.13", finer: false });
  });
});

describe("pin files", () => {
  it("reads .tool-versions and mise.toml [tools]", () => {
    expect(parseToolVersions("nodejs 22.3.0 20.1.0\n# c\nerlang 27.3\npython system\n")).toEqual(
      new Map([
        ["nodejs", "22.3.0"],
        ["erlang", "27.3"],
      ]),
    );
    const mise = parseMiseTools(
      '[env]\nnode = "no"\n[tools]\nnode = "22"\npython = ["3.12", "3.11"]\ngo = { version = "1.27" }\n"npm:x" = "1"\n[tasks]\nzig = "0.15"\n',
    );
    expect(mise).toEqual(
      new Map([
        ["node", "22"],
        ["python", "3.12"],
        ["go", "1.27"],
      ]),
    );
  });
  it("reads JSON paths, with a [name=…] selector for devEngines", () => {
    const pkg = '{"devEngines":{"runtime":[{"name":"bun"},{"name":"node","version":">=22"}]}}';
    expect(jsonPath(pkg, "devEngines.runtime[name=node].version")).toBe(">=22");
    expect(jsonPath("{broken", "engines.node")).toBeNull();
  });
  it("gives the project's own file precedence over the tool managers, and those over manifests", () => {
    const dir = tmp({
      "package.json": '{"name":"x","engines":{"node":">=26"}}',
      ".tool-versions": "nodejs 24.1.0\n",
      ".nvmrc": "22\n",
    });
    expect(detectProject(dir).presets[0]?.version).toBe("22");
  });
});

describe("composition", () => {
  it("swaps the package manager and keeps one of each package", () => {
    const npm = composeShell([{ preset: preset("node"), tool: "npm" }]);
    expect(npm.packages).not.toContain("pnpm");
    expect(composeShell([{ preset: preset("node"), tool: "yarn" }]).packages).toContain("yarn");
    expect(composeShell([{ preset: preset("node") }]).packages).toContain("pnpm");
    expect(() => composeShell([{ preset: preset("node"), tool: "bower" }])).toThrow(
      /no package manager bower/,
    );
  });
  it("puts Elixir and Erlang in one OTP set, and refuses an Elixir without one", () => {
    const shell = composeShell([
      { preset: preset("elixir") },
      { preset: preset("erlang"), version: "27" },
    ]);
    expect(shell.packages.filter((p) => /erlang$/.test(p))).toEqual(["beam27Packages.erlang"]);
    expect(shell.packages).toContain("beam27Packages.elixir_1_19");
    expect(shell.packages).toContain("beam27Packages.rebar3");
    expect(() =>
      composeShell([{ preset: preset("elixir") }, { preset: preset("erlang"), version: "29" }]),
    ).toThrow(/--erlang 29 has none/);
    expect(composeShell([{ preset: preset("erlang"), version: "29" }]).packages[0]).toBe(
      "beam.interpreters.erlang_29",
    );
  });
  it("points hooks and watch lines into subprojects, and refuses unsafe folder names", () => {
    const shell = composeShell([{ preset: preset("python"), dirs: ["api", "worker"] }]);
    expect(shell.shellHook).toContain('"$project_root/api/.venv"');
    expect(shell.shellHook).toContain('"$project_root/worker/.venv"');
    expect(shell.watch).toContain("api/pyproject.toml");
    expect(() => composeShell([{ preset: preset("node"), dirs: ["$(rm -rf ~)"] }])).toThrow(
      /unsafe/,
    );
  });
  it("skips subfolders whose names are not plain", () => {
    const dir = tmp({ "a b/go.mod": "module x\n", "$(x)/go.mod": "module x\n" });
    expect(detectProject(dir).presets).toEqual([]);
  });
});

describe("hooks run from a subfolder", () => {
  // mkShell runs shellHook in bash; `nix develop` in a subfolder finds the flake above it.
  const run = (hook: string, cwd: string, echo: string) =>
    spawnSync("bash", ["--noprofile", "--norc", "-c", `${hook}\necho "${echo}"`], {
      cwd,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: cwd },
    });
  it("use the folder holding flake.nix (or .envrc, or .git), not the current one", () => {
    const proj = tmp({ "flake.nix": "{ }\n", "src/app/x.ts": "" });
    const node = composeShell([{ preset: preset("node") }]).shellHook;
    const fromSub = run(node, join(proj, "src", "app"), "$project_root|$PATH");
    expect(fromSub.stderr).toBe("");
    expect(fromSub.stdout.trim().split("|")[0]).toBe(proj);
    expect(fromSub.stdout).toContain(`|${proj}/node_modules/.bin:`);
    const pg = composeShell([{ preset: preset("postgres") }]).shellHook;
    const port = (cwd: string) => run(pg, cwd, "$PGDATA $PGPORT").stdout.trim();
    expect(port(join(proj, "src"))).toBe(port(proj));
    expect(port(proj)).toMatch(new RegExp(`^${proj}/\\.pgdata 54\\d{3}$`));

    const repo = tmp({ ".git/HEAD": "ref: refs/heads/main\n", "lib/deep/y.py": "" });
    expect(run(node, join(repo, "lib", "deep"), "$project_root").stdout.trim()).toBe(repo);
    // direnv's folder: a home-repo shell loaded by packages/api/.envrc in a monorepo.
    const mono = tmp({ ".git/HEAD": "x\n", "packages/api/.envrc": "use flake ~/h#python\n" });
    const api = join(mono, "packages", "api");
    expect(run(node, join(api), "$project_root").stdout.trim()).toBe(api);
    expect(run(node, join(mono, "packages"), "$project_root").stdout.trim()).toBe(mono);
  });
  it("keep $PWD when nothing above marks a project", () => {
    const dir = tmp({ "a/b/z.txt": "" });
    let up = dir;
    let marked = false;
    while (dirname(up) !== up) {
      up = dirname(up);
      marked ||= ["flake.nix", ".git"].some(
        (m) => spawnSync("test", ["-e", join(up, m)]).status === 0,
      );
    }
    if (marked) return; // the temporary folder sits inside a project: nothing to show here
    const node = composeShell([{ preset: preset("node") }]).shellHook;
    expect(run(node, join(dir, "a", "b"), "$project_root").stdout.trim()).toBe(join(dir, "a", "b"));
  });
  it("leave hooks without $project_root as they are", () => {
    const go = composeShell([{ preset: preset("go") }]).shellHook;
    expect(go).not.toContain("project_root");
  });
});

describe("planGitignore (git's matching)", () => {
  it.each([
    ["/target\n", "target/"],
    ["target\n", "target/"],
    ["**/node_modules/\n", "node_modules/"],
    ["node_modules\n", "node_modules/"],
    ["*\n!src/\n", ".venv/"],
  ])("%j already ignores %s", (existing, line) => {
    expect(planGitignore(existing, [line])).toEqual({
      append: [],
      prepend: [],
      skipped: [{ line, why: "already ignored" }],
    });
  });
  it("appends what is not ignored, once", () => {
    expect(planGitignore("dist/\n", [".direnv/", ".venv/", ".direnv/"]).append).toEqual([
      ".direnv/",
      ".venv/",
    ]);
    expect(planGitignore(null, [".direnv/"]).append).toEqual([".direnv/"]);
  });
  it("puts a line before a negation it would undo (vite's node_modules rule)", () => {
    const existing = "dist\n!**/glob-import/root/dir/node_modules\n";
    const plan = planGitignore(existing, ["node_modules/", ".direnv/"]);
    expect(plan.prepend).toEqual(["node_modules/"]);
    expect(plan.append).toEqual([".direnv/"]);
    const text = applyGitignoreInserts(
      existing,
      gitignoreInserts(existing.split("\n").slice(0, -1), ["node_modules/", ".direnv/"]),
    );
    // Decided again on the result, nothing is left to add.
    expect(planGitignore(text, ["node_modules/", ".direnv/"]).skipped.map((s) => s.why)).toEqual([
      "already ignored",
      "already ignored",
    ]);
  });
  it("skips a line no place makes safe, and says which negation it would change", () => {
    const plan = planGitignore("!.venv/keep\n!.venv/\n", [".venv/"]);
    expect(plan.append).toEqual([]);
    expect(plan.prepend).toEqual([]);
    expect(plan.skipped[0]?.why).toMatch(/would change what !\.venv\/\S* re-includes/);
  });
  it("never re-includes below an excluded folder: such a line is skipped", () => {
    const plan = planGitignore("!web/node_modules/keep\n", ["node_modules/"]);
    expect(plan.skipped.map((s) => s.line)).toEqual(["node_modules/"]);
  });
  it("keeps every byte and the file's CRLF line endings", () => {
    const existing = "a\r\n!b/node_modules\r\nc";
    const out = applyGitignoreInserts(
      existing,
      gitignoreInserts(["a", "!b/node_modules", "c"], ["node_modules/", ".direnv/"]),
    );
    expect(out).toContain("a\r\n!b/node_modules\r\nc\r\n");
    expect(out.startsWith("# Nix dev shell")).toBe(true);
    expect(out).not.toMatch(/[^\r]\n/);
  });
  it("is the line merge renderDevShell plans, applied to the file's bytes on disk", () => {
    const existing = "!**/fixtures/node_modules\r\n";
    const dir = tmp({ ".gitignore": existing });
    const plan = renderDevShell({ choices: [{ preset: preset("node") }] });
    applyPlan(plan, dir);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe(
      `# Nix dev shell (first, so the rules below still decide what they re-include)\r\nnode_modules/\r\n\r\n${existing}\r\n# Nix dev shell\r\n.direnv/\r\n`,
    );
    // Run again: nothing left to add.
    expect(planChanges(plan, dir).find((c) => c.path === ".gitignore")?.kind).toBe("unchanged");
    const plain = tmp({ ".gitignore": "/node_modules\n" });
    applyPlan(plan, plain);
    expect(readFileSync(join(plain, ".gitignore"), "utf8")).toBe(
      "/node_modules\n\n# Nix dev shell\n.direnv/\n",
    );
  });
});

const services = presets.filter((p) => p.commands?.length);
const hasShellcheck = spawnSync("shellcheck", ["--version"], { stdio: "ignore" }).status === 0;

describe("services", () => {
  it("postgres, redis and mysql each bring start, stop and status", () => {
    expect(services.map((p) => p.id).sort()).toEqual(["mysql", "postgres", "redis"]);
    for (const p of services)
      expect(p.commands?.map((c) => c.name.replace(/^[a-z]+-/, ""))).toEqual([
        "start",
        "stop",
        "status",
      ]);
  });
  it.skipIf(!hasShellcheck && process.env.CI !== "true")(
    "commands and hooks pass shellcheck (writeShellApplication runs it at build)",
    () => {
      for (const p of services) {
        for (const c of p.commands ?? []) {
          const r = spawnSync("shellcheck", ["-s", "bash", "-"], {
            input: `#!/usr/bin/env bash\nset -euo pipefail\n${c.text}\n`,
            encoding: "utf8",
          });
          expect(r.stdout, `${p.id} ${c.name}`).toBe("");
        }
      }
      // Every hook as a shell gets it (with the project_root lines in front), not just the
      // services': mkShell runs it in bash.
      // SC1091: a hook may source what it made itself (python's .venv/bin/activate).
      for (const p of presets.filter((q) => q.shellHook)) {
        const hook = spawnSync("shellcheck", ["-s", "bash", "-e", "SC1091", "-"], {
          input: `#!/usr/bin/env bash\n${composeShell([{ preset: p }]).shellHook}\n`,
          encoding: "utf8",
        });
        expect(hook.stdout, `${p.id} shellHook`).toBe("");
      }
    },
  );
  it("suggests a compose file's services without choosing them", () => {
    const dir = tmp({
      Gemfile: 'source "x"\n',
      "docker-compose.yml":
        "services:\n  db:\n    image: docker.io/library/mysql:8.4\n  q:\n    image: 'valkey/valkey:8'\n",
    });
    const d = detectProject(dir);
    expect(d.presets.map((p) => p.id)).toEqual(["ruby"]);
    expect(d.suggestions.map((s) => s.id)).toEqual(["redis", "mysql"]);
  });
});

describeNix("new flake shapes under real Nix", () => {
  it("parse: a toolchain file input, services, a BEAM pair, subprojects", () => {
    const flakes = [
      renderDevShell({
        choices: [
          { preset: preset("rust"), toolchainFile: "rust-toolchain.toml" },
          { preset: preset("node"), tool: "npm", dirs: ["web"] },
        ],
      }),
      renderDevShell({
        choices: [{ preset: preset("rust"), toolchainFile: "crates/x/rust-toolchain" }],
        allowUnfree: [],
      }),
      renderDevShell({ choices: services.map((p) => ({ preset: p })) }),
      renderDevShell({ choices: [{ preset: preset("elixir"), setVersion: "27" }] }),
    ];
    for (const plan of flakes)
      nixParseText(plan.find((f) => f.path === "flake.nix")?.content ?? "");
  });
});

describe("the fast matcher", () => {
  it("answers as the ignore package does, rule for rule (random rule sets)", () => {
    const seg = fc.constantFrom(
      "a",
      "b",
      "node_modules",
      "x.o",
      "*",
      "**",
      "*.o",
      "a?",
      "[ab]",
      "",
    );
    const rule = fc
      .tuple(
        fc.boolean(),
        fc.boolean(),
        fc.array(seg, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
      )
      .map(
        ([neg, lead, segs, dir]) =>
          `${neg ? "!" : ""}${lead ? "/" : ""}${segs.join("/")}${dir ? "/" : ""}`,
      )
      .filter((r) => r.replace(/^!?\/?/, "") !== "");
    const path = fc
      .tuple(
        fc.array(fc.constantFrom("a", "b", "node_modules", "x.o", "c"), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.boolean(),
      )
      .map(([segs, dir]) => `${segs.join("/")}${dir ? "/" : ""}`);
    fc.assert(
      fc.property(
        fc.array(rule, { maxLength: 12 }),
        fc.array(path, { minLength: 1, maxLength: 6 }),
        (rules, paths) => {
          const fast = gitignoreMatcher(rules);
          const plain = ignore().add(rules);
          for (const p of paths)
            expect(fast(p), `${JSON.stringify(rules)} ${p}`).toBe(plain.ignores(p));
        },
      ),
      { numRuns: 400 },
    );
  });
  it("stays linear on a 30,000-line .gitignore (catches a quadratic walk, not a benchmark)", () => {
    const text = `${Array.from({ length: 30_000 }, (_, i) => `generated/path-${i}/*.o`).join("\n")}\n`;
    const t = performance.now();
    expect(planGitignore(text, [".direnv/", "node_modules/"]).append).toEqual([
      ".direnv/",
      "node_modules/",
    ]);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe("untrusted text in messages", () => {
  it("never shows a pin with control characters or of any length", () => {
    const dir = tmp({
      "package.json": "{}",
      ".nvmrc": "\u001b[2J22\n",
      ".tool-versions": `nodejs ${"9".repeat(200)}\n`,
    });
    const d = detectProject(dir);
    expect(d.presets[0]?.version).toBeUndefined();
    expect(JSON.stringify(d)).not.toContain("\\u001b");
    expect(d.notes.join("")).not.toContain("9".repeat(100));
  });
});
