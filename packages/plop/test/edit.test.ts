import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  applyPlan,
  collectPackages,
  GENERIC_HOST_TEMPLATE,
  homeConfigurations,
  homeNixFiles,
  parseHomeSpec,
  renderHome,
  renderSpecJson,
} from "@nixhome/core";
import { beforeEach, describe, expect, it } from "vitest";
import {
  describeNix,
  evalHomeRepo,
  nixEvalJson,
  nixFilesUnder,
  nixParse,
} from "../../core/test/support/nix.js";
import {
  FLAKE_READS_SPEC,
  hostAnswers,
  planHost,
  planProfile,
  planTemplate,
  profileAnswers,
  readRepo,
} from "../src/edit.js";
import { gitAdd } from "../src/index.js";
import { spec } from "./fixture.js";

let dir: string;
const snapshot = () =>
  Object.fromEntries(
    [...nixFilesUnder(dir), join(dir, "nixhome.json")].map((f) => [f, readFileSync(f, "utf8")]),
  );
const run = (plan: ReturnType<typeof planProfile>) => applyPlan(plan, dir);
const json = () => JSON.parse(readFileSync(join(dir, "nixhome.json"), "utf8"));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "nixhome-plop-"));
  applyPlan(renderHome(spec), dir);
});

describe("profile", () => {
  it("adds profiles/<name>.nix and stacks it on the chosen hosts through nixhome.json", () => {
    const before = readFileSync(join(dir, "flake.nix"), "utf8");
    run(
      planProfile(readRepo(dir), {
        name: "gaming",
        purpose: "Games",
        packages: "steam-run, prismlauncher",
        hosts: ["laptop", "default"],
      }),
    );
    const layer = readFileSync(join(dir, "profiles/gaming.nix"), "utf8");
    expect(layer).toContain("# Games");
    expect(layer).toMatch(/steam-run\s+prismlauncher|prismlauncher/);
    expect(json().hosts.laptop.layers).toEqual(["base", "personal", "gaming"]);
    expect(json().layers).toEqual(["base", "personal", "gaming"]);
    expect(json().hosts["work-server"].layers).toEqual(["base", "personal"]);
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toBe(before);
  });
  it("refuses duplicates and invalid names, leaving every file untouched", () => {
    const before = snapshot();
    const repo = readRepo(dir);
    for (const [name, message] of [
      ["personal", /layer personal already exists/],
      ["Bad Name", /not a valid layer name/],
      ["../x", /not a valid layer name/],
      ["-rf", /not a valid layer name/],
      ["project-templates", /reserved/],
    ] as const)
      expect(() => planProfile(repo, { name, hosts: ["laptop"] })).toThrow(message);
    expect(() => planProfile(repo, { name: "ok", hosts: ["lapto"] })).toThrow(
      /unknown host "lapto"; did you mean laptop/,
    );
    expect(() => planProfile(repo, { name: "ok", hosts: [] })).toThrow(/at least one host/);
    expect(() => planProfile(repo, { name: "ok", packages: "rm -rf;", hosts: ["laptop"] })).toThrow(
      /not a nixpkgs attribute name/,
    );
    expect(snapshot()).toEqual(before);
  });
  it("is idempotent: the same run twice is refused the second time and changes nothing", () => {
    run(planProfile(readRepo(dir), { name: "gaming", hosts: ["laptop"] }));
    const after = snapshot();
    expect(() => planProfile(readRepo(dir), { name: "gaming", hosts: ["laptop"] })).toThrow(
      /already exists/,
    );
    expect(snapshot()).toEqual(after);
  });
  it("never clobbers a hand-written file or wires into a hand-edited flake", () => {
    writeFileSync(join(dir, "profiles/gaming.nix"), "# mine\n{ }\n");
    expect(() => planProfile(readRepo(dir), { name: "gaming", hosts: ["laptop"] })).toThrow(
      /already exists but no configuration uses it/,
    );
    expect(readFileSync(join(dir, "profiles/gaming.nix"), "utf8")).toBe("# mine\n{ }\n");
    const flake = readFileSync(join(dir, "flake.nix"), "utf8");
    // A comment or a new input is a fine hand edit; dropping the JSON is not.
    writeFileSync(join(dir, "flake.nix"), `# my notes\n${flake}`);
    expect(() => planProfile(readRepo(dir), { name: "ok", hosts: ["laptop"] })).not.toThrow();
    writeFileSync(join(dir, "flake.nix"), flake.replace(FLAKE_READS_SPEC, "{ }"));
    const before = snapshot();
    expect(() => planProfile(readRepo(dir), { name: "music", hosts: ["laptop"] })).toThrow(
      /flake.nix was edited by hand/,
    );
    expect(snapshot()).toEqual(before);
  });
  it("refuses when nixhome.json changed between reading and writing", () => {
    const plan = planProfile(readRepo(dir), { name: "gaming", hosts: ["laptop"] });
    writeFileSync(join(dir, "nixhome.json"), `${readFileSync(join(dir, "nixhome.json"), "utf8")} `);
    expect(() => run(plan)).toThrow(/nixhome.json in .* changed since it was read/);
  });
});

describe("host", () => {
  it("adds hosts/<name>.nix and its configuration", () => {
    run(
      planHost(readRepo(dir), {
        name: "desktop",
        system: "aarch64-linux",
        username: "boss",
        home: "",
        layers: ["base"],
      }),
    );
    // The home is derived by flake.nix from the host's own system, not stored.
    expect(json().hosts.desktop).toEqual({
      system: "aarch64-linux",
      layers: ["base"],
      username: "boss",
    });
    // The very file create-nix-home writes for a host of that name: one template, one edit path.
    const written = readFileSync(join(dir, "hosts/desktop.nix"), "utf8");
    const spec = parseHomeSpec(readFileSync(join(dir, "nixhome.json"), "utf8"));
    expect(written).toBe(renderHome(spec).find((f) => f.path === "hosts/desktop.nix")?.content);
    expect(written).toBe(GENERIC_HOST_TEMPLATE);
  });
  it("refuses bad input", () => {
    const repo = readRepo(dir);
    const ok = { system: "x86_64-linux", layers: ["base"] };
    expect(() => planHost(repo, { name: "laptop", ...ok })).toThrow(/host laptop already exists/);
    // Next to "laptop", "LAPTOP" would be the same file on macOS (and parseHomeSpec refuses it).
    expect(() => planHost(repo, { name: "LAPTOP", ...ok })).toThrow(/differ only in case/);
    expect(() => planHost(repo, { name: "bad name", ...ok })).toThrow(/not a valid host name/);
    expect(() => planHost(repo, { name: "x", ...ok, system: "x86_64-darwin" })).toThrow(
      /not supported by nixpkgs on the unstable channel/,
    );
    expect(() => planHost(repo, { name: "x", ...ok, system: "mips-linux" })).toThrow(
      /unknown system/,
    );
    expect(() => planHost(repo, { name: "x", ...ok, layers: ["gamin"] })).toThrow(
      /unknown layer "gamin"/,
    );
    expect(() => planHost(repo, { name: "x", ...ok, username: "-rf" })).toThrow(
      /not a valid username/,
    );
    expect(() => planHost(repo, { name: "x", ...ok, home: "relative/home" })).toThrow(
      /not an absolute path/,
    );
  });
});

describe("what a generator writes", () => {
  it("is nixhome.json and the one new module, nothing else", () => {
    const files = [
      planProfile(readRepo(dir), { name: "gaming", hosts: ["laptop"] }),
      planHost(readRepo(dir), { name: "desktop", system: "x86_64-linux", layers: ["base"] }),
      planTemplate(readRepo(dir), { lang: "go" }),
    ].map((p) => p.map((f) => f.path));
    expect(files).toEqual([
      ["profiles/gaming.nix", "nixhome.json"],
      ["hosts/desktop.nix", "nixhome.json"],
      ["profiles/project-templates/go.nix", "nixhome.json"],
    ]);
  });
  it("a host on another OS gets that OS's home, and keeps it on the next run", () => {
    const mac = parseHomeSpec({
      ...JSON.parse(renderSpecJson(spec)),
      system: "aarch64-darwin",
      user: { ...spec.user, homeDirectory: "/Users/bigboss" },
      hosts: {},
      created: { channel: "unstable", plop: false },
    });
    applyPlan(
      [
        {
          path: "nixhome.json",
          content: renderSpecJson(mac),
          replaces: readFileSync(join(dir, "nixhome.json"), "utf8"),
        },
      ],
      dir,
    );
    run(
      planHost(readRepo(dir), { name: "vm", system: "aarch64-linux", home: "", layers: ["base"] }),
    );
    run(planTemplate(readRepo(dir), { lang: "go" }));
    const configs = homeConfigurations(readRepo(dir).spec);
    expect(configs.find((c) => c.host === "vm")?.homeDirectory).toBe("/home/bigboss");
    expect(json().hosts.vm).toEqual({ system: "aarch64-linux", layers: ["base"] });
  });
  it("stages what it wrote inside a git repository, and says to outside one", () => {
    const git = (...args: string[]) => spawnSync("git", ["-C", dir, ...args], { encoding: "utf8" });
    expect(gitAdd(dir, ["nixhome.json"])).toMatch(/not a git repository: run git add nixhome.json/);
    git("init", "-q");
    run(planTemplate(readRepo(dir), { lang: "go" }));
    expect(gitAdd(dir, ["profiles/project-templates/go.nix", "nixhome.json"])).toBe(
      "git add profiles/project-templates/go.nix nixhome.json",
    );
    expect(git("diff", "--cached", "--name-only").stdout.trim().split("\n").sort()).toEqual([
      "nixhome.json",
      "profiles/project-templates/go.nix",
    ]);
  });
});

describe("prompt answers", () => {
  it("are checked into the model's types, never cast", () => {
    expect(hostAnswers({ name: "x", system: "x86_64-linux", layers: "base,personal" })).toEqual({
      name: "x",
      system: "x86_64-linux",
      username: "",
      home: "",
      layers: ["base", "personal"],
    });
    expect(profileAnswers({ name: "x", hosts: ["laptop"] }).hosts).toEqual(["laptop"]);
    expect(() => hostAnswers({ name: 3 })).toThrow(/name: expected text/);
    expect(() => profileAnswers({ name: "x", hosts: [1] })).toThrow(/hosts: expected a list/);
  });
});

describe("template", () => {
  it("adds a project template by id or alias", () => {
    run(planTemplate(readRepo(dir), { lang: "golang" }));
    expect(json().templates).toEqual(["python", "node", "rust", "go"]);
    expect(readFileSync(join(dir, "profiles/project-templates/go.nix"), "utf8")).toContain(
      "mkShell",
    );
    expect(() => planTemplate(readRepo(dir), { lang: "go" })).toThrow(/template go already exists/);
    expect(() => planTemplate(readRepo(dir), { lang: "pyhton" })).toThrow(/did you mean python/);
  });
});

describeNix("real Nix after any sequence of generator runs", () => {
  it("parses every file and wires the new layer into the chosen configurations", () => {
    run(
      planProfile(readRepo(dir), { name: "gaming", packages: "prismlauncher", hosts: ["laptop"] }),
    );
    run(
      planHost(readRepo(dir), {
        name: "desktop",
        system: "x86_64-linux",
        layers: ["base", "gaming"],
      }),
    );
    run(planTemplate(readRepo(dir), { lang: "zig" }));
    run(planProfile(readRepo(dir), { name: "music", hosts: ["desktop", "default"] }));
    nixParse(nixFilesUnder(dir));
    // Evaluate the flake's outputs with stand-ins for nixpkgs and Home Manager:
    // the module list of each configuration is computed by the real flake.nix.
    const rel = (p: string) => p.slice(dir.length + 1);
    const out = evalHomeRepo(dir, [
      ...homeNixFiles(readRepo(dir).spec).flatMap((f) => collectPackages(f.expr)),
      "prismlauncher",
    ]);
    const configs = Object.fromEntries(
      Object.entries(out.homes).map(([k, h]) => [k, { ...h, modules: h.modules.map(rel) }]),
    );
    expect(Object.keys(configs).sort()).toEqual([
      "bigboss",
      "bigboss@cloud-instance",
      "bigboss@desktop",
      "bigboss@laptop",
      "bigboss@work-server",
    ]);
    expect(configs["bigboss@laptop"]?.modules).toEqual([
      "home.nix",
      "profiles/base.nix",
      "profiles/personal.nix",
      "profiles/gaming.nix",
      "hosts/laptop.nix",
    ]);
    expect(configs["bigboss@desktop"]?.modules).toEqual([
      "home.nix",
      "profiles/base.nix",
      "profiles/gaming.nix",
      "profiles/music.nix",
      "hosts/desktop.nix",
    ]);
    expect(configs.bigboss?.modules).toEqual([
      "home.nix",
      "profiles/base.nix",
      "profiles/personal.nix",
      "profiles/music.nix",
    ]);
    expect(configs["bigboss@work-server"]?.modules).not.toContain("profiles/gaming.nix");
    // The layer's packages: evaluate the module with a stand-in pkgs.
    const pkgs = nixEvalJson(
      `(import ${dir}/profiles/gaming.nix { pkgs = { prismlauncher = "prismlauncher"; }; lib = { }; config = { }; }).home.packages`,
    );
    expect(pkgs).toEqual(["prismlauncher"]);
  });
});
