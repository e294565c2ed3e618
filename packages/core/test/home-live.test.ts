// Every field of nixhome.json is live: change it, evaluate the repository
// again (flake.nix and every module, with the stand-ins of support/home-eval.nix),
// and the outcome changes. "created" is the one record flake.nix never reads.
// The fields are enumerated from what renderSpecJson writes, so a new field
// without a mutation here fails the test.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, it } from "vitest";
import {
  collectPackages,
  homeNixFiles,
  parseHomeSpec,
  renderHome,
  renderSpecJson,
} from "../src/index.js";
import { describeNix, evalHomeRepo } from "./support/nix.js";

const spec = parseHomeSpec({
  version: 1,
  user: {
    name: "Big Boss",
    email: "bigboss@metalrodeo.xyz",
    username: "bigboss",
    homeDirectory: "/home/bigboss",
  },
  system: "x86_64-linux",
  stateVersion: "26.05",
  shell: "zsh",
  editor: "vim",
  layers: ["base", "personal"],
  hosts: {
    laptop: { system: "x86_64-linux", layers: ["base", "personal"] },
    // A host that sets every key a host may set.
    box: {
      system: "aarch64-linux",
      layers: ["base", "personal"],
      username: "ops",
      homeDirectory: "/srv/ops",
      user: { name: "Ops", email: "ops@work.example" },
      shell: "bash",
      editor: "vim",
      stateVersion: "25.11",
      docker: false,
      codeServer: { port: 9090 },
    },
  },
  templates: ["python"],
  allowUnfree: ["terraform"],
  created: { channel: "unstable", plop: true },
});
const baseJson = JSON.parse(renderSpecJson(spec)) as Record<string, unknown>;

type Json = Record<string, unknown>;
/** Path in nixhome.json → a change of it (on a copy). */
const MUTATIONS: Record<string, (j: Json) => void> = {
  version: () => {}, // the format of the file: checked by the tools, see below
  "user.name": (j) => ((j.user as Json).name = "Someone Else"),
  "user.email": (j) => ((j.user as Json).email = "else@example.com"),
  "user.username": (j) => ((j.user as Json).username = "else"),
  "user.homeDirectory": (j) => ((j.user as Json).homeDirectory = "/home/else"),
  system: (j) => (j.system = "aarch64-linux"),
  stateVersion: (j) => (j.stateVersion = "25.11"),
  shell: (j) => (j.shell = "fish"),
  editor: (j) => (j.editor = "vscode"),
  layers: (j) => (j.layers = ["base"]),
  templates: (j) => (j.templates = ["python", "go"]),
  allowUnfree: (j) => (j.allowUnfree = []),
  docker: (j) => (j.docker = false),
  "codeServer.enable": (j) => ((j.codeServer as Json).enable = false),
  "codeServer.bind": (j) => ((j.codeServer as Json).bind = "0.0.0.0"),
  "codeServer.port": (j) => ((j.codeServer as Json).port = 8443),
  "hosts.laptop.system": (j) => (host(j, "laptop").system = "aarch64-linux"),
  "hosts.laptop.layers": (j) => (host(j, "laptop").layers = ["base"]),
  "hosts.box.system": (j) => (host(j, "box").system = "x86_64-linux"),
  "hosts.box.layers": (j) => (host(j, "box").layers = ["base"]),
  "hosts.box.username": (j) => (host(j, "box").username = "deploy"),
  "hosts.box.homeDirectory": (j) => (host(j, "box").homeDirectory = "/srv/other"),
  "hosts.box.user.name": (j) => ((host(j, "box").user as Json).name = "Other"),
  "hosts.box.user.email": (j) => ((host(j, "box").user as Json).email = "other@work.example"),
  "hosts.box.shell": (j) => (host(j, "box").shell = "zsh"),
  "hosts.box.editor": (j) => (host(j, "box").editor = "vscode"),
  "hosts.box.stateVersion": (j) => (host(j, "box").stateVersion = "26.05"),
  "hosts.box.docker": (j) => (host(j, "box").docker = true),
  "hosts.box.codeServer.port": (j) => ((host(j, "box").codeServer as Json).port = 9443),
  "created.channel": (j) => ((j.created as Json).channel = "26.05"),
  "created.plop": (j) => ((j.created as Json).plop = false),
};
/** Records: what was asked, never read by flake.nix. */
const RECORDS = ["created.channel", "created.plop"];
/** Read by the tools, not the flake: the format version (a file of another version is refused). */
const FORMAT = ["version"];

function host(j: Json, name: string): Json {
  return (j.hosts as Record<string, Json>)[name] as Json;
}

/** Every leaf of a JSON object; lists are leaves. */
function leaves(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const packages = [
  ...homeNixFiles(spec).flatMap((f) => collectPackages(f.expr)),
  ...["vim", "vscode"],
];

/** The repository's evaluated outcome for a nixhome.json text (the .nix files stay as generated). */
function outcome(json: Json): string {
  const dir = mkdtempSync(join(tmpdir(), "nixhome-live-"));
  for (const f of renderHome(spec)) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  writeFileSync(join(dir, "nixhome.json"), JSON.stringify(json, null, 2));
  const out = evalHomeRepo(dir, packages);
  // What a switch would build: each configuration's modules, system, unfree
  // allowances and effective option values; the dev shells and checks. Not the
  // `nixhome` argument itself: a field that only passes through changes nothing.
  const homes = Object.fromEntries(
    Object.entries(out.homes).map(([name, h]) => [
      name,
      { modules: h.modules, system: h.system, unfree: h.unfree, config: h.config },
    ]),
  );
  const built = { homes, devShells: out.devShells, checks: out.checks, packages: out.packages };
  // Paths differ per folder: compare them relative to it.
  return JSON.stringify(built).replaceAll(dir, ".");
}

it("has a mutation for every field renderSpecJson writes", () => {
  expect(leaves(baseJson).sort()).toEqual(Object.keys(MUTATIONS).sort());
});

describeNix("every field of nixhome.json, read by the flake", () => {
  const before = outcome(baseJson);
  for (const path of Object.keys(MUTATIONS)) {
    if (FORMAT.includes(path)) continue;
    const record = RECORDS.includes(path);
    it(`${path}: ${record ? "a record, never read" : "changing it changes the result"}`, () => {
      const json = structuredClone(baseJson);
      MUTATIONS[path]?.(json);
      expect(JSON.stringify(json)).not.toBe(JSON.stringify(baseJson));
      const after = outcome(json);
      if (record) expect(after).toBe(before);
      else expect(after).not.toBe(before);
    });
  }
});

it("version: a file of another version is refused by the tools", () => {
  expect(() => parseHomeSpec({ ...baseJson, version: 2 })).toThrow(/unsupported version 2/);
});
