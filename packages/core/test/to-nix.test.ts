import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { n, renderNix as render, toNix } from "../src/index.js";
import { describeNix, nixEvalJson, nixParseText } from "./support/nix.js";

/** Everything this file renders, parsed by real Nix at the end. */
const rendered: string[] = [];
const renderNix: typeof render = (...args) => {
  const text = render(...args);
  rendered.push(text);
  return text;
};

describe("toNix rejects values Nix cannot hold, naming the path", () => {
  const cases: Array<[string, unknown, RegExp]> = [
    [
      "undefined",
      { programs: { git: { settings: { user: { name: undefined } } } } },
      /^programs\.git\.settings\.user\.name: undefined/,
    ],
    ["NaN", { a: [1, Number.NaN] }, /^a\[1\]: NaN/],
    ["Infinity", { x: Number.POSITIVE_INFINITY }, /^x: Infinity/],
    ["-Infinity", [Number.NEGATIVE_INFINITY], /^\[0\]: -Infinity/],
    ["big integer", { n: 2n ** 63n }, /^n: integer 9223372036854775808 is outside/],
    ["small integer", { n: -(2n ** 63n) - 1n }, /outside Nix's 64-bit range/],
    ["function", { f: () => 1 }, /^f: function cannot be written as Nix/],
    ["symbol", { s: Symbol("x") }, /^s: symbol/],
    ["Date", { d: new Date(0) }, /^d: Date is not plain data/],
    ["Map", { m: new Map() }, /^m: Map is not plain data/],
    [
      "quoted key in path",
      { shellAliases: { "..": undefined } },
      /^shellAliases\."\.\.": undefined/,
    ],
  ];
  for (const [name, value, message] of cases) {
    it(name, () => {
      expect(() => toNix(value)).toThrow(TypeError);
      expect(() => toNix(value)).toThrow(message);
    });
  }
});

describe("layout", () => {
  it("quotes names that are not identifiers or are keywords", () => {
    expect(renderNix({ "..": "cd ..", if: 1, "a.b": 1, "": 1, or: 1, ok: 1 })).toBe(
      '{\n  ".." = "cd ..";\n  "if" = 1;\n  "a.b" = 1;\n  "" = 1;\n  "or" = 1;\n  ok = 1;\n}\n',
    );
  });
  it("parenthesises negative numbers in lists and writes floats Nix reads as floats", () => {
    expect(renderNix([-1, 1e21, 0.5, -2.5])).toBe("[\n  (-1)\n  1.0e+21\n  0.5\n  (-2.5)\n]\n");
  });
  it("collapses single-key chains into attribute paths", () => {
    // A set with one binding fits on one line (nixfmt keeps it there).
    expect(renderNix({ programs: { git: { enable: true } } })).toBe(
      "{ programs.git.enable = true; }\n",
    );
  });
  it("breaks long lists one item per line", () => {
    const items = Array.from({ length: 12 }, (_, i) => `package-number-${i}`);
    const text = renderNix({ xs: items });
    expect(text.split("\n")).toHaveLength(items.length + 5);
  });
  it("writes multi-line strings as indented strings with escapes", () => {
    expect(renderNix({ s: "echo ${HOME}\nsay '' twice\n" })).toBe(
      "{\n  s = ''\n    echo ''${HOME}\n    say ''' twice\n  '';\n}\n",
    );
  });
  it("is deterministic", () => {
    const v = { b: [1, { c: "x\ny" }], a: null };
    expect(renderNix(v)).toBe(renderNix(structuredClone(v)));
  });
  it("rejects identifiers that are not identifiers", () => {
    expect(() => n.id("bad name")).toThrow(/not a Nix identifier/);
    expect(() => n.path("./has space.nix")).not.toThrow();
    expect(() => renderNix(n.path("./has space.nix"))).toThrow(/not a Nix path literal/);
  });
});

const homeModule = n.fn(
  ["config", "pkgs", "lib"],
  n.attrs([
    n.bind(
      "home.packages",
      n.with("pkgs", n.list([n.item(n.id("git"), "Version control"), n.id("ripgrep")])),
    ),
    n.bind(
      "programs.zsh",
      n.attrs([
        n.bind("enable", true),
        n.bind("shellAliases", { ll: "ls -la", "..": "cd .." }),
        n.bind(
          "initContent",
          n.call("lib.mkOrder", 550, "autoload -U compinit\n# ${not interpolated}\n"),
        ),
      ]),
      { gap: true, comment: "The interactive shell." },
    ),
    n.bind("programs.git.settings.user.name", n.call("lib.mkDefault", 'Big "Boss" ${HOME}'), {
      gap: true,
    }),
    n.bind(
      "home.sessionVariables.EDITOR",
      n.select(n.ref("config.home.sessionVariables"), "VISUAL", "vim"),
    ),
  ]),
  { ellipsis: true },
);

const flake = n.attrs([
  n.bind("description", "A dev shell"),
  n.bind("inputs.nixpkgs.url", "github:NixOS/nixpkgs/nixpkgs-unstable", { gap: true }),
  n.bind(
    "outputs",
    n.fn(
      ["self", "nixpkgs"],
      n.let(
        [
          n.bind("systems", ["x86_64-linux", "aarch64-linux", "aarch64-darwin"]),
          n.bind(
            "forEachSystem",
            n.lambda(
              "f",
              n.call(
                "nixpkgs.lib.genAttrs",
                n.id("systems"),
                n.lambda(
                  "system",
                  n.call("f", n.select(n.ref("nixpkgs.legacyPackages"), [n.id("system")])),
                ),
              ),
            ),
          ),
        ],
        n.attrs([
          n.bind(
            "devShells",
            n.call(
              "forEachSystem",
              n.lambda(
                "pkgs",
                n.attrs([
                  n.bind(
                    "default",
                    n.call(
                      "pkgs.mkShell",
                      n.attrs([
                        n.bind(
                          "packages",
                          n.with("pkgs", n.list([n.id("python313"), n.id("uv"), n.id("ruff")])),
                        ),
                        n.bind("env.UV_PYTHON_DOWNLOADS", "never"),
                        n.bind(
                          "shellHook",
                          "if [ ! -d .venv ]; then\n  uv venv --quiet\nfi\nsource .venv/bin/activate\n",
                        ),
                      ]),
                    ),
                  ),
                ]),
              ),
            ),
          ),
          n.bind("formatter", n.call("forEachSystem", n.lambda("pkgs", n.ref("pkgs.nixfmt")))),
          n.bind("checks", n.update(n.attrs([]), n.attrs([n.bind("x", 1)]))),
          n.bind(
            "extra",
            n.concat(n.list([1]), n.list([-2]), n.call("builtins.attrNames", n.attrs([]))),
          ),
        ]),
      ),
      { ellipsis: true, bind: "inputs" },
    ),
    { gap: true },
  ),
]);

describe("golden layouts", () => {
  it("a Home Manager module", async () => {
    await expect(renderNix(homeModule)).toMatchFileSnapshot("__golden__/home-module.nix");
  });
  it("a flake", async () => {
    await expect(renderNix(flake)).toMatchFileSnapshot("__golden__/flake.nix");
  });
});

describeNix("golden layouts parse with real Nix", () => {
  it("parses both, and every other value this file renders", () => {
    nixParseText(renderNix(homeModule));
    nixParseText(renderNix(flake));
    for (const text of rendered) nixParseText(text);
  });
  it("evaluates the module's strings exactly", () => {
    const file = join(mkdtempSync(join(tmpdir(), "nixhome-golden-")), "m.nix");
    writeFileSync(file, renderNix(homeModule));
    const v = nixEvalJson(
      `let m = import ${file}; in (m { config = { home.sessionVariables = { }; }; pkgs = { git = "g"; ripgrep = "r"; }; lib = { mkDefault = x: x; mkOrder = _: x: x; }; }).programs.git.settings.user.name`,
    );
    expect(v).toBe('Big "Boss" ${HOME}');
  });
});
