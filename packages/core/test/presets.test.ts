import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Preset, presetAttrs } from "../src/devshell/preset.js";
import { presetEvidence, presetShells, presets } from "../src/devshell/presets/index.js";
import { satisfyingKey } from "../src/devshell/versions.js";

interface AttributeEntry {
  name: string;
  status: "present" | "removed" | "unfree" | "alias" | "unverified";
}

// The repo is cloned beside shared/, i.e. <root>/../shared.
const attributesUrl = new URL("../../../../shared/nixpkgs/attributes.json", import.meta.url);
const attributes = JSON.parse(readFileSync(attributesUrl, "utf8")) as {
  attributes: AttributeEntry[];
};
const statusOf = new Map(attributes.attributes.map((a) => [a.name, a.status]));

const presetDir = new URL("../src/devshell/presets/", import.meta.url);
const verifiedNamesUrl = new URL("../src/devshell/verified-names.txt", import.meta.url);
const verifiedNames = new Set(
  readFileSync(verifiedNamesUrl, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#")),
);

/** the-nix-way/dev-templates languages (snapshot 2026-05-15); each needs a preset. */
const DEV_TEMPLATES = [
  "bun",
  "c-cpp",
  "clojure",
  "csharp",
  "cue",
  "deno",
  "dhall",
  "elixir",
  "elm",
  "gleam",
  "go",
  "hashi",
  "haskell",
  "haxe",
  "java",
  "jupyter",
  "kotlin",
  "latex",
  "lean4",
  "nickel",
  "nim",
  "nix",
  "node",
  "ocaml",
  "odin",
  "opa",
  "php",
  "platformio",
  "protobuf",
  "pulumi",
  "purescript",
  "python",
  "r",
  "ruby",
  "rust",
  "scala",
  "shell",
  "swi-prolog",
  "swift",
  "typst",
  "vlang",
  "zig",
];

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function versionAttrs(p: Preset): string[] {
  return p.version ? Object.values(p.version.attrs) : [];
}

/** Every nixpkgs attribute a preset can put into a shell. */
function attrsOf(p: Preset): string[] {
  return presetAttrs(p);
}

function compile(source: string): RegExp {
  return new RegExp(source, "m");
}

/** Number of capture groups: an alternation with the empty pattern always matches "". */
function groupCount(source: string): number {
  const match = new RegExp(`${source}|`).exec("");
  return match ? match.length - 1 : 0;
}

function byId(id: string): Preset {
  const preset = presets.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset;
}

/** First version a preset's versionFrom reads from a file with the given content. */
function detectVersion(id: string, file: string, content: string): string | undefined {
  for (const source of byId(id).versionFrom ?? []) {
    if (source.file !== file || source.pattern === undefined) continue;
    const match = compile(source.pattern).exec(content);
    const knob = byId(id).version;
    if (match?.[1] && knob) return satisfyingKey(knob, match[1], source.kind ?? "exact")?.key;
  }
  return undefined;
}

describe("devshell presets", () => {
  it("has at least 55 presets, sorted by id", () => {
    expect(presets.length).toBeGreaterThanOrEqual(55);
    const ids = presets.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
  });

  it("has unique kebab-case ids that match the file names", () => {
    const ids = presets.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(KEBAB);
    const files = readdirSync(presetDir)
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .map((f) => f.slice(0, -".ts".length))
      .sort();
    expect(files).toEqual([...ids].sort());
    expect(Object.keys(presetEvidence).sort()).toEqual([...ids].sort());
  });

  it("offers each preset's shell on its own, in the same order (project templates use it)", () => {
    const shellKeys = [
      "id",
      "name",
      "aliases",
      "version",
      "packages",
      "linuxOnly",
      "darwinOnly",
      "unfreeOptIn",
      "env",
      "shellHook",
      "tool",
      "packageSet",
      "commands",
    ];
    expect(presetShells.map((s) => s.id)).toEqual(presets.map((p) => p.id));
    presets.forEach((p, i) => {
      const shell = presetShells[i] as unknown as Record<string, unknown>;
      for (const key of shellKeys)
        expect(shell[key], `${p.id}.${key}`).toEqual(
          (p as unknown as Record<string, unknown>)[key],
        );
      expect(
        Object.keys(shell).every((k) => shellKeys.includes(k)),
        p.id,
      ).toBe(true);
    });
  });

  it("has unique aliases that never equal a preset id", () => {
    const ids = new Set(presets.map((p) => p.id));
    const seen = new Map<string, string>();
    for (const p of presets) {
      for (const alias of p.aliases) {
        expect(alias, `${p.id}: alias "${alias}"`).toBe(alias.toLowerCase().trim());
        expect(ids.has(alias), `${p.id}: alias "${alias}" is an id`).toBe(false);
        expect(seen.get(alias), `alias "${alias}" of ${p.id}`).toBeUndefined();
        seen.set(alias, p.id);
      }
    }
  });

  it("resolves the usual words to the right preset", () => {
    const lookup = (word: string) => presets.find((p) => p.id === word || p.aliases.includes(word));
    const expected: Record<string, string> = {
      js: "node",
      ts: "node",
      javascript: "node",
      typescript: "node",
      nodejs: "node",
      py: "python",
      python3: "python",
      golang: "go",
      cpp: "c-cpp",
      c: "c-cpp",
      "c++": "c-cpp",
      rs: "rust",
      hs: "haskell",
      tf: "hashi",
      terraform: "hashi",
      opentofu: "hashi",
      k8s: "kubernetes",
    };
    for (const [word, id] of Object.entries(expected)) expect(lookup(word)?.id, word).toBe(id);
  });

  it("covers every the-nix-way/dev-templates language by id or alias", () => {
    for (const lang of DEV_TEMPLATES) {
      const found = presets.some((p) => p.id === lang || p.aliases.includes(lang));
      expect(found, lang).toBe(true);
    }
  });

  it("has a one-line name and description", () => {
    for (const p of presets) {
      expect(p.name.trim(), p.id).not.toBe("");
      expect(p.description, p.id).not.toMatch(/\n/);
      expect(p.description.length, p.id).toBeGreaterThan(0);
      expect(p.description.length, p.id).toBeLessThanOrEqual(100);
    }
  });

  it("has evidence for every attribute it uses, and only for those", () => {
    for (const p of presets) {
      const used = new Set(attrsOf(p));
      for (const attr of used) {
        const evidence = presetEvidence[p.id]?.[attr];
        expect(evidence, `${p.id}: evidence for ${attr}`).toBeTruthy();
        expect(evidence, `${p.id}: ${attr}`).toMatch(/NixOS\/nixpkgs|attributes\.json/);
      }
      for (const attr of Object.keys(presetEvidence[p.id] ?? {})) {
        expect(used.has(attr), `${p.id}: stray evidence ${attr}`).toBe(true);
      }
    }
  });

  it("uses no removed or alias attribute, and unfree ones only as opt-in", () => {
    for (const p of presets) {
      for (const attr of attrsOf(p)) {
        const status = statusOf.get(attr);
        expect(status, `${p.id}: ${attr}`).not.toBe("removed");
        expect(status, `${p.id}: ${attr}`).not.toBe("alias");
      }
      for (const attr of [...versionAttrs(p), ...p.packages, ...(p.linuxOnly ?? [])]) {
        expect(statusOf.get(attr), `${p.id}: ${attr} is unfree`).not.toBe("unfree");
      }
      for (const attr of p.darwinOnly ?? []) {
        expect(statusOf.get(attr), `${p.id}: ${attr} is unfree`).not.toBe("unfree");
      }
    }
    // The HashiCorp BSL tools stay behind --allow-unfree.
    expect(byId("hashi").unfreeOptIn).toEqual(
      expect.arrayContaining(["terraform", "packer", "vault", "nomad"]),
    );
  });

  it("lists each attribute once per preset", () => {
    for (const p of presets) {
      const all = attrsOf(p);
      expect(new Set(all).size, `${p.id}: ${all.join(", ")}`).toBe(all.length);
    }
  });

  it("has version defaults that are keys of attrs", () => {
    for (const p of presets) {
      if (!p.version) continue;
      const { flag, attrs } = p.version;
      expect(flag, p.id).toMatch(KEBAB);
      expect(Object.keys(attrs).length, p.id).toBeGreaterThan(0);
      expect(Object.keys(attrs), p.id).toContain(p.version.default);
    }
  });

  it("gives presets that share a version flag the same choices", () => {
    const byFlag = new Map<string, string>();
    for (const p of presets) {
      if (!p.version) continue;
      const shape = JSON.stringify(p.version);
      const before = byFlag.get(p.version.flag);
      if (before !== undefined) expect(shape, p.id).toBe(before);
      byFlag.set(p.version.flag, shape);
    }
  });

  it("has markers that compile and name a file or an extension", () => {
    for (const p of presets) {
      for (const marker of p.markers) {
        expect(marker.file ?? marker.ext, `${p.id}: ${JSON.stringify(marker)}`).toBeTruthy();
        if (marker.ext !== undefined) expect(marker.ext, p.id).toMatch(/^\.[A-Za-z0-9.]+$/);
        if (marker.contains !== undefined) {
          expect(marker.file, `${p.id}: contains needs a file`).toBeTruthy();
          expect(() => compile(marker.contains as string), p.id).not.toThrow();
        }
      }
      // flake.nix is in every generated project and a bare Makefile says nothing.
      const files = p.markers.map((m) => m.file);
      expect(files, p.id).not.toContain("flake.nix");
      expect(files, p.id).not.toContain("Makefile");
    }
  });

  it("has versionFrom patterns that compile and capture the version", () => {
    for (const p of presets) {
      for (const source of p.versionFrom ?? []) {
        if (source.pattern === undefined) {
          expect(source.json, `${p.id}: ${source.file}`).toBeTruthy();
          continue;
        }
        expect(() => compile(source.pattern as string), `${p.id}: ${source.pattern}`).not.toThrow();
        expect(groupCount(source.pattern as string), `${p.id}: ${source.pattern}`).toBeGreaterThan(
          0,
        );
      }
      // Haskell has no verified GHC choice: its pins are read to be reported.
      if (p.versionFrom?.length && p.id !== "haskell") {
        expect(p.version, `${p.id}: versionFrom without knob`).toBeTruthy();
      }
    }
  });

  it("reads versions from the usual files", () => {
    expect(detectVersion("python", ".python-version", "3.12.4\n")).toBe("3.12");
    expect(detectVersion("node", ".nvmrc", "v22.11.0\n")).toBe("22");
    expect(detectVersion("go", "go.mod", "module example.com/x\n\ngo 1.27.1\n")).toBe("1.27");
    expect(detectVersion("ruby", ".ruby-version", "ruby-3.4.1\n")).toBe("3.4");
    expect(detectVersion("php", "composer.json", '{"require": {"php": "^8.3"}}')).toBe("8.3");
    expect(detectVersion("java", ".java-version", "21\n")).toBe("21");
    expect(detectVersion("zig", "build.zig.zon", '.minimum_zig_version = "0.15.1",')).toBe("0.15");
  });

  it("refers only to existing presets in supersedes", () => {
    const ids = new Set(presets.map((p) => p.id));
    for (const p of presets) {
      for (const other of p.supersedes ?? []) {
        expect(ids.has(other), `${p.id} supersedes ${other}`).toBe(true);
        expect(other, p.id).not.toBe(p.id);
      }
    }
    expect(byId("bun").supersedes).toContain("node");
    expect(byId("deno").supersedes).toContain("node");
  });

  it("keeps hooks, env and gitignore entries well-formed", () => {
    for (const p of presets) {
      if (p.shellHook !== undefined) expect(p.shellHook.trim(), p.id).not.toBe("");
      for (const [name, value] of Object.entries(p.env ?? {})) {
        expect(name, p.id).toMatch(/^[A-Z_][A-Z0-9_]*$/);
        expect(typeof value, p.id).toBe("string");
      }
      for (const entry of p.gitignore ?? []) expect(entry, p.id).toMatch(/^[^\s*]+\/$/);
    }
    expect(byId("python").gitignore).toContain(".venv/");
  });

  it("lists every used attribute in verified-names.txt", () => {
    for (const p of presets) {
      for (const attr of attrsOf(p)) {
        expect(verifiedNames.has(attr), `${p.id}: ${attr} missing from verified-names.txt`).toBe(
          true,
        );
      }
    }
  });
});
