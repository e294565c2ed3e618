import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyPlan,
  CHANNELS,
  composeShell,
  envrcLoadsShell,
  type FilePlan,
  findPreset,
  mergeLines,
  type Preset,
  type PresetChoice,
  planChanges,
  presetAttrs,
  presets,
  renderDevShell,
  shellWord,
} from "../src/index.js";
import { describeNix, nixEvalJson, nixParse } from "./support/nix.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/devshell/", import.meta.url));

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "nixhome-render-"));
}
function choose(...words: string[]): PresetChoice[] {
  return words.map((w) => {
    const [id, version] = w.split("@") as [string, string | undefined];
    const preset = findPreset(id);
    if (!preset) throw new Error(`no preset ${id}`);
    return version ? { preset, version } : { preset };
  });
}
function file(plan: FilePlan, path: string): string {
  const f = plan.find((p) => p.path === path);
  if (!f) throw new Error(`${path} not planned`);
  return f.content;
}
function writeProject(plan: FilePlan): string {
  const dir = tmp();
  for (const f of plan) writeFileSync(join(dir, f.path), f.content);
  return dir;
}

/** A local preset for cases the real presets never produce. */
function fake(id: string, extra: Partial<Preset> = {}): Preset {
  return {
    id,
    name: id.toUpperCase(),
    aliases: [],
    description: id,
    packages: [`${id}-tool`],
    markers: [],
    ...extra,
  };
}

describe("golden projects", () => {
  const cases: Record<string, string[]> = {
    python: ["python"],
    node: ["node"],
    rust: ["rust"],
    go: ["go"],
    "python-node": ["python", "node"],
  };
  for (const [name, words] of Object.entries(cases))
    it(name, async () => {
      const plan = renderDevShell({ choices: choose(...words) });
      expect(plan.map((f) => f.path)).toEqual(["flake.nix", ".envrc", ".gitignore"]);
      const golden = join(FIXTURES, "golden", name);
      await expect(file(plan, "flake.nix")).toMatchFileSnapshot(`${golden}.flake.nix`);
      await expect(file(plan, ".envrc")).toMatchFileSnapshot(`${golden}.envrc.txt`);
      await expect(file(plan, ".gitignore")).toMatchFileSnapshot(`${golden}.gitignore.txt`);
    });
});

describe("flake.nix", () => {
  it("has the comments a newcomer needs", () => {
    const text = file(renderDevShell({ choices: choose("python") }), "flake.nix");
    expect(text).toContain("# Add packages here");
    expect(text).toContain("replace python313 by python314");
    expect(text).toContain("`nix flake update` updates nixpkgs");
    expect(text).toContain("formatter = forEachSystem (pkgs: pkgs.nixfmt);");
    expect(text).toMatch(/^ {4}\{ self, nixpkgs, \.\.\. \}:$/m);
    expect(text).toContain("      checks = self.devShells;\n");
    expect(text.split("\n").every((l) => l.length <= 100)).toBe(true);
  });

  it("lists the channel's systems (x86_64-darwin only on 26.05)", () => {
    const unstable = file(renderDevShell({ choices: choose("go") }), "flake.nix");
    const stable = file(renderDevShell({ choices: choose("go"), channel: "26.05" }), "flake.nix");
    expect(unstable).toContain(`"${CHANNELS.unstable.nixpkgs}"`);
    expect(unstable).not.toContain('"x86_64-darwin"');
    expect(stable).toContain(`"${CHANNELS["26.05"].nixpkgs}"`);
    expect(stable).toContain('"x86_64-darwin"');
  });

  it("allows exactly the unfree packages asked for, never everything", () => {
    const plain = file(renderDevShell({ choices: choose("hashi") }), "flake.nix");
    expect(plain).not.toMatch(/unfree|terraform"/i);
    const text = file(
      renderDevShell({ choices: choose("hashi"), allowUnfree: ["terraform"] }),
      "flake.nix",
    );
    expect(text.replace(/\s+/g, " ")).toContain(
      'config.allowUnfreePredicate = pkg: builtins.elem (nixpkgs.lib.getName pkg) [ "terraform" ];',
    );
    expect(text).not.toMatch(/allowUnfree\s*=/);
    expect(() => renderDevShell({ choices: choose("python"), allowUnfree: ["terraform"] })).toThrow(
      /--allow-unfree terraform: not an unfree package of the chosen presets/,
    );
  });

  it("refuses two presets that set one variable differently, naming both", () => {
    const a = fake("a", { env: { SHARED: "1" } });
    const b = fake("b", { env: { SHARED: "2" } });
    expect(() => renderDevShell({ choices: [{ preset: a }, { preset: b }] })).toThrow(
      /^a and b both set SHARED/,
    );
    // The same value twice is fine (C# and F# both opt out of telemetry).
    expect(() => renderDevShell({ choices: choose("csharp", "fsharp") })).not.toThrow();
  });

  it("refuses an unsupported version, listing the supported ones", () => {
    expect(() => renderDevShell({ choices: choose("python@2.7") })).toThrow(
      /^Python 2\.7 is not available; supported --python versions: 3\.11, 3\.12, 3\.13, 3\.14$/,
    );
  });
});

describe(".envrc and .gitignore", () => {
  it("watch the presets' manifests and ignore their local folders", () => {
    const plan = renderDevShell({ choices: choose("python", "node") });
    const envrc = file(plan, ".envrc").split("\n");
    expect(envrc).toContain("use flake");
    expect(envrc).toContain("watch_file pyproject.toml");
    expect(envrc).toContain("watch_file package.json");
    const ignore = file(plan, ".gitignore").split("\n");
    expect(ignore.filter((l) => l && !l.startsWith("#"))).toEqual([
      ".direnv/",
      ".venv/",
      "node_modules/",
    ]);
    // The .gitignore merge is a decision on the file's lines (git's matching, gitignore.ts).
    expect(typeof plan.find((f) => f.path === ".gitignore")?.merge).toBe("function");
    expect(plan.find((f) => f.path === ".envrc")?.merge).toBe("lines");
  });

  it("do not add a second `use` line to an .envrc that loads a shell already", () => {
    expect(envrcLoadsShell("use nix\n")).toBe(true);
    expect(envrcLoadsShell("use flake .#ci --impure\n")).toBe(true);
    expect(envrcLoadsShell("use flake\n")).toBe(false);
    expect(envrcLoadsShell("export FOO=1\n")).toBe(false);
    const plan = renderDevShell({ choices: choose("go"), existingEnvrc: "use nix\n" });
    expect(file(plan, ".envrc")).not.toMatch(/^use flake$/m);
    expect(mergeLines("use nix\n", file(plan, ".envrc"))).toMatch(/^use nix\n\n# direnv/);
  });

  it("merge into existing files once, and a second run changes nothing", () => {
    const dir = tmp();
    writeFileSync(join(dir, ".gitignore"), "dist/\n.direnv/\n");
    writeFileSync(join(dir, ".envrc"), "export DATABASE_URL=postgres://localhost/app\n");
    const plan = renderDevShell({ choices: choose("python") });
    applyPlan(plan, dir);
    const ignore = readFileSync(join(dir, ".gitignore"), "utf8");
    expect(ignore).toBe("dist/\n.direnv/\n\n# Nix dev shell\n.venv/\n");
    const envrc = readFileSync(join(dir, ".envrc"), "utf8");
    expect(envrc.startsWith("export DATABASE_URL=postgres://localhost/app\n\n# direnv")).toBe(true);
    expect(envrc.match(/^use flake$/gm)).toHaveLength(1);
    const again = renderDevShell({ choices: choose("python"), existingEnvrc: envrc });
    expect(planChanges(again, dir).map((c) => c.kind)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
  });
});

describe("--from-home", () => {
  it("writes only .envrc, one `use flake REF#<id>` per language", () => {
    const plan = renderDevShell({ choices: choose("python", "node"), fromHome: "~/home-manager" });
    expect(plan.map((f) => f.path)).toEqual([".envrc"]);
    expect(
      file(plan, ".envrc")
        .split("\n")
        .filter((l) => l.startsWith("use")),
    ).toEqual(["use flake ~/home-manager#python", "use flake ~/home-manager#node"]);
  });
  it("quotes a reference the shell would split, keeping ~/ expandable", () => {
    expect(shellWord("github:me/home")).toBe("github:me/home");
    expect(shellWord("~/my home")).toBe("~/'my home'");
    expect(shellWord("git+https://x.org/h?ref=main&dir=a")).toBe(
      "'git+https://x.org/h?ref=main&dir=a'",
    );
    expect(() => shellWord("~/home#python")).toThrow(/without #attribute/);
    expect(() => shellWord("it's")).toThrow(/not a usable flake reference/);
  });
});

describe("renderDevShell (properties)", () => {
  const combos = fc.uniqueArray(fc.constantFrom(...presets), { minLength: 1, maxLength: 4 });
  it("is deterministic, lists each chosen package, and re-merging changes nothing", () => {
    fc.assert(
      fc.property(combos, (chosen) => {
        const choices = chosen.map((preset) => ({ preset }));
        const plan = renderDevShell({ choices });
        const again = renderDevShell({ choices });
        expect(JSON.stringify(again)).toBe(JSON.stringify(plan));
        const gi = (p: typeof plan) => p.find((f) => f.path === ".gitignore")?.merge;
        const sample = ["dist", "!**/x/node_modules"];
        const merge = gi(plan);
        const merge2 = gi(again);
        if (typeof merge === "function" && typeof merge2 === "function")
          expect(merge2(sample)).toEqual(merge(sample));
        const flake = file(plan, "flake.nix");
        for (const p of composeShell(choices).packages) expect(flake).toContain(`pkgs.${p}`);
        for (const f of plan.filter((x) => x.merge === "lines")) {
          const lines = f.content.split("\n").filter(Boolean);
          expect(new Set(lines).size).toBe(lines.length);
          expect(mergeLines(f.content, f.content)).toBe(f.content);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Every attribute any preset names, for the stand-in nixpkgs. */
function allAttrs(): string[] {
  return [...new Set(presets.flatMap((p) => presetAttrs(p)))].sort();
}

function stub(): string {
  const dir = join(tmp(), "nixpkgs");
  cpSync(join(FIXTURES, "stub-nixpkgs"), dir, { recursive: true });
  writeFileSync(join(dir, "names.json"), JSON.stringify(allAttrs()));
  return dir;
}

interface ShellSummary {
  packages: string[];
  env: Record<string, string>;
  shellHook: string;
  allowUnfree: boolean;
  unfreeAllowed: string[];
}
interface FlakeSummary {
  description: string;
  inputs: Record<string, string>;
  outputNames: string[];
  devShells: Record<string, { default: ShellSummary }>;
  formatter: Record<string, string>;
  checks: Record<string, { default: ShellSummary }>;
}

function evalFlakes(
  dirs: readonly string[],
  stubDir: string,
  probe: string[] = [],
): FlakeSummary[] {
  const list = dirs.map((d) => JSON.stringify(d)).join(" ");
  return nixEvalJson(
    `map (d: import ${JSON.stringify(join(stubDir, "eval.nix"))} { flakeDir = d; stubDir = ${JSON.stringify(stubDir)}; probeUnfree = builtins.fromJSON ${JSON.stringify(JSON.stringify(probe))}; }) [ ${list} ]`,
  ) as FlakeSummary[];
}

describeNix("generated flakes under real Nix", () => {
  const singles = presets.map((p) => ({ name: p.id, choices: [{ preset: p }] }));
  const combos = [
    ["python", "node"],
    ["python", "node", "rust", "go", "java", "ruby"],
    ["c-cpp", "fortran"],
    ["elixir", "erlang", "node"],
    ["csharp", "fsharp"],
    ["bun", "deno"],
  ].map((ids) => ({ name: ids.join("+"), choices: choose(...ids) }));
  const versions = presets.flatMap((p) =>
    Object.keys(p.version?.attrs ?? {}).map((v) => ({
      name: `${p.id}@${v}`,
      choices: [{ preset: p, version: v }],
    })),
  );

  it("parse: every preset alone, every version, and combinations", () => {
    const root = tmp();
    const files = [...singles, ...combos, ...versions].map(({ name, choices }, i) => {
      const path = join(root, `${i}-${name.replace(/[^\w.+-]/g, "_")}.nix`);
      writeFileSync(path, file(renderDevShell({ choices }), "flake.nix"));
      return path;
    });
    const unfree = join(root, "unfree.nix");
    writeFileSync(
      unfree,
      file(
        renderDevShell({ choices: choose("hashi"), allowUnfree: ["terraform", "vault"] }),
        "flake.nix",
      ),
    );
    const stable = join(root, "stable.nix");
    writeFileSync(
      stable,
      file(renderDevShell({ choices: choose("python", "node"), channel: "26.05" }), "flake.nix"),
    );
    nixParse([...files, unfree, stable]);
    expect(files.length).toBeGreaterThan(presets.length);
  });

  it("evaluate with a stand-in nixpkgs: each preset's packages, per platform", () => {
    const stubDir = stub();
    const dirs = singles.map(({ choices }) => writeProject(renderDevShell({ choices })));
    const results = evalFlakes(dirs, stubDir);
    results.forEach((r, i) => {
      const preset = singles[i]?.choices[0]?.preset as Preset;
      const shell = composeShell([{ preset }]);
      expect(r.inputs).toEqual({ nixpkgs: CHANNELS.unstable.nixpkgs });
      expect(r.outputNames).toEqual(["checks", "devShells", "formatter"]);
      // `nix flake check` builds each system's shell.
      expect(r.checks).toEqual(r.devShells);
      expect(Object.keys(r.devShells).sort()).toEqual([...CHANNELS.unstable.systems].sort());
      expect(r.formatter["x86_64-linux"]).toBe("nixfmt");
      const linux = r.devShells["x86_64-linux"]?.default as ShellSummary;
      const mac = r.devShells["aarch64-darwin"]?.default as ShellSummary;
      const commands = shell.commands.map((c) => c.name);
      expect(linux.packages).toEqual([...shell.packages, ...commands, ...shell.linuxOnly]);
      expect(mac.packages).toEqual([...shell.packages, ...commands, ...shell.darwinOnly]);
      expect(linux.env).toEqual(shell.env);
      expect(linux.shellHook).toBe(shell.shellHook);
      expect(linux.allowUnfree).toBe(false);
    });
  });

  it("evaluate: a combination, 26.05, and the unfree predicate", () => {
    const stubDir = stub();
    const [combo, stable, unfree] = evalFlakes(
      [
        writeProject(renderDevShell({ choices: choose("python@3.12", "node@22") })),
        writeProject(renderDevShell({ choices: choose("go"), channel: "26.05" })),
        writeProject(
          renderDevShell({ choices: choose("hashi"), allowUnfree: ["terraform", "vault"] }),
        ),
      ],
      stubDir,
      ["terraform", "vault", "packer", "nomad"],
    ) as [FlakeSummary, FlakeSummary, FlakeSummary];
    const shell = combo.devShells["aarch64-linux"]?.default as ShellSummary;
    expect(shell.packages.slice(0, 2)).toEqual(["python312", "uv"]);
    expect(shell.packages).toContain("nodejs_22");
    expect(shell.env).toMatchObject({ UV_PYTHON_DOWNLOADS: "never" });
    expect(combo.description).toBe("Development shell for Python 3.12 and Node.js 22");
    expect(Object.keys(stable.devShells)).toContain("x86_64-darwin");
    expect(stable.inputs.nixpkgs).toBe(CHANNELS["26.05"].nixpkgs);
    const u = unfree.devShells["x86_64-linux"]?.default as ShellSummary;
    expect(u.unfreeAllowed).toEqual(["terraform", "vault"]);
    expect(u.allowUnfree).toBe(false);
    expect(u.packages).toEqual(expect.arrayContaining(["terraform", "vault"]));
    expect(u.packages).not.toContain("packer");
  });
});
