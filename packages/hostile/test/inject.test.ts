/**
 * Names are data, never code: hostile text in every free-text answer that reaches a Nix string or
 * comment. A run may refuse the text (one line, nothing written) or write it; then every emitted
 * .nix file must parse with Nix, have the same shape as with harmless text (same code, only
 * string contents differ: no injected attribute), and evaluate back to the very text.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, it } from "vitest";
import { type Case, judge } from "./case.js";
import { type Box, box, cleanup, copyRepo, hasNix, parseNix, run, type Tool } from "./harness.js";
import { file } from "./setups.js";

if (!hasNix && process.env.CI)
  throw new Error("nix-instantiate is required in CI (apt-get install nix-bin)");

const HOSTILE: Record<string, string> = {
  "a lone CR": "\r",
  "#2 CR then code": 'Games\rhome.file.".bashrc".text = "pwned";',
  "a lone LF": "\n",
  "LF then code": 'Games\nhome.file.".bashrc".text = "pwned";',
  "U+2028 then code": "Games\u2028home.file.x.text = 1;",
  "U+2029": "a\u2029b",
  "U+0085 (NEL)": "a\u0085b",
  "CRLF then code": "a\r\nx = 1;",
  "an antiquotation ${": '${builtins.abort "pwned"}',
  "'' (ends an indented string)": "''",
  "''${ in an indented string": "''${builtins.abort \"x\"}",
  "''' and ''\\": "''' ''\\n",
  "a double quote then code": '"; home.file.x.text = "pwned',
  "a backslash": "a\\",
  "comment closers */ and /*": "*/ x = 1; /*",
  "a # comment": "# c",
  "$${ (escaped antiquotation)": "$${x}",
  "tabs and form feeds": "a\t\u000b\u000cb",
  "non-Latin text": "é 漢字 🙂",
};

const HOME = [
  "--yes",
  "--no-git",
  "--email",
  "b@x.y",
  "--username",
  "bigboss",
  "--home",
  "/home/bigboss",
];

interface Field {
  id: string;
  tool: Tool;
  setup?: (b: Box) => void;
  args: (text: string, b: Box) => readonly string[];
  /** The .nix files that must keep their shape (relative to the target). */
  files: string[];
  /** A Nix expression (over `f`, the file) that must evaluate to the text, when it reaches a string. */
  evaluate?: { file: string; expr: string };
  /** Harmless text for the baseline run. */
  harmless?: string;
}

const FIELDS: Field[] = [
  {
    id: "create-nix-home --name",
    tool: "cnh",
    args: (text) => [...HOME, "--name", text],
    files: [
      "profiles/personal.nix",
      "profiles/base.nix",
      "home.nix",
      "flake.nix",
      "hosts/laptop.nix",
    ],
    evaluate: {
      file: "profiles/personal.nix",
      expr: "(import f { pkgs = { }; lib = { }; config = { }; inherit nixhome; }).programs.git.settings.user.name",
    },
  },
  {
    id: "create-nix-home --config with user.name",
    tool: "cnh",
    setup: (b) => file(join(b.root, "cfg.json"), "{}"),
    args: (text, b) => {
      file(
        join(b.root, "cfg.json"),
        JSON.stringify({
          version: 1,
          user: { name: text, email: "b@x.y", username: "bigboss", homeDirectory: "/home/bigboss" },
          system: "x86_64-linux",
        }),
      );
      return ["--yes", "--no-git", "--config", join(b.root, "cfg.json")];
    },
    files: ["profiles/personal.nix", "home.nix", "flake.nix"],
    evaluate: {
      file: "profiles/personal.nix",
      expr: "(import f { pkgs = { }; lib = { }; config = { }; inherit nixhome; }).programs.git.settings.user.name",
    },
  },
  {
    id: "plop profile purpose",
    tool: "plop",
    setup: copyRepo,
    args: (text) => ["profile", "gaming", text, "prismlauncher", "laptop"],
    files: ["profiles/gaming.nix"],
  },
  {
    id: "plop host home directory",
    harmless: "/home/desk",
    tool: "plop",
    setup: copyRepo,
    args: (text) => ["host", "desktop", "x86_64-linux", "", text, "base"],
    files: ["hosts/desktop.nix"],
  },
];

const baselines = new Map<string, Map<string, string>>();

beforeAll(async () => {
  if (!hasNix) return;
  await Promise.all(
    FIELDS.map(async (f) => {
      const b = box();
      try {
        f.setup?.(b);
        const harmless = f.harmless ?? "Games";
        const r = await run(f.tool, b, f.args(harmless, b));
        if (r.code !== 0) throw new Error(`baseline of ${f.id} failed: ${r.stderr}${r.stdout}`);
        baselines.set(f.id, parseNix(b.t).shapes);
      } finally {
        cleanup(b);
      }
    }),
  );
});

function nixProblems(f: Field, text: string, b: Box): string[] {
  const { problems, shapes } = parseNix(b.t);
  const base = baselines.get(f.id);
  for (const rel of f.files) {
    const want = base?.get(rel);
    const got = shapes.get(rel);
    if (want !== undefined && got !== undefined && want !== got)
      problems.push(
        `${rel}: the text changed the code, not just a string:\n  harmless: ${want}\n  hostile:  ${got}`,
      );
  }
  if (f.evaluate && !problems.length) {
    const r = spawnSync(
      "nix-instantiate",
      [
        "--eval",
        "--strict",
        "--json",
        "--expr",
        `let f = ${join(b.t, f.evaluate.file)}; nixhome = builtins.fromJSON (builtins.readFile ${join(b.t, "nixhome.json")}); in ${f.evaluate.expr}`,
      ],
      { encoding: "utf8" },
    );
    if (r.status !== 0)
      problems.push(
        `${f.evaluate.file} does not evaluate: ${r.stderr.replace(/^warning:.*\n/gm, "").trim()}`,
      );
    else if (JSON.parse(r.stdout) !== text)
      problems.push(
        `${f.evaluate.file} evaluates to ${r.stdout.trim()}, not the text ${JSON.stringify(text)}`,
      );
  }
  return problems;
}

const cases: Case[] = [];
for (const f of FIELDS)
  for (const [label, text] of Object.entries(HOSTILE))
    cases.push({
      name: `${f.id}: ${label}`,
      tool: f.tool,
      setup: f.setup,
      args: (b) => f.args(text, b),
      outcome: "safe",
      allow: /^cfg\.json$/,
      check: (b, r) => (r.code === 0 ? nixProblems(f, text, b) : []),
    });

describe.skipIf(!hasNix).concurrent("hostile text reaches Nix only as data", () => {
  for (const c of cases)
    it(c.name, async ({ expect }) => {
      const v = await judge(c);
      expect(v.problems, v.problems.join("\n")).toEqual([]);
    });
});

// Only where Nix is missing (never in CI, where the file throws first): say why the cases did not run.
if (!hasNix)
  describe("hostile text reaches Nix only as data", () => {
    it.skip("needs nix-instantiate (apt-get install nix-bin): skipped here, required in CI", () => {});
  });
