/**
 * nixhome doctor on fixture configurations covering every pattern: nested
 * sets, `programs = { git.… }`, lib.mkIf/mkMerge/mkDefault wrappers,
 * home-manager.users.<n> / sharedModules in a NixOS module, `config.…`
 * references, package names (pkgs.exa, with pkgs; [ exa ]), the value-shape
 * rules (zsh init*, git.extraConfig → settings, gpg-agent pinentryFlavor) and
 * what must be left to a person. Goldens are byte-for-byte; real Nix judges
 * that every fixed file parses and sets exactly the old values.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixSource } from "@nixhome/core";
import { afterAll, describe, expect, it } from "vitest";
import { parseContext } from "../src/context.js";
import { checkFiles } from "../src/steps/check.js";
import { fixFiles } from "../src/steps/fix.js";
import { cleanup, FIXTURES, GOLDEN, nixhome, scratch, tree } from "./support/cli.js";
import { canonicalDefs, definitions, evalModule, migrate } from "./support/eval.js";

afterAll(cleanup);
const hasNix = spawnSync("nix-instantiate", ["--version"]).status === 0;
const nixIt = hasNix || process.env.CI === "true" ? it : it.skip;
const CASES = Object.keys(tree(FIXTURES))
  .map((p) => p.split("/")[0] as string)
  .filter((v, i, a) => a.indexOf(v) === i);

describe("nixhome doctor --fix: before → after goldens, byte for byte", () => {
  it.each(CASES)("%s", (name) => {
    const dir = scratch(name);
    const r = nixhome(["doctor", dir, "--fix"]);
    expect(r.stderr).toBe("");
    expect(tree(dir)).toEqual(tree(join(GOLDEN, name)));
  });

  it("keeps every byte outside the changed spans (comments, blank lines, layout)", () => {
    const src = readFileSync(join(FIXTURES, "seed", "profiles", "personal.nix"), "utf8");
    const { analysis, text } = fixSource(src);
    let rebuilt = "";
    let at = 0;
    for (const e of analysis.edits) {
      rebuilt += src.slice(at, e.start) + e.text;
      at = e.end;
    }
    expect(rebuilt + src.slice(at)).toBe(text);
    expect(text.startsWith("# Personal layer: who I am and how my shell behaves.\n")).toBe(true);
    expect(text).toContain("      # keep emacs keys\n");
  });

  it("is idempotent: a second run finds nothing mechanical and changes nothing", () => {
    const dir = scratch();
    nixhome(["doctor", dir, "--fix"]);
    const after = tree(dir);
    const again = nixhome(["doctor", dir, "--fix", "--json"]);
    const out = JSON.parse(again.stdout);
    expect(out.summary.fixable).toBe(0);
    expect(out.summary.written).toEqual([]);
    expect(tree(dir)).toEqual(after);
    // What is left is exactly what needs a person.
    expect(out.summary.manual).toBe(7);
  });
});

describe("the seed's profiles/personal.nix", () => {
  it("is fixed to exactly today's options", () => {
    const dir = scratch("seed");
    const r = nixhome(["doctor", dir, "--fix"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Fixed 4 findings in 1 file.");
    expect(nixhome(["doctor", dir]).code).toBe(0);
  });

  nixIt(
    "sets programs.git.settings.{user.name,user.email,…} and programs.zsh.initContent, nothing else",
    () => {
      const file = join(GOLDEN, "seed", "profiles", "personal.nix");
      const defs = definitions(evalModule(file, {}, []));
      expect(defs.map((d) => d.path.join(".")).sort()).toEqual([
        "programs.git.enable",
        "programs.git.settings.init.defaultBranch",
        "programs.git.settings.pull.rebase",
        "programs.git.settings.user.email",
        "programs.git.settings.user.name",
        "programs.zsh.enable",
        "programs.zsh.initContent",
      ]);
    },
  );
});

describe("real Nix judges the fixes", () => {
  const files = Object.keys(tree(GOLDEN)).filter((p) => p.endsWith(".nix"));

  nixIt("every fixed file parses (nix-instantiate --parse)", () => {
    const r = spawnSync("nix-instantiate", ["--parse", ...files.map((f) => join(GOLDEN, f))], {
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
  });

  const CONFIG = {
    home: { username: "work" },
    programs: {
      exa: { enable: true },
      eza: { enable: true },
      git: { userName: "N", settings: { user: { name: "N" } } },
    },
  };
  const PKGS = [
    "exa",
    "eza",
    "ripgrep",
    "nixfmt-rfc-style",
    "nixfmt",
    "neofetch",
    "typescript-language-server",
    "pinentry-gnome3",
    "hello",
  ];
  nixIt.each(files.filter((f) => !f.startsWith("manual/")))(
    "%s: the new options get exactly the old values",
    (f) => {
      const before = definitions(evalModule(join(FIXTURES, f), CONFIG, PKGS));
      const after = definitions(evalModule(join(GOLDEN, f), CONFIG, PKGS));
      expect(canonicalDefs(after)).toEqual(canonicalDefs(migrate(before)));
    },
  );
});

describe("findings", () => {
  it("prints file:line:col  old → new, grouped per file, and exits 1", () => {
    const dir = scratch();
    const r = nixhome(["doctor", dir]);
    expect(r.code).toBe(1);
    const blocks = r.stdout.trim().split("\n\n");
    const manual = blocks.find((b) => b.startsWith("manual/"));
    expect(manual?.split("\n").every((l) => l.startsWith("manual/home.nix:"))).toBe(true);
    expect(blocks.map((b) => b.split(":")[0])).toEqual([
      ...new Set(blocks.map((b) => b.split(":")[0])),
    ]);
    expect(r.stdout).toContain(
      "seed/profiles/personal.nix:6:5  programs.git.userName → programs.git.settings.user.name\n",
    );
    expect(r.stdout).toContain(
      "packages/home.nix:13:10  pkgs.neofetch  removed: use fastfetch or hyfetch  (by hand: no single successor)",
    );
    expect(r.stdout).toContain(
      "nixos/configuration.nix:11:39  programs.exa.enable → programs.eza.enable\n",
    );
    // lib.hm.deprecations.remapAttrsRecursive: a settings key HM renames.
    expect(r.stdout).toContain(
      "settings-keys/home.nix:11:9  programs.ashell.settings.modules.leftSide → programs.ashell.settings.modules.left_side\n",
    );
    // lib.hm.deprecations.mkDeprecatedOptionValueWarning: HM's own message, left to a person.
    expect(r.stdout).toContain(
      "value-shapes/home.nix:11:30  services.swayidle.events  deprecated: Using `services.swayidle.events` as a list is deprecated and will be removed in a future release. Please use an attribute set keyed by event name instead. Use event names as attribute keys and commands as values.  (by hand: a deprecated value shape: rewrite it as Home Manager says)\n",
    );
    expect(r.stdout).toMatch(
      /47 findings in 15 files \(of 16\); 40 fixable with nixhome doctor --fix\.\n$/,
    );
  });

  it("exits 0 on a clean configuration", () => {
    const r = nixhome(["doctor", scratch("clean")]);
    expect(r).toEqual({
      code: 0,
      stdout: "No renamed or removed options found in 1 Nix file.\n",
      stderr: "",
    });
  });

  it("reports removed options with Home Manager's own message", () => {
    const dir = scratch("clean");
    writeFileSync(
      join(dir, "x.nix"),
      "{ services.gpg-agent.pinentryPackage = null; programs.zsh.oh-my-zsh.enable = true; services.picom.experimentalBackends = true; }\n",
    );
    const r = nixhome(["doctor", dir, "--json"]);
    const f = JSON.parse(r.stdout).files[0].findings;
    expect(f[0]).toMatchObject({
      from: "services.gpg-agent.pinentryPackage",
      to: "services.gpg-agent.pinentry.package",
      fix: "auto",
    });
    const removed = f.find((x: { kind: string }) => x.kind === "removed");
    expect(removed?.message).toMatch(/./);
    expect(nixhome(["doctor", dir]).stdout).toMatch(
      /services\.picom\.experimentalBackends {2}removed: /,
    );
  });

  it("--json for CI: every finding with position, paths and whether --fix handles it", () => {
    const r = nixhome(["doctor", scratch("seed"), "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.mode).toBe("check");
    expect(out.homeManager).toMatch(/^[0-9a-f]{40}$/);
    expect(out.files).toEqual([
      {
        path: "profiles/personal.nix",
        findings: [
          {
            line: 6,
            column: 5,
            where: "option",
            kind: "renamed",
            from: "programs.git.userName",
            to: "programs.git.settings.user.name",
            fix: "auto",
          },
          {
            line: 7,
            column: 5,
            where: "option",
            kind: "renamed",
            from: "programs.git.userEmail",
            to: "programs.git.settings.user.email",
            fix: "auto",
          },
          {
            line: 8,
            column: 5,
            where: "option",
            kind: "renamed",
            from: "programs.git.extraConfig",
            to: "programs.git.settings",
            fix: "auto",
          },
          {
            line: 16,
            column: 5,
            where: "option",
            kind: "changed",
            from: "programs.zsh.initExtra",
            to: "programs.zsh.initContent",
            message: "deprecated, use programs.zsh.initContent",
            fix: "auto",
          },
        ],
      },
    ]);
  });

  it("--dry-run shows the diff and writes nothing", () => {
    const dir = scratch("seed");
    const before = tree(dir);
    const r = nixhome(["doctor", dir, "--dry-run"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('-     userName = "Ada Lovelace";');
    expect(r.stdout).toContain('+       user.name = "Ada Lovelace";');
    expect(r.stdout).toContain("dry run, nothing written");
    expect(tree(dir)).toEqual(before);
  });
});

describe("files and folders", () => {
  it("skips .git, node_modules and result*, and never follows symbolic links", () => {
    const dir = scratch("clean");
    const outside = scratch("seed");
    for (const d of [".git", "node_modules/x", "result", "result-2"]) {
      mkdirSync(join(dir, d), { recursive: true });
      writeFileSync(join(dir, d, "bad.nix"), '{ programs.git.userName = "x"; }\n');
    }
    symlinkSync(outside, join(dir, "linked"));
    symlinkSync(join(outside, "profiles", "personal.nix"), join(dir, "link.nix"));
    const r = nixhome(["doctor", dir]);
    expect(r).toMatchObject({
      code: 0,
      stdout: "No renamed or removed options found in 1 Nix file.\n",
    });
  });

  it("keeps the file mode, and a file that does not parse is reported, not touched", () => {
    const dir = scratch("seed");
    const f = join(dir, "profiles", "personal.nix");
    chmodSync(f, 0o600);
    writeFileSync(join(dir, "broken.nix"), "{ programs.git.userName = ; }\n");
    const r = nixhome(["doctor", dir, "--fix"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "broken.nix:1:27: cannot parse: unexpected ';', expecting an expression",
    );
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, "broken.nix"), "utf8")).toBe("{ programs.git.userName = ; }\n");
  });

  it("writes through core's transactional writer: a file changed after reading is refused, nothing written", () => {
    const dir = scratch("zsh");
    const ctx = parseContext({
      argv: ["doctor", dir, "--fix"],
      cwd: dir,
      env: {},
      io: { stdout: () => {}, stderr: () => {} },
    });
    const checked = checkFiles(ctx.dir, ["all.nix", "first.nix"]);
    writeFileSync(join(dir, "first.nix"), "{ }\n"); // someone edits meanwhile
    const before = tree(dir);
    expect(() => fixFiles(ctx, checked)).toThrow(/first\.nix/);
    expect(tree(dir)).toEqual(before);
  });

  it("leaves a file that is not UTF-8 alone", () => {
    const dir = scratch("clean");
    writeFileSync(
      join(dir, "latin1.nix"),
      Buffer.from([0x7b, 0x20, 0x61, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x3b, 0x20, 0x7d, 0x0a]),
    );
    const r = nixhome(["doctor", dir, "--fix"]);
    expect(r.stdout).toContain("latin1.nix:not UTF-8 text; left alone");
    expect(r.code).toBe(1);
  });
});

describe("usage", () => {
  it.each([
    [["doctor", "--frobnicate"], /unknown option --frobnicate/],
    [["doctr"], /unknown command "doctr"; did you mean doctor\?/],
    [["doctor", "/nonexistent/x"], /\/nonexistent\/x does not exist/],
    [["doctor", "a", "b"], /doctor takes one folder, got 2/],
  ])("%j exits 2 with one line", (argv, message) => {
    const r = nixhome(argv as string[], FIXTURES);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("--help names the Home Manager commit of its data", () => {
    const r = nixhome(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nix-community\/home-manager at [0-9a-f]{12}/);
  });
});
