import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  detectProject,
  findPreset,
  MAX_SUBDIRS,
  matchVersion,
  type Preset,
  presets,
  type VersionKnob,
} from "../src/index.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/devshell/detect/", import.meta.url));

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "nixhome-detect-"));
}
function write(root: string, files: Record<string, string>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
const ids = (dir: string) => detectProject(dir).presets.map((p) => p.id);

/** Fixture → detected ids (in order), with versions where the project pins one. */
const EXPECTED: Record<
  string,
  { ids: string[]; versions?: Record<string, string>; note?: RegExp }
> = {
  ansible: { ids: ["ansible"] },
  "ansible-unrelated-requirements": { ids: [] },
  bun: { ids: ["bun"], note: /bun replaces node/ },
  "c-cpp": { ids: ["c-cpp"] },
  clojure: { ids: ["clojure"] },
  "common-lisp": { ids: ["common-lisp"] },
  crystal: { ids: ["crystal"] },
  csharp: { ids: ["csharp"], versions: { csharp: "9" } },
  cue: { ids: ["cue"] },
  d: { ids: ["d"] },
  dart: { ids: ["dart"] },
  deno: { ids: ["deno"], note: /deno replaces node/ },
  dhall: { ids: ["dhall"] },
  elixir: {
    ids: ["elixir"],
    versions: { elixir: "1.18" },
    note: /pins Elixir 1\.18\.4; nixpkgs has one Elixir 1\.18/,
  },
  elm: { ids: ["elm"] },
  empty: { ids: [] },
  // minimum_otp_vsn is a floor: the default OTP 28 satisfies it.
  erlang: { ids: ["erlang"], versions: { erlang: "28" } },
  flutter: { ids: ["flutter"], note: /flutter replaces dart/ },
  "fortran-cmake": { ids: ["c-cpp", "fortran"] },
  "fortran-fpm": { ids: ["fortran"] },
  fsharp: { ids: ["fsharp"] },
  gleam: { ids: ["gleam"] },
  go: { ids: ["go"], versions: { go: "1.26" } },
  "go-toolchain": { ids: ["go"], versions: { go: "1.27" } },
  hashi: { ids: ["hashi"] },
  haskell: { ids: ["haskell"] },
  haxe: { ids: ["haxe"] },
  idris2: { ids: ["idris2"] },
  janet: { ids: ["janet"] },
  "java-gradle-kotlin": { ids: ["java", "kotlin"], versions: { java: "21" } },
  "java-maven": { ids: ["java"], versions: { java: "17" } },
  julia: { ids: ["julia"], versions: { julia: "1.10" } },
  jupyter: { ids: ["jupyter"] },
  kubernetes: { ids: ["kubernetes"] },
  latex: { ids: ["latex"] },
  lean4: { ids: ["lean4"] },
  lua: { ids: ["lua"] },
  markdown: { ids: ["markdown"] },
  // web/ and api/ are projects; examples/ is skipped; scripts/*.sh and docs/*.tex are loose files.
  monorepo: { ids: ["go", "node"], versions: { go: "1.27", node: "22" } },
  nickel: { ids: ["nickel"] },
  nim: { ids: ["nim"] },
  nix: { ids: ["nix"] },
  // engines.node ">=20" is satisfied by the default.
  "node-npm": { ids: ["node"], versions: { node: "24" } },
  "node-nvmrc": {
    ids: ["node"],
    versions: { node: "22" },
    note: /\.nvmrc pins Node\.js v22\.11\.0/,
  },
  ocaml: { ids: ["ocaml"] },
  odin: { ids: ["odin"] },
  opa: { ids: ["opa"] },
  perl: { ids: ["perl"] },
  php: { ids: ["php"], versions: { php: "8.3" } },
  platformio: { ids: ["platformio"] },
  protobuf: { ids: ["protobuf"] },
  pulumi: { ids: ["pulumi"] },
  purescript: { ids: ["purescript"], note: /purescript replaces dhall/ },
  "python-old": {
    ids: ["python"],
    note: /Python 3\.9\.18, which none of the offered versions satisfies; using 3\.13/,
  },
  "python-requirements": { ids: ["python"] },
  "python-uv": { ids: ["python"], versions: { python: "3.12" }, note: /pins Python 3\.12\.4/ },
  r: { ids: ["r"] },
  racket: { ids: ["racket"] },
  ruby: {
    ids: ["ruby"],
    versions: { ruby: "3.4" },
    note: /\.ruby-version pins Ruby 3\.4\.1; nixpkgs has one Ruby 3\.4/,
  },
  rust: { ids: ["rust"] },
  scala: { ids: ["scala"] },
  shell: { ids: ["shell"] },
  solidity: { ids: ["solidity"] },
  "swi-prolog": { ids: ["swi-prolog"] },
  swift: { ids: ["swift"] },
  typst: { ids: ["typst"] },
  verilog: { ids: ["verilog"] },
  vlang: { ids: ["vlang"] },
  zig: { ids: ["zig"], versions: { zig: "0.15" } },
};

describe("detectProject on fixture projects", () => {
  const fixtures = readdirSync(FIXTURES).sort();

  it("has an expectation for every fixture and a fixture for every expectation", () => {
    expect(fixtures).toEqual(Object.keys(EXPECTED).sort());
  });

  it("covers every preset that has markers (at least 20 ecosystems)", () => {
    const covered = new Set(Object.values(EXPECTED).flatMap((e) => e.ids));
    const withMarkers = presets.filter((p) => p.markers.length > 0).map((p) => p.id);
    expect(withMarkers.filter((id) => !covered.has(id))).toEqual([]);
    expect(withMarkers.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of Object.keys(EXPECTED)) {
    const want = EXPECTED[name] as (typeof EXPECTED)[string];
    it(name, () => {
      const result = detectProject(join(FIXTURES, name));
      expect(result.presets.map((p) => p.id)).toEqual(want.ids);
      const versions = Object.fromEntries(
        result.presets.filter((p) => p.version).map((p) => [p.id, p.version]),
      );
      expect(versions).toEqual(want.versions ?? {});
      for (const p of result.presets) expect(p.reason).not.toBe("");
      if (want.note) expect(result.notes.join("\n")).toMatch(want.note);
      else expect(result.notes).toEqual([]);
    });
  }
});

describe("every marker of every preset", () => {
  for (const preset of presets)
    for (const [i, marker] of preset.markers.entries()) {
      if (marker.contains !== undefined) continue; // content markers have fixtures above
      it(`${preset.id} #${i}: ${marker.file ?? `*${marker.ext}`}`, () => {
        const dir = tmp();
        const name = marker.file ?? `project${marker.ext}`;
        write(dir, { [name]: "\n" });
        expect(ids(dir)).toContain(preset.id);
      });
    }
});

describe("what detection reads", () => {
  it("looks one level down only, and only at named manifests there", () => {
    const dir = write(tmp(), {
      "a/b/Cargo.toml": "[package]\n", // two levels: not read
      "tools/go.mod": "module x\n\ngo 1.26\n", // one level, a manifest: read
      "scripts/run.sh": "#!/bin/sh\n", // one level, by extension: ignored
    });
    expect(ids(dir)).toEqual(["go"]);
    expect(detectProject(dir).presets[0]?.reason).toMatch(/^tools\/go\.mod/);
  });

  it("skips hidden, dependency, build and example folders", () => {
    const dir = write(tmp(), {
      "node_modules/x/package.json": "{}",
      "node_modules/package.json": "{}",
      ".cache/package.json": "{}",
      "target/Cargo.toml": "",
      "vendor/composer.json": "{}",
      "examples/pyproject.toml": "",
      "dist/go.mod": "",
    });
    expect(ids(dir)).toEqual([]);
  });

  it("can be limited to the root", () => {
    const dir = write(tmp(), { "web/package.json": '{"name":"web"}' });
    expect(detectProject(dir, { subfolders: false }).presets).toEqual([]);
    expect(ids(dir)).toEqual(["node"]);
  });

  it("lists at most MAX_SUBDIRS subfolders", () => {
    const dir = tmp();
    for (let i = 0; i < MAX_SUBDIRS + 5; i++)
      mkdirSync(join(dir, `d${String(i).padStart(4, "0")}`));
    write(dir, { "zzz/package.json": "{}", "d0000/go.mod": "module x\n" });
    expect(ids(dir)).toEqual(["go"]);
  });

  it("takes well under a second on a tree of 10,000 files", () => {
    const dir = tmp();
    for (let d = 0; d < 100; d++) {
      const sub = join(dir, `pkg${d}`, "src");
      mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 99; f++) writeFileSync(join(sub, `m${f}.py`), "");
      writeFileSync(join(dir, `pkg${d}`, "pyproject.toml"), "[project]\n");
    }
    write(dir, { "package.json": '{"engines":{"node":">=22"}}', ".python-version": "3.14\n" });
    const t = performance.now();
    const result = detectProject(dir);
    const ms = performance.now() - t;
    expect(result.presets.map((p) => [p.id, p.version])).toEqual([
      ["node", "24"],
      ["python", "3.14"],
    ]);
    // The bench (bench/run.mjs of create-nix-devshell) reports the real figure; this only
    // catches a recursive walk.
    expect(ms).toBeLessThan(1000);
  });

  it("reads a root version hint for a preset found in a subfolder", () => {
    const dir = write(tmp(), {
      "web/package.json": '{"name":"web"}',
      ".tool-versions": "nodejs 22.4.0\n",
    });
    expect(detectProject(dir).presets).toEqual([
      {
        id: "node",
        version: "22",
        reason: "web/package.json; .tool-versions asks for 22.4.0",
        dirs: ["web"],
      },
    ]);
  });

  it("says when the project's version is not offered, and keeps the default", () => {
    const dir = write(tmp(), { "package.json": "{}", ".nvmrc": "lts/iron\n" });
    expect(detectProject(dir).presets[0]?.version).toBeUndefined();
    const old = write(tmp(), { "package.json": "{}", ".nvmrc": "v16.20.0\n" });
    const r = detectProject(old);
    expect(r.presets[0]?.version).toBeUndefined();
    expect(r.notes).toEqual([
      ".nvmrc asks for Node.js v16.20.0, which none of the offered versions satisfies; using 24 (supported --node versions: 22, 24, 26)",
    ]);
  });

  it("fails with one line for a missing directory or a file", () => {
    const dir = tmp();
    expect(() => detectProject(join(dir, "nope"))).toThrow(/does not exist$/);
    write(dir, { file: "" });
    expect(() => detectProject(join(dir, "file"))).toThrow(/is not a directory$/);
  });
});

describe("matchVersion", () => {
  const knob: VersionKnob = {
    flag: "python",
    default: "3.13",
    attrs: { "3.12": "python312", "3.13": "python313", "3.14": "python314" },
  };
  const node: VersionKnob = {
    flag: "node",
    default: "24",
    attrs: { "22": "nodejs_22", "24": "nodejs_24" },
  };
  it.each([
    ["3.12.4", "3.12"],
    ["3.12", "3.12"],
    ["v3.14.0rc1", "3.14"],
    ["3", "3.13"],
    ["3.10", null],
    ["pypy", null],
  ])("python %s → %s", (hint, want) => expect(matchVersion(knob, hint)).toBe(want));
  it.each([
    ["22.11.0", "22"],
    ["v24", "24"],
    [">=20", "24"],
    [">=26", null],
    ["20", null],
  ])("node %s → %s", (hint, want) => expect(matchVersion(node, hint)).toBe(want));
  it("picks the newest match for a short hint when the default does not match", () => {
    expect(
      matchVersion(
        { ...knob, default: "3.12", attrs: { "3.12": "a", "4.0": "b", "4.1": "c" } },
        "4",
      ),
    ).toBe("4.1");
  });
});

describe("findPreset", () => {
  it("finds ids and aliases, case-insensitively", () => {
    expect(findPreset("python")?.id).toBe("python");
    expect(findPreset("PY")?.id).toBe("python");
    expect(findPreset("golang")?.id).toBe("go");
    expect(findPreset("pyton")).toBeUndefined();
  });
  it("knows every id and alias once", () => {
    const words = presets.flatMap((p: Preset) => [p.id, ...p.aliases.map((a) => a.toLowerCase())]);
    expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
  });
});
