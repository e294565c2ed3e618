/** The steps in-process: the prompt answered by a fake, and the real @clack prompt on a stream. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { NixhomeError, presets } from "@nixhome/core";
import { describe, expect, it } from "vitest";
import { BASE_OPTIONS, parseContext, versionFlags } from "../src/context.js";
import { errorLine, run } from "../src/run.js";
import { chooseLanguages } from "../src/steps/languages.js";
import { clackPrompts, type LanguageQuestion, type Prompts } from "../src/steps/prompts.js";

function tmp(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "nix-devshell-steps-"));
  for (const [p, c] of Object.entries(files)) writeFileSync(join(dir, p), c);
  return dir;
}

function context(argv: string[], dir: string, isTTY: boolean) {
  const out: string[] = [];
  const ctx = parseContext({
    argv,
    cwd: dir,
    env: {},
    isTTY,
    io: { stdout: (t) => out.push(t), stderr: (t) => out.push(t) },
  });
  return { ctx, out };
}

/** Answers the language question with `answer` (null = cancel) and records the question. */
function fakePrompts(answer: (q: LanguageQuestion) => string[] | null) {
  const asked: LanguageQuestion[] = [];
  const prompts: Prompts = {
    chooseLanguages: async (q) => {
      asked.push(q);
      return answer(q);
    },
  };
  return { prompts, asked };
}

describe("chooseLanguages", () => {
  it("on a TTY, asks with the detected languages first and preselected", async () => {
    const dir = tmp({ "go.mod": "module x\n\ngo 1.27\n", "package.json": "{}" });
    const { ctx } = context([], dir, true);
    const { prompts, asked } = fakePrompts((q) => [...q.initialValues, "rust"]);
    const chosen = await chooseLanguages(ctx, prompts);
    expect(asked).toHaveLength(1);
    const q = asked[0] as LanguageQuestion;
    expect(q.initialValues).toEqual(["go", "node"]);
    expect(q.options.slice(0, 2).map((o) => [o.value, o.hint])).toEqual([
      ["go", "detected: go.mod; go.mod asks for 1.27"],
      ["node", "detected: package.json"],
    ]);
    expect(q.options).toHaveLength(presets.length);
    expect(chosen.choices.map((c) => [c.preset.id, c.version])).toEqual([
      ["go", "1.27"],
      ["node", undefined],
      ["rust", undefined],
    ]);
  });

  it("on a TTY with nothing detected, asks with nothing preselected", async () => {
    const { ctx } = context([], tmp(), true);
    const { prompts, asked } = fakePrompts(() => ["zig"]);
    const chosen = await chooseLanguages(ctx, prompts);
    expect(asked[0]?.initialValues).toEqual([]);
    expect(asked[0]?.message).toMatch(/No language detected/);
    expect(chosen.choices.map((c) => c.preset.id)).toEqual(["zig"]);
  });

  it("cancelling the prompt is exit 130", async () => {
    const { ctx } = context([], tmp({ "Cargo.toml": "" }), true);
    const { prompts } = fakePrompts(() => null);
    const err = await chooseLanguages(ctx, prompts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NixhomeError);
    expect((err as NixhomeError).exitCode).toBe(130);
    expect(errorLine(err).line).toBe("create-nix-devshell: cancelled; nothing was written\n");
  });

  it("never asks with --yes, without a TTY, or when languages are named", async () => {
    const dir = tmp({ "Cargo.toml": "" });
    const { prompts, asked } = fakePrompts(() => {
      throw new Error("asked");
    });
    for (const [argv, tty] of [
      [["--yes"], true],
      [[], false],
      [["go"], true],
    ] as const) {
      const { ctx } = context([...argv], dir, tty);
      await chooseLanguages(ctx, prompts);
    }
    expect(asked).toEqual([]);
  });

  it("a version flag wins over the project's hint", async () => {
    const dir = tmp({ "pyproject.toml": "", ".python-version": "3.12\n" });
    const { ctx } = context(["--yes", "--python", "3.14"], dir, false);
    const chosen = await chooseLanguages(ctx, fakePrompts(() => null).prompts);
    expect(chosen.choices.map((c) => [c.preset.id, c.version])).toEqual([["python", "3.14"]]);
  });
});

describe("run (in-process)", () => {
  it("writes the shell the prompt chose and reports it", async () => {
    const dir = tmp({ "package.json": "{}" });
    const out: string[] = [];
    const code = await run(
      {
        argv: [],
        cwd: dir,
        env: {},
        isTTY: true,
        io: { stdout: (t) => out.push(t), stderr: (t) => out.push(t) },
      },
      fakePrompts(() => ["bun"]).prompts,
    );
    expect(code).toBe(0);
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toContain("pkgs.bun");
    expect(out.join("")).toContain("Dev shell for Bun");
  });
});

describe("the real @clack prompt", () => {
  const question: LanguageQuestion = {
    message: "Languages",
    options: [
      { value: "go", label: "Go" },
      { value: "rust", label: "Rust" },
    ],
    initialValues: ["rust"],
  };
  function drive(keys: string): Promise<string[] | null> {
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const answer = clackPrompts({ input, output }).chooseLanguages(question);
    setTimeout(() => input.write(keys), 50);
    return answer;
  }
  it("Ctrl-C cancels (null)", async () => {
    expect(await drive("\x03")).toBeNull();
  });
  it("Enter takes the preselected values", async () => {
    expect(await drive("\r")).toEqual(["rust"]);
  });
});

describe("context", () => {
  it("generates one flag per version knob, none clashing with an option", () => {
    const flags = versionFlags(presets);
    for (const p of presets) if (p.version) expect(flags.get(p.version.flag)).toContain(p);
    for (const flag of flags.keys()) expect(Object.keys(BASE_OPTIONS)).not.toContain(flag);
    for (const f of ["python", "node", "go", "java", "ruby", "php"])
      expect(flags.has(f)).toBe(true);
  });

  it("parses options into a typed context", () => {
    const { ctx } = context(
      [
        "python",
        "-y",
        "--dry-run",
        "--allow-unfree",
        "a",
        "--allow-unfree=b",
        "-C",
        "sub",
        "--python",
        "3.12",
      ],
      "/work",
      false,
    );
    expect(ctx).toMatchObject({
      languages: ["python"],
      yes: true,
      dryRun: true,
      force: false,
      allowUnfree: ["a", "b"],
      dir: "/work/sub",
      cwd: "/work",
      channel: "unstable",
      versions: { python: "3.12" },
    });
  });

  it("--channel with --from-home is a usage error", () => {
    expect(() => context(["go", "--from-home", "~/hm", "--channel", "26.05"], "/", false)).toThrow(
      /--channel has no effect with --from-home/,
    );
  });
});

describe("--from-home checks (homeShells)", () => {
  it("asks nix eval for a remote repository's dev shells, and fails in one line without Nix", async () => {
    const { homeShells } = await import("../src/steps/home.js");
    const calls: string[][] = [];
    const nix = (args: readonly string[]) => {
      calls.push([...args]);
      return { status: 0, stdout: '["go","python"]', stderr: "" };
    };
    expect(homeShells("github:me/home", "/", {}, { nix, system: "x86_64-linux" })).toEqual([
      "go",
      "python",
    ]);
    expect(calls[0]).toEqual([
      "eval",
      "--json",
      "github:me/home#devShells.x86_64-linux",
      "--apply",
      "builtins.attrNames",
    ]);
    expect(() => homeShells("github:me/home", "/", {}, { nix: null })).toThrow(
      /cannot check it without Nix/,
    );
    const failing = () => ({ status: 1, stdout: "", stderr: "error: repository 'x' not found\n" });
    expect(() => homeShells("github:me/nope", "/", {}, { nix: failing })).toThrow(
      /nix eval failed \(repository 'x' not found\)$/,
    );
  });
});
