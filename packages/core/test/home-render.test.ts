// The default home repository: golden files, real Nix parsing, option paths
// against Home Manager's option list, package names against nixpkgs' list,
// and the flake's data-driven outputs evaluated by Nix with stand-in inputs.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ALL_SYSTEMS,
  CHANNELS,
  collectOptionPaths,
  collectPackages,
  type FilePlan,
  fillNixTemplate,
  GENERIC_HOST_TEMPLATE,
  type HmOption,
  HOME_TEMPLATES,
  HOST_PACKAGES,
  HOST_TEMPLATES,
  type HomeSpec,
  homeConfigurations,
  homeNixFiles,
  indexOptions,
  LAYER_STARTER,
  moduleFromText,
  optionProblems,
  PROJECT_TEMPLATES,
  parseHomeSpec,
  precedenceProblems,
  presets,
  renderHome,
  renderHomeFlake,
  renderHomeNix,
  renderHomeReadme,
  renderHostFile,
  renderNix,
  SHELLS,
} from "../src/index.js";
import { describeNix, evalHomeRepo, nixFilesUnder, nixParse } from "./support/nix.js";

const BIG_BOSS = {
  version: 1,
  user: {
    name: "Big Boss",
    email: "bigboss@metalrodeo.xyz",
    username: "bigboss",
    homeDirectory: "/home/bigboss",
  },
  system: "x86_64-linux",
  shell: "zsh",
  hosts: { laptop: {}, "work-server": {}, "cloud-instance": {} },
  templates: ["python", "node", "rust"],
};

const options = indexOptions(
  (
    JSON.parse(
      readFileSync(
        new URL("../../../../shared/home-manager/options.json", import.meta.url),
        "utf8",
      ),
    ) as { options: HmOption[] }
  ).options,
);
const attributes = (
  JSON.parse(
    readFileSync(new URL("../../../../shared/nixpkgs/attributes.json", import.meta.url), "utf8"),
  ) as { attributes: Array<{ name: string; status: string }> }
).attributes;
/** Names attributes.json lacks, each verified in nixpkgs (evidence in the file). */
const verified = readFileSync(new URL("../src/home/verified-names.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"));
const present = new Set([
  ...attributes.filter((a) => a.status === "present").map((a) => a.name),
  ...verified,
]);

function writePlan(plan: FilePlan, dir?: string): string {
  const root = dir ?? mkdtempSync(join(tmpdir(), "nixhome-home-"));
  for (const f of plan) {
    const p = join(root, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
    if (f.mode) chmodSync(p, f.mode);
  }
  return root;
}

/** Problems of every module file of a spec: options and precedence. */
function moduleProblems(spec: HomeSpec): string[] {
  const problems = homeNixFiles(spec)
    .filter((f) => f.kind === "module")
    .flatMap((f) => optionProblems(f.expr, options).map((p) => `${f.path}: ${p}`));
  return [...problems, ...precedenceProblems(spec)];
}

/** Package names the modules install that nixpkgs' list does not mark present. */
function unknownPackages(spec: HomeSpec): string[] {
  return homeNixFiles(spec)
    .filter((f) => f.kind === "module")
    .flatMap((f) => collectPackages(f.expr))
    .filter((p) => !present.has(p));
}

/** Evaluate flake.nix's outputs and every module with stand-ins (support/home-eval.nix). */
function evalFlake(dir: string, spec: HomeSpec) {
  return evalHomeRepo(
    dir,
    homeNixFiles(spec).flatMap((f) => collectPackages(f.expr)),
  );
}

const spec = parseHomeSpec(BIG_BOSS);
const plan = renderHome(spec);

describe("the default home repository", () => {
  it("has the promised files", () => {
    expect(plan.map((f) => f.path).sort()).toEqual(
      [
        ".gitignore",
        "README.md",
        ".github/workflows/ci.yml",
        ".github/workflows/update-flake-lock.yml",
        "bootstrap.sh",
        "flake.nix",
        "home.nix",
        "hosts/cloud-instance.nix",
        "hosts/laptop.nix",
        "hosts/work-server.nix",
        "nixhome.json",
        "package.json",
        "plopfile.js",
        "profiles/base.nix",
        "profiles/personal.nix",
        "profiles/project-templates/node.nix",
        "profiles/project-templates/python.nix",
        "profiles/project-templates/rust.nix",
        "services/code-server.nix",
        "services/docker.nix",
      ].sort(),
    );
    expect(plan.find((f) => f.path === "bootstrap.sh")?.mode).toBe(0o755);
    expect(plan.find((f) => f.path === ".gitignore")?.merge).toBe("lines");
  });

  for (const f of plan)
    it(`matches the golden ${f.path}`, async () => {
      await expect(f.content).toMatchFileSnapshot(`./__golden__/home/default/${f.path}`);
    });

  it("round-trips nixhome.json", () => {
    const json = plan.find((f) => f.path === "nixhome.json")?.content as string;
    expect(parseHomeSpec(json)).toEqual(spec);
    expect(JSON.parse(json).version).toBe(1);
  });

  it("emits only current, visible, not renamed Home Manager options", () => {
    expect(moduleProblems(spec)).toEqual([]);
  });

  it("installs only packages nixpkgs has (attributes.json: present)", () => {
    expect(unknownPackages(spec)).toEqual([]);
  });

  it("writes a POSIX sh bootstrap.sh that dash and shellcheck accept, with no host list in it", () => {
    const hasShellcheck = spawnSync("shellcheck", ["--version"], { stdio: "ignore" }).status === 0;
    for (const hosts of [BIG_BOSS.hosts, {}]) {
      const s = parseHomeSpec({ ...BIG_BOSS, hosts });
      const file = join(mkdtempSync(join(tmpdir(), "nixhome-sh-")), "bootstrap.sh");
      writeFileSync(file, renderHome(s).find((f) => f.path === "bootstrap.sh")?.content ?? "");
      for (const sh of ["sh", "bash"]) {
        const r = spawnSync(sh, ["-n", file], { encoding: "utf8" });
        expect(r.status, r.stderr).toBe(0);
      }
      if (hasShellcheck) {
        const sc = spawnSync("shellcheck", ["-s", "sh", file], { encoding: "utf8" });
        expect(sc.status, sc.stdout).toBe(0);
      }
    }
    const text = plan.find((f) => f.path === "bootstrap.sh")?.content ?? "";
    expect(text.startsWith("#!/bin/sh\n")).toBe(true);
    for (const host of Object.keys(spec.hosts)) expect(text).not.toContain(host);
    expect(text).not.toContain(spec.user.username);
  });

  it("puts the required settings in the right layers", () => {
    const text = (p: string) => plan.find((f) => f.path === p)?.content ?? "";
    expect(text("profiles/base.nix")).toContain(
      "imports = [\n    ../services/docker.nix\n    ../services/code-server.nix\n  ];",
    );
    expect(text("profiles/base.nix")).toContain(
      "targets.genericLinux.enable = lib.mkIf pkgs.stdenv.hostPlatform.isLinux (lib.mkDefault true);",
    );
    expect(text("profiles/personal.nix")).toContain("pull.rebase = false;");
    expect(text("profiles/personal.nix")).toContain('"$HOME/.local/bin"');
    expect(text("hosts/work-server.nix")).toContain("with pkgs; [\n    kubectl\n    awscli2\n  ];");
    expect(text("flake.nix")).toContain("builtins.fromJSON (builtins.readFile ./nixhome.json)");
    expect(text("flake.nix")).toContain('inputs.nixpkgs.follows = "nixpkgs";');
  });
});

describeNix("the default home repository, read by Nix", () => {
  const dir = writePlan(plan);

  it("parses every .nix file", () => {
    const files = nixFilesUnder(dir);
    expect(files).toHaveLength(12);
    nixParse(files);
  });

  it("builds its outputs from nixhome.json", () => {
    const out = evalFlake(dir, spec);
    expect(out.inputs).toEqual({
      nixpkgs: { url: "github:NixOS/nixpkgs/nixpkgs-unstable" },
      "home-manager": {
        url: "github:nix-community/home-manager",
        inputs: { nixpkgs: { follows: "nixpkgs" } },
      },
    });
    const names = homeConfigurations(spec).map((c) => c.name);
    expect(Object.keys(out.homes).sort()).toEqual([...names].sort());
    expect(out.homes["bigboss@work-server"]?.modules).toEqual(
      ["home.nix", "profiles/base.nix", "profiles/personal.nix", "hosts/work-server.nix"].map((p) =>
        join(dir, p),
      ),
    );
    expect(out.homes.bigboss?.modules).toEqual(
      ["home.nix", "profiles/base.nix", "profiles/personal.nix"].map((p) => join(dir, p)),
    );
    expect(out.homes["bigboss@laptop"]?.nixhome).toMatchObject({
      username: "bigboss",
      homeDirectory: "/home/bigboss",
      host: "laptop",
      system: "x86_64-linux",
      stateVersion: "26.05",
      user: { name: "Big Boss", email: "bigboss@metalrodeo.xyz" },
      docker: true,
      codeServer: { enable: true, bind: "127.0.0.1", port: 8080 },
    });
    expect(out.homes["bigboss@laptop"]?.inputNames).toEqual(["home-manager", "nixpkgs", "self"]);
    // Headless hosts: no GPU drivers, no "run sudo … to set up the GPU" at every switch.
    const gpu = (name: string) => out.homes[name]?.config["targets.genericLinux.gpu.enable"];
    expect(gpu("bigboss@work-server")).toBe(false);
    expect(gpu("bigboss@cloud-instance")).toBe(false);
    expect(gpu("bigboss@laptop")).toBeUndefined();
    expect(out.homes["bigboss@laptop"]?.config["targets.genericLinux.enable"]).toBe(true);
    expect(out.homes.bigboss?.unfree).toEqual([false, false]);
    // Systems are those the configurations use.
    expect(out.checks).toEqual({ "x86_64-linux": [...names].sort() });
    expect(out.packages).toEqual({
      "x86_64-linux": { "home-manager": "home-manager-x86_64-linux" },
    });
    for (const system of ["x86_64-linux"]) {
      expect(out.devShells[system]).toEqual(["node", "python", "rust"]);
      expect(out.formatter[system]).toBe(`nixfmt-${system}`);
    }
  });

  it("writes any name safely: Nix reads back exactly the git name", () => {
    const hostile = [
      'Big "Boss" ${HOME}',
      "O'Brien ''${x} \\ $ `rm -rf` ${",
      "Zoë 渡辺 \u{1F600}",
      "back\\slash \\n not a newline",
    ];
    for (const name of hostile) {
      const s = parseHomeSpec({ ...BIG_BOSS, user: { ...BIG_BOSS.user, name } });
      const d = writePlan(renderHome(s));
      // The name is data in nixhome.json, never Nix code: no .nix file contains it.
      for (const f of renderHome(s))
        if (f.path.endsWith(".nix")) expect(f.content).not.toContain(name);
      const got = evalFlake(d, s).homes.bigboss?.config["programs.git.settings.user.name"];
      expect(got).toBe(name);
    }
  });
});

// ---- the matrix: shells × systems × channels × host sets × templates ----

const HOST_SETS: Record<string, (system: string) => Record<string, unknown>> = {
  none: () => ({}),
  default: () => ({ laptop: {}, "work-server": {}, "cloud-instance": {} }),
  mixed: () => ({
    laptop: { system: "aarch64-darwin" },
    "work-server": {
      username: "ops",
      user: { email: "ops@work.example" },
      layers: ["base", "personal", "work"],
    },
    "build-box": { system: "aarch64-linux", layers: ["base"] },
  }),
};
const TEMPLATE_SETS: Record<string, string[]> = {
  none: [],
  default: ["python", "node", "rust"],
  all: presets.map((p) => p.id),
};

interface Combo {
  label: string;
  spec: HomeSpec;
}

const combos: Combo[] = [];
let k = 0;
for (const shell of SHELLS)
  for (const system of ALL_SYSTEMS)
    for (const channel of ["unstable", "26.05"] as const)
      for (const [hostSet, hosts] of Object.entries(HOST_SETS))
        for (const [templateSet, templates] of Object.entries(TEMPLATE_SETS)) {
          if (!CHANNELS[channel].systems.includes(system)) continue;
          const editor = k++ % 2 ? "vscode" : "vim";
          combos.push({
            label: `${shell} ${system} ${channel} hosts=${hostSet} templates=${templateSet} ${editor}`,
            spec: parseHomeSpec({
              ...BIG_BOSS,
              user: { ...BIG_BOSS.user, homeDirectory: undefined },
              system,
              channel,
              shell,
              editor,
              hosts: hosts(system),
              templates,
              stateVersion: k % 3 ? "26.05" : "25.11",
            }),
          });
        }

describe("the matrix of repositories", () => {
  it("covers every valid combination", () => {
    // 3 shells × (3 systems × 2 channels + x86_64-darwin on 26.05) × 3 host sets × 3 template sets
    expect(combos).toHaveLength(3 * 7 * 3 * 3);
  });

  it("emits only current options, with no same-priority conflicts", () => {
    for (const c of combos) expect(moduleProblems(c.spec), c.label).toEqual([]);
  });

  it("installs only packages nixpkgs has", () => {
    for (const c of combos) expect(unknownPackages(c.spec), c.label).toEqual([]);
  });
});

describeNix("the matrix of repositories, read by Nix", () => {
  it("parses every .nix file of every combination", () => {
    // Identical files (templates, flakes of a channel) are parsed once.
    const unique = new Map<string, string>();
    for (const c of combos)
      for (const f of renderHome(c.spec))
        if (f.path.endsWith(".nix") && !unique.has(f.content)) unique.set(f.content, f.path);
    const dir = mkdtempSync(join(tmpdir(), "nixhome-matrix-"));
    const files = [...unique.keys()].map((content, i) => {
      const file = join(dir, `${i}.nix`);
      writeFileSync(file, content);
      return file;
    });
    expect(files.length).toBeGreaterThan(presets.length);
    nixParse(files);
  });

  it("evaluates every flake's configurations, checks and dev shells", () => {
    for (const c of combos) {
      const dir = writePlan(renderHome(c.spec));
      const out = evalFlake(dir, spec);
      const configs = homeConfigurations(c.spec);
      expect(Object.keys(out.homes).sort(), c.label).toEqual(configs.map((x) => x.name).sort());
      for (const x of configs) {
        const home = out.homes[x.name];
        expect(home?.system, c.label).toBe(x.system);
        expect(home?.nixhome, c.label).toMatchObject({
          username: x.username,
          homeDirectory: x.homeDirectory,
          host: x.host,
          system: x.system,
          stateVersion: x.stateVersion,
          shell: x.shell,
          editor: x.editor,
          user: x.user,
          docker: x.docker,
          codeServer: x.codeServer,
        });
        // The identity and the settings reach the options.
        expect(home?.config["home.homeDirectory"], c.label).toBe(x.homeDirectory);
        if (x.layers.includes("personal"))
          expect(home?.config["programs.git.settings.user.email"], c.label).toBe(x.user.email);
        expect(home?.config[`programs.${x.shell}.enable`], c.label).toBe(true);
        expect(home?.modules.length, c.label).toBe(1 + x.layers.length + (x.host ? 1 : 0));
        expect(home?.unfree, c.label).toEqual([
          homeConfigurations(c.spec).some((y) => y.editor === "vscode"),
          false,
        ]);
        expect(out.checks[x.system], c.label).toContain(x.name);
      }
      const systems = [...new Set(configs.map((x) => x.system))];
      expect(Object.keys(out.devShells).sort(), c.label).toEqual([...systems].sort());
      for (const s of systems)
        expect(out.devShells[s], c.label).toEqual([...c.spec.templates].sort());
    }
  });
});

describe("fixed files are template files", () => {
  it("are planned as they are, and every Nix file that never varies is one", () => {
    const fixed = Object.keys(HOME_TEMPLATES).filter((p) => p !== "flake.nix");
    expect(fixed.sort()).toEqual([
      "home.nix",
      "profiles/base.nix",
      "profiles/personal.nix",
      "services/code-server.nix",
      "services/docker.nix",
    ]);
    for (const p of fixed)
      expect(plan.find((f) => f.path === p)?.content, p).toBe(HOME_TEMPLATES[p]);
    expect(renderHomeNix()).toBe(HOME_TEMPLATES["home.nix"]);
  });

  it("the option checks read all of each module template: printed back, the reading is the file", () => {
    // What core's parser reads (bindings, values, comments, blank lines) prints back to the
    // very text, so a check of the reading is a check of the file.
    for (const [p, text] of Object.entries(HOME_TEMPLATES)) {
      if (p === "flake.nix") continue;
      // home.nix opens with a comment above its function, which no binding carries.
      const body = p === "home.nix" ? text.replace(/^(#.*\n)+/, "") : text;
      expect(renderNix(moduleFromText(text)), p).toBe(body);
    }
    // The same holds for the host files, the layer starter and every project template.
    const others: Record<string, string> = {
      ...Object.fromEntries(Object.entries(HOST_TEMPLATES).map(([h, t]) => [`hosts/${h}.nix`, t])),
      "hosts/<any other>.nix": GENERIC_HOST_TEMPLATE,
      "profiles/<new layer>.nix": LAYER_STARTER,
      ...Object.fromEntries(
        Object.entries(PROJECT_TEMPLATES).map(([id, t]) => [`project-templates/${id}.nix`, t]),
      ),
    };
    for (const [p, text] of Object.entries(others)) {
      expect(renderNix(moduleFromText(text)), p).toBe(text);
      if (!p.startsWith("project-templates/"))
        expect(optionProblems(moduleFromText(text), options), p).toEqual([]);
    }
    expect(renderHostFile("box")).toBe(GENERIC_HOST_TEMPLATE);
    // A preset host's template holds the packages HOST_PACKAGES says it adds.
    for (const [h, text] of Object.entries(HOST_TEMPLATES))
      expect(collectPackages(moduleFromText(text)), h).toEqual(HOST_PACKAGES[h]);
    expect(Object.keys(HOST_TEMPLATES).sort()).toEqual(Object.keys(HOST_PACKAGES).sort());
    expect(collectOptionPaths(moduleFromText(HOME_TEMPLATES["home.nix"] as string))).toEqual([
      ["home", "username"],
      ["home", "homeDirectory"],
      ["home", "stateVersion"],
    ]);
  });

  it("a hand edit of a template is checked as written", () => {
    const base = HOME_TEMPLATES["profiles/base.nix"] as string;
    const edited = base.replace(
      "programs.git.enable = lib.mkDefault true;",
      'programs.git.enable = lib.mkDefault true;\n  programs.git.userName = lib.mkDefault "Ada";',
    );
    expect(edited).not.toBe(base);
    expect(optionProblems(moduleFromText(base), options)).toEqual([]);
    expect(optionProblems(moduleFromText(edited), options)).toEqual([
      "programs.git.userName: programs.git.userName was renamed to programs.git.settings.user.name",
    ]);
  });

  it("reads any Nix a hand edit may bring, the way Nix desugars it", () => {
    const e = moduleFromText(
      '{ lib, ... }: assert true; { a.${"b"}.${y} = x: x < 2 -> x ? y; c = <nixpkgs>; d = 2 * 3 / 1; e = f or; }',
    );
    expect(renderNix(e)).toBe(
      [
        "{ lib, ... }:",
        "{",
        // A dynamic name is kept as its source text (a name no option has).
        '  a.b."\\${y}" = x: !__lessThan x 2 || __hasAttr x "y";',
        '  c = __findFile __nixPath "nixpkgs";',
        "  d = __div (__mul 2 3) 1;",
        "  e = f or;",
        "}",
        "",
      ].join("\n"),
    );
    expect(optionProblems(e, options)).toEqual([
      "a.b.${y}: no such Home Manager option",
      "c: no such Home Manager option",
      "d: no such Home Manager option",
      "e: no such Home Manager option",
    ]);
  });

  it("flake.nix fills the channel's URLs through the printer, and nothing else", () => {
    for (const channel of ["unstable", "26.05"] as const) {
      const text = renderHomeFlake(channel);
      expect(text).toContain(`nixpkgs.url = "${CHANNELS[channel].nixpkgs}";`);
      expect(text).toContain(`url = "${CHANNELS[channel].homeManager}";`);
      expect(text).not.toMatch(/@[a-z-]+@/);
    }
    // A value the printer must escape stays a string.
    expect(fillNixTemplate('{ a = "@x@"; }', { x: "${evil}" })).toBe('{ a = "\\${evil}"; }');
    expect(() => fillNixTemplate('{ a = "@x@"; }', {})).toThrow(/"@x@" is not filled/);
  });

  it("the README escapes Markdown in user values and lists no hosts", () => {
    const s = parseHomeSpec({
      ...BIG_BOSS,
      user: { ...BIG_BOSS.user, name: "*Big* <Boss> [x](y)" },
    });
    const readme = renderHomeReadme(s);
    expect(readme.split("\n")[0]).toBe(
      "# Home Manager configuration of \\*Big\\* \\<Boss\\> \\[x\\](y)",
    );
    for (const h of Object.keys(s.hosts)) expect(readme).not.toContain(h);
    expect(readme).toContain(
      "nix --extra-experimental-features 'nix-command flakes' run .#home-manager -- switch -b backup --flake .#bigboss",
    );
    expect(readme).not.toMatch(/\{\{|\}\}/);
  });
});

describeNix("the template files, read by Nix", () => {
  it("parse as they are (placeholders are strings)", () => {
    const dir = mkdtempSync(join(tmpdir(), "nixhome-tpl-"));
    const files = Object.entries(HOME_TEMPLATES).map(([name, text]) => {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    nixParse(files);
  });
});
