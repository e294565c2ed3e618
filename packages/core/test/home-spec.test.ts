// HomeSpec: validation with one-line errors, normalisation, round trips,
// structural edits for generators, the single-file renderers, and the
// structural checks (option paths, precedence) proven to catch mistakes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addHost,
  addLayer,
  addTemplate,
  checkHostName,
  checkName,
  checkUsername,
  editSpec,
  type HmOption,
  HOST_PATTERN,
  homeConfigurations,
  indexOptions,
  LAYER_PATTERN,
  NixhomeError,
  n,
  optionProblems,
  parseHomeSpec,
  renderHome,
  renderHostFile,
  renderLayerFile,
  renderSpecJson,
  renderTemplateFile,
  STATE_VERSIONS,
  stackProblems,
  USERNAME_PATTERN,
} from "../src/index.js";
import { describeNix, nixEvalJson, nixParse } from "./support/nix.js";

const BASE = {
  version: 1,
  user: { name: "Big Boss", email: "bigboss@metalrodeo.xyz", username: "bigboss" },
  system: "x86_64-linux",
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

function error(fn: () => unknown): NixhomeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NixhomeError) return e;
    throw e;
  }
  throw new Error("expected a NixhomeError");
}

describe("parseHomeSpec", () => {
  it("fills every default and serialises explicitly", () => {
    const spec = parseHomeSpec({
      ...BASE,
      hosts: { laptop: {}, mac: { system: "aarch64-darwin" } },
    });
    expect(spec).toEqual({
      version: 1,
      user: { ...BASE.user, homeDirectory: "/home/bigboss" },
      system: "x86_64-linux",
      channel: "unstable",
      stateVersion: "26.05",
      shell: "zsh",
      editor: "vim",
      layers: ["base", "personal"],
      hosts: {
        laptop: { system: "x86_64-linux", layers: ["base", "personal"] },
        // Another OS keeps homes elsewhere: derived (by flake.nix too), never stored.
        mac: { system: "aarch64-darwin", layers: ["base", "personal"] },
      },
      templates: ["python", "node", "rust"],
      allowUnfree: [],
      plop: true,
      docker: true,
      codeServer: { enable: true, bind: "127.0.0.1", port: 8080 },
    });
    expect(parseHomeSpec(renderSpecJson(spec))).toEqual(spec);
    expect(homeConfigurations(spec).map((c) => c.homeDirectory)).toEqual([
      "/home/bigboss",
      "/home/bigboss",
      "/Users/bigboss",
    ]);
    // What was asked but the flake does not read stays under "created".
    expect(JSON.parse(renderSpecJson(spec)).created).toEqual({ channel: "unstable", plop: true });
    expect(parseHomeSpec({ ...BASE, created: { channel: "26.05", plop: false } })).toMatchObject({
      channel: "26.05",
      plop: false,
    });
  });

  it("leaves VS Code's unfree allowance to flake.nix (live: it follows the editor)", () => {
    expect(parseHomeSpec({ ...BASE, editor: "vscode" }).allowUnfree).toEqual([]);
    expect(parseHomeSpec({ ...BASE, templates: ["py", "js"] }).templates).toEqual([
      "python",
      "node",
    ]);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ["not JSON", "{", /^nixhome\.json: not valid JSON/],
    ["an array", [], /^nixhome\.json: expected an object$/],
    ["no version", { ...BASE, version: undefined }, /version: missing; expected 1$/],
    ["version 2", { ...BASE, version: 2 }, /version: unsupported version 2/],
    ["unknown field", { ...BASE, sytem: "x" }, /unknown field "sytem"; did you mean system\?/],
    [
      "bad username",
      { ...BASE, user: { ...BASE.user, username: "bad name" } },
      /user\.username: "bad name" is not a valid username/,
    ],
    ["dotdot username", { ...BASE, user: { ...BASE.user, username: "../x" } }, /user\.username/],
    ["dash username", { ...BASE, user: { ...BASE.user, username: "-rf" } }, /user\.username/],
    [
      "email",
      { ...BASE, user: { ...BASE.user, email: "boss" } },
      /user\.email: "boss" is not an email/,
    ],
    ["empty name", { ...BASE, user: { ...BASE.user, name: " " } }, /user\.name: the name is empty/],
    [
      "relative home",
      { ...BASE, user: { ...BASE.user, homeDirectory: "home/x" } },
      /not an absolute path/,
    ],
    [
      "home with ..",
      { ...BASE, user: { ...BASE.user, homeDirectory: "/home/../etc" } },
      /"\.\." segments/,
    ],
    [
      "system",
      { ...BASE, system: "x86_64-linx" },
      /unknown system "x86_64-linx".*did you mean x86_64-linux/,
    ],
    [
      "darwin on unstable",
      { ...BASE, system: "x86_64-darwin" },
      /not supported by nixpkgs on the unstable channel; use --channel 26\.05/,
    ],
    ["shell", { ...BASE, shell: "zhs" }, /unknown shell "zhs".*did you mean zsh\?/],
    ["editor", { ...BASE, editor: "emacs" }, /unknown editor "emacs"/],
    ["channel", { ...BASE, channel: "25.11" }, /unknown channel "25\.11"/],
    [
      "state version",
      { ...BASE, stateVersion: "27.05" },
      /stateVersion: state version "27\.05" is not one/,
    ],
    [
      "template",
      { ...BASE, templates: ["pyhton"] },
      /templates\[0\]: unknown template "pyhton"; did you mean python/,
    ],
    ["template twice", { ...BASE, templates: ["python", "py"] }, /"python" is listed twice/],
    [
      "host name",
      { ...BASE, hosts: { "bad host": {} } },
      /hosts: "bad host" is not a valid host name/,
    ],
    ["host case clash", { ...BASE, hosts: { Laptop: {}, laptop: {} } }, /differ only in case/],
    ["host field", { ...BASE, hosts: { a: { sytem: "x" } } }, /hosts\.a: unknown field "sytem"/],
    [
      "host system",
      { ...BASE, hosts: { a: { system: "riscv64-linux" } } },
      /hosts\.a\.system: unknown system/,
    ],
    [
      "layer name",
      { ...BASE, layers: ["base", "Work Stuff"] },
      /layers\[1\]: "Work Stuff" is not a valid layer name/,
    ],
    ["reserved layer", { ...BASE, layers: ["project-templates"] }, /reserved/],
    [
      "unfree name",
      { ...BASE, allowUnfree: ["a b"] },
      /allowUnfree\[0\]: "a b" is not a package name/,
    ],
    ["plop", { ...BASE, plop: "yes" }, /plop: expected true or false/],
  ];
  for (const [what, json, message] of bad)
    it(`refuses ${what} in one line`, () => {
      const e = error(() => parseHomeSpec(json));
      expect(e.message).toMatch(message);
      expect(e.message).not.toContain("\n");
      expect(e.exitCode).toBe(2);
    });

  it("round-trips any valid spec through nixhome.json", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/);
    fc.assert(
      fc.property(
        fc.record({
          name: fc.string({ minLength: 1 }).filter((s) => checkName(s) === undefined),
          username: fc.stringMatching(/^[a-z_][a-z0-9_.-]{0,15}$/),
          shell: fc.constantFrom("zsh", "bash", "fish"),
          editor: fc.constantFrom("vim", "vscode"),
          stateVersion: fc.constantFrom(...STATE_VERSIONS),
          hosts: fc.uniqueArray(name, { maxLength: 4 }),
          templates: fc.subarray(["python", "node", "rust", "go", "zig"]),
        }),
        (r) => {
          const spec = parseHomeSpec({
            ...BASE,
            user: { name: r.name, email: "a@b.c", username: r.username },
            shell: r.shell,
            editor: r.editor,
            stateVersion: r.stateVersion,
            hosts: Object.fromEntries(r.hosts.map((h) => [h, {}])),
            templates: r.templates,
          });
          expect(parseHomeSpec(renderSpecJson(spec))).toEqual(spec);
          expect(renderHome(spec).length).toBeGreaterThan(8);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("name patterns", () => {
  it("refuse names that would escape a path, a flag or a word", () => {
    for (const bad of ["bad name", "../x", "-rf", "", "a/b", ".hidden", "x".repeat(40)])
      expect(checkUsername(bad), bad).toBeDefined();
    for (const bad of ["bad name", "../x", "-rf", "", "a_b", "end-", "x".repeat(64)])
      expect(checkHostName(bad), bad).toBeDefined();
    for (const good of ["bigboss", "_svc", "john.doe", "ops-1"])
      expect(checkUsername(good)).toBeUndefined();
    expect(HOST_PATTERN.test("work-server")).toBe(true);
    expect(LAYER_PATTERN.test("work")).toBe(true);
    expect(LAYER_PATTERN.test("Work")).toBe(false);
    expect(USERNAME_PATTERN.test("root")).toBe(true);
  });
});

describe("edits for generators", () => {
  const spec = parseHomeSpec({ ...BASE, hosts: { laptop: {}, "work-server": {} } });

  it("adds a layer to the default configuration and chosen hosts", () => {
    const next = addLayer(spec, "work", { default: false, hosts: ["work-server"] });
    expect(next.layers).toEqual(["base", "personal"]);
    expect(next.hosts["work-server"]?.layers).toEqual(["base", "personal", "work"]);
    expect(next.hosts.laptop?.layers).toEqual(["base", "personal"]);
    expect(spec.hosts["work-server"]?.layers).toEqual(["base", "personal"]);
    expect(renderHome(next).map((f) => f.path)).toContain("profiles/work.nix");
    expect(() => addLayer(spec, "Bad", {})).toThrow(/not a valid layer name/);
    expect(() => addLayer(spec, "x", { hosts: ["nope"] })).toThrow(/unknown host "nope"/);
    expect(() => addLayer(spec, "x", {})).toThrow(/choose at least one host/);
    expect(() => addLayer(next, "work", { default: true })).toThrow(/layer work already exists/);
  });

  it("adds a host and a template", () => {
    const next = addHost(spec, "pi", { system: "aarch64-linux", username: "pi" });
    expect(next.hosts.pi).toEqual({
      system: "aarch64-linux",
      layers: ["base", "personal"],
      username: "pi",
    });
    expect(homeConfigurations(next).find((c) => c.host === "pi")?.homeDirectory).toBe("/home/pi");
    expect(() => addHost(spec, "Laptop", { system: "x86_64-linux" })).toThrow(
      /"Laptop" clashes with "laptop": they differ only in case/,
    );
    expect(() => addHost(spec, "laptop", { system: "x86_64-linux" })).toThrow(/already exists/);
    expect(() => addHost(spec, "mac", { system: "x86_64-darwin" })).toThrow(/26\.05/);
    expect(() => addHost(spec, "pi", { system: "aarch64-linux", layers: ["nope"] })).toThrow(
      /unknown layer "nope"/,
    );
    expect(addTemplate(spec, "golang").templates).toEqual(["python", "node", "rust", "go"]);
    expect(() => addTemplate(spec, "py")).toThrow(/template python already exists/);
    expect(() => addTemplate(spec, "cobol")).toThrow(/unknown template/);
  });

  it("applies several edits in order, each checked against the ones before, all or nothing", () => {
    const next = editSpec(spec, [
      { host: "pi", entry: { system: "aarch64-linux" } },
      { layer: "work", options: { hosts: ["pi"] } },
      { template: "golang" },
    ]);
    expect(next.hosts.pi?.layers).toEqual(["base", "personal", "work"]);
    expect(next.templates).toEqual(["python", "node", "rust", "go"]);
    expect(next).toEqual(
      addTemplate(
        addLayer(addHost(spec, "pi", { system: "aarch64-linux" }), "work", { hosts: ["pi"] }),
        "go",
      ),
    );
    expect(() =>
      editSpec(spec, [
        { host: "pi", entry: { system: "aarch64-linux" } },
        { host: "PI", entry: { system: "aarch64-linux" } },
      ]),
    ).toThrow(/"PI" clashes with "pi"/);
    expect(() => editSpec(spec, [{ template: "go" }, { template: "golang" }])).toThrow(
      /template go already exists/,
    );
    expect(spec.hosts.pi).toBeUndefined();
    expect(spec.templates).toEqual(["python", "node", "rust"]);
  });
});

describe("structural checks catch mistakes", () => {
  it("flags renamed, hidden, unknown and misplaced options", () => {
    const module = n.fn(
      ["lib"],
      n.attrs([
        n.bind("programs.git.userName", "x"),
        n.bind("programs.zsh.initExtra", "x"),
        n.bind("programs.nope.enable", true),
        n.bind("programs.zsh.oh-my-zsh.nope", true),
        n.bind("home.username.first", "x"),
        n.bind("programs.git.settings.user.name", n.call("lib.mkForce", "ok")),
        n.bind(
          "programs.zsh",
          n.attrs([n.bind("shellAliases", n.attrs([n.bind([".."], "cd ..")]))]),
        ),
      ]),
      { ellipsis: true },
    );
    expect(optionProblems(module, options)).toEqual([
      "programs.git.userName: programs.git.userName was renamed to programs.git.settings.user.name",
      "programs.zsh.initExtra: programs.zsh.initExtra is hidden (deprecated)",
      "programs.nope.enable: no such Home Manager option",
      "programs.zsh.oh-my-zsh.nope: no such option in programs.zsh.oh-my-zsh",
      "home.username.first: home.username (non-empty string) takes no attributes",
    ]);
  });

  it("flags same-priority scalars and overrides that would lose", () => {
    const mod = (bindings: ReturnType<typeof n.bind>[]) =>
      n.fn(["lib"], n.attrs(bindings), { ellipsis: true });
    const problems = stackProblems([
      ["base", mod([n.bind("a.x", n.call("lib.mkDefault", 1)), n.bind("a.list", n.list([1]))])],
      ["personal", mod([n.bind("a.x", 2), n.bind("a.y", 1), n.bind("a.list", n.list([2]))])],
      ["work", mod([n.bind("a.y", 2)])],
      ["host", mod([n.bind("a.x", n.call("lib.mkDefault", 3))])],
    ]);
    expect(problems).toEqual([
      "stack: a.y is defined in personal and work at priority 100",
      "stack: a.x in host does not override personal",
    ]);
  });
});

describeNix("single-file renderers", () => {
  it("write files Nix parses and evaluates", () => {
    const dir = mkdtempSync(join(tmpdir(), "nixhome-single-"));
    const files = {
      "layer.nix": renderLayerFile({
        name: "work",
        purpose: "Work tools.",
        packages: ["kubectl", "python3Packages.pip"],
      }),
      "empty-layer.nix": renderLayerFile({ name: "empty" }),
      "host.nix": renderHostFile("build-box"),
      "go.nix": renderTemplateFile("go"),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    nixParse(Object.keys(files).map((f) => join(dir, f)));
    expect(files["layer.nix"]).toContain("# Work tools.");
    expect(files["layer.nix"]).toContain(
      "with pkgs; [\n    kubectl\n    python3Packages.pip\n  ];",
    );
    // The host file takes what its comments tell the reader to use.
    expect(files["host.nix"]).toMatch(/^\{\s*pkgs,\s*lib,\s*\.\.\.\s*\}:/);
    const host = nixEvalJson(`(import ${dir}/host.nix { pkgs = { }; lib = { }; }).home.packages`);
    expect(host).toEqual([]);
  });
});
