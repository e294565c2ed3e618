// The interactive path: every question driven with scripted answers through
// the prompts interface, and the real @clack/prompts session on a
// pseudo-terminal (`script`): Enter through the defaults, and Ctrl-C → 130.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Environment } from "../src/context.js";
import type { Choice, Prompts } from "../src/prompts.js";
import { run } from "../src/run.js";
import { BOSS, CLI, snapshot, tmp } from "./support.js";

const CANCEL = Symbol("cancel");

interface Asked {
  kind: string;
  message: string;
  initial: unknown;
  options?: string[];
  disabled?: string[];
}

/** Prompts that answer from a script: [message fragment, answer] in order. */
function scripted(script: Array<[string, unknown]>, asked: Asked[]): Prompts {
  const next = (kind: string, message: string, initial: unknown, options?: Choice<string>[]) => {
    asked.push({
      kind,
      message,
      initial,
      options: options?.map((o) => o.value),
      disabled: options?.filter((o) => o.disabled).map((o) => o.value),
    });
    const step = script.shift();
    if (!step) throw new Error(`unexpected question: ${message}`);
    if (!message.includes(step[0])) throw new Error(`asked "${message}", expected "${step[0]}"`);
    return step[1] === undefined ? initial : step[1];
  };
  return {
    intro: () => {},
    outro: () => {},
    cancel: () => {},
    isCancel: (v): v is symbol => v === CANCEL,
    text: async (o) => {
      const answer = next("text", o.message, o.initialValue) as string | symbol;
      if (typeof answer === "string") {
        const problem = o.validate?.(answer);
        if (problem) throw new Error(`validation refused ${answer}: ${problem}`);
      }
      return answer;
    },
    select: async (o) => next("select", o.message, o.initialValue, o.options) as never,
    multiselect: async (o) => next("multiselect", o.message, o.initialValues, o.options) as never,
    confirm: async (o) => next("confirm", o.message, o.initialValue) as boolean | symbol,
  };
}

function environment(cwd: string, over: Partial<Environment> = {}): Environment {
  return {
    cwd,
    env: { USER: "ada", SHELL: "/bin/fish" },
    isTTY: true,
    platform: "darwin",
    arch: "arm64",
    homedir: () => "/Users/ada",
    username: () => "ada",
    hostname: () => "mbp.local",
    gitConfig: (key) => ({ "user.name": "Ada Lovelace", "user.email": "ada@x.y" })[key],
    hasGit: () => false,
    ...over,
  };
}

async function drive(
  args: string[],
  script: Array<[string, unknown]>,
  over: Partial<Environment> = {},
) {
  const cwd = tmp();
  const asked: Asked[] = [];
  let out = "";
  let err = "";
  const code = await run(args, {
    environment: environment(cwd, over),
    prompts: scripted(script, asked),
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t) },
  });
  return { cwd, asked, code, out, err, left: script.length };
}

describe("the questions", () => {
  it("asks everything, with defaults inferred from the machine", async () => {
    const r = await drive(
      [],
      [
        ["Where", "mine"],
        ["name", undefined],
        ["email", undefined],
        ["username", undefined],
        ["System", undefined],
        ["home directory", undefined],
        ["Shell", undefined],
        ["Editor", "vscode"],
        ["Hosts", "laptop mbp vm"],
        ["System of laptop", undefined],
        ["System of mbp", undefined],
        ["System of vm", "aarch64-linux"],
        ["Project templates", ["go", "python"]],
        ["Channel", undefined],
        ["Binary cache", ""],
      ],
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.left).toBe(0);
    const initial = Object.fromEntries(r.asked.map((a) => [a.message.split(/[ ,]/)[0], a.initial]));
    expect(initial).toMatchObject({
      Where: "home-manager",
      Your: "/Users/ada", // the last "Your …" question: the home directory
      System: "aarch64-darwin",
      Shell: "fish",
      Editor: "vim",
      Hosts: "laptop work-server cloud-instance",
      Channel: "unstable",
    });
    expect(r.asked.find((a) => a.message.startsWith("Your name"))?.initial).toBe("Ada Lovelace");
    expect(r.asked.find((a) => a.message.startsWith("Your email"))?.initial).toBe("ada@x.y");
    expect(r.asked.find((a) => a.message.startsWith("Your username"))?.initial).toBe("ada");
    expect(r.asked.find((a) => a.kind === "confirm")).toBeUndefined(); // no git on this machine
    const json = JSON.parse(readFileSync(join(r.cwd, "mine", "nixhome.json"), "utf8"));
    expect(json).toMatchObject({
      user: {
        name: "Ada Lovelace",
        email: "ada@x.y",
        username: "ada",
        homeDirectory: "/Users/ada",
      },
      system: "aarch64-darwin",
      shell: "fish",
      editor: "vscode",
      templates: ["go", "python"],
      allowUnfree: [],
      hosts: {
        laptop: { system: "aarch64-darwin" },
        mbp: { system: "aarch64-darwin" },
        vm: { system: "aarch64-linux" },
      },
    });
    // Each host's home follows its own system (derived by flake.nix, not stored).
    expect(json.hosts.vm.homeDirectory).toBeUndefined();
    // The hostname is a host: the next steps name its configuration.
    expect(r.out).toContain("--flake .#ada@mbp");
  });

  it("skips what flags answer and offers only channels that fit", async () => {
    const r = await drive(
      ["repo", "--name", "N", "--email", "n@x.y", "--system", "x86_64-darwin", "--shell", "zsh"],
      [
        ["username", "nn"],
        ["home directory", undefined],
        ["Editor", undefined],
        ["Hosts", ""],
        ["Project templates", []],
        ["Channel", undefined],
        ["Binary cache", ""],
        ["git", true],
      ],
      { hasGit: () => true },
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const channel = r.asked.find((a) => a.message.startsWith("Channel"));
    expect(channel?.disabled).toEqual(["unstable"]);
    expect(channel?.initial).toBe("26.05");
    expect(r.asked.find((a) => a.message.includes("home"))?.initial).toBe("/Users/nn");
    const json = JSON.parse(readFileSync(join(r.cwd, "repo", "nixhome.json"), "utf8"));
    expect(json).toMatchObject({ created: { channel: "26.05" }, hosts: {}, templates: [] });
    expect(existsSync(join(r.cwd, "repo", ".git"))).toBe(true);
  });

  it("refuses host names that are invalid or the same in another case", async () => {
    for (const [answer, problem] of [
      ["laptop Laptop", /"laptop" and "Laptop" differ only in case/],
      ["ok bad_name", /"bad_name" is not a valid host name/],
      ["a a", /a is named twice/],
    ] as const) {
      const r = await drive(
        ["repo", "--name", "N", "--email", "n@x.y", "--system", "x86_64-linux", "--shell", "zsh"],
        [
          ["username", undefined],
          ["home directory", undefined],
          ["Editor", undefined],
          ["Hosts", answer],
        ],
      );
      expect(r.err).toMatch(problem);
    }
  });

  it("offers x86_64-darwin hosts only with the 26.05 channel", async () => {
    const r = await drive(
      ["repo", "--name", "N", "--email", "n@x.y", "--system", "x86_64-linux", "--shell", "zsh"],
      [
        ["username", undefined],
        ["home directory", undefined],
        ["Editor", undefined],
        ["Hosts", "old-mac"],
        ["System of old-mac", "x86_64-darwin"],
        ["Project templates", []],
        ["Channel", undefined],
        ["Binary cache", ""],
      ],
    );
    expect(r.code, r.err).toBe(0);
    const channel = r.asked.find((a) => a.message.startsWith("Channel"));
    expect(channel?.disabled).toEqual(["unstable"]);
    const json = JSON.parse(readFileSync(join(r.cwd, "repo", "nixhome.json"), "utf8"));
    expect(json.created.channel).toBe("26.05");
    expect(json.hosts["old-mac"]).toEqual({
      system: "x86_64-darwin",
      layers: ["base", "personal"],
    });
  });

  it("asks for the binary cache and its key, and writes them to nixhome.json", async () => {
    const key = "fleet-test-1:MtxQVo64yq59k1PUVKsft/yQNXVebz8LZ/ZFqnEtOMA=";
    const base = ["repo", "--name", "N", "--email", "n@x.y", "--system", "x86_64-linux"];
    const r = await drive(
      [...base, "--shell", "zsh", "--editor", "vim", "--host", "none", "--template", "none"],
      [
        ["username", undefined],
        ["home directory", undefined],
        ["Channel", undefined],
        ["Binary cache", "https://n.cachix.org"],
        ["public key", key],
      ],
    );
    expect(r.code, r.err).toBe(0);
    expect(r.left).toBe(0);
    const json = JSON.parse(readFileSync(join(r.cwd, "repo", "nixhome.json"), "utf8"));
    expect(json.cache).toEqual({ url: "https://n.cachix.org", publicKey: key });
  });

  it("refuses bad answers in the prompt itself", async () => {
    const r = await drive(
      [],
      [
        ["Where", "ok"],
        ["name", "X"],
        ["email", "not-an-email"],
      ],
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /validation refused not-an-email: "not-an-email" is not an email address/,
    );
    expect(snapshot(r.cwd)).toEqual({});
  });

  it("exits 130 with nothing written when a question is cancelled", async () => {
    for (const at of [1, 5, 9]) {
      const script: Array<[string, unknown]> = [
        ["Where", "x"],
        ["name", undefined],
        ["email", undefined],
        ["username", undefined],
        ["System", undefined],
        ["home directory", undefined],
        ["Shell", undefined],
        ["Editor", undefined],
        ["Hosts", undefined],
        ["System of laptop", undefined],
      ];
      (script[at] as [string, unknown])[1] = CANCEL;
      const r = await drive([], script.slice(0, at + 1));
      expect(r.code).toBe(130);
      expect(r.err).toBe("create-nix-home: cancelled; nothing was written\n");
      expect(snapshot(r.cwd)).toEqual({});
    }
  });
});

const hasScript = spawnSync("script", ["--version"], { stdio: "ignore" }).status === 0;

/** The real CLI on a pseudo-terminal; `keys(screen)` says what to type next. */
function onPty(
  cwd: string,
  args: string[],
  keys: (screen: string, sent: number) => string | null,
): Promise<{ code: number | null; screen: string }> {
  // A pty starts with no size: give it one, or every character wraps onto its own line.
  const command = `stty cols 120 rows 50; exec ${[process.execPath, CLI, ...args].map((a) => `'${a}'`).join(" ")}`;
  const child = spawn("script", ["-qec", command, "/dev/null"], {
    cwd,
    env: { ...BOSS, SHELL: "/bin/sh", TERM: "xterm-256color", COLUMNS: "100", LINES: "40" },
  });
  let screen = "";
  let sent = 0;
  let lastLength = 0;
  const timer = setInterval(() => {
    if (screen.length === lastLength) {
      const key = keys(screen, sent);
      if (key !== null) {
        child.stdin.write(key);
        sent++;
      }
    }
    lastLength = screen.length;
  }, 300);
  child.stdout.on("data", (d: Buffer) => {
    screen += d.toString("utf8");
  });
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ code, screen });
    });
  });
}

describe.skipIf(!hasScript)("the real prompts on a terminal", () => {
  it("Ctrl-C at the first question exits 130 and writes nothing", async () => {
    const cwd = tmp();
    const r = await onPty(cwd, [], (screen, sent) =>
      sent === 0 && screen.includes("Where should the repository go?") ? "\u0003" : null,
    );
    expect(r.code).toBe(130);
    expect(r.screen).toContain("nothing was written");
    expect(snapshot(cwd)).toEqual({});
  });

  it("Enter through every default writes the repository", async () => {
    const cwd = tmp();
    const questions = [
      "Where should",
      "Your name",
      "Your email",
      "Your username",
      "System of this",
      "Your home",
      "Shell",
      "Editor",
      "Hosts",
      "System of laptop",
      "System of work-server",
      "System of cloud-instance",
      "Project templates",
      "Channel",
      "Binary cache",
      "Initialise a git",
    ];
    const r = await onPty(cwd, ["--no-git"], (screen, sent) => {
      const q = questions[sent];
      return q && screen.includes(q) ? "\r" : null;
    });
    expect(r.code, r.screen).toBe(0);
    const json = JSON.parse(readFileSync(join(cwd, "home-manager", "nixhome.json"), "utf8"));
    expect(json.user).toMatchObject({ name: "Big Boss", username: "bigboss" });
    expect(r.screen).toContain("Next steps");
  });
});
