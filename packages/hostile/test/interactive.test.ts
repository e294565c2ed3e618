/**
 * #19: `~` typed at create-nix-home's directory prompt means the home folder — through the real
 * prompts on a pseudo-terminal (`script`), like packages/create-nix-home/test/interactive.test.ts.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { type Box, box, CNH, cleanup, IDENTITY } from "./harness.js";

const hasScript = spawnSync("script", ["--version"], { stdio: "ignore" }).status === 0;
const FLAGS = [
  ...IDENTITY,
  "--system",
  "x86_64-linux",
  "--shell",
  "zsh",
  "--editor",
  "vim",
  "--host",
  "laptop",
  "--template",
  "python",
  "--channel",
  "unstable",
];

/** Answer the directory question with `answer` (after erasing the suggested default). */
function atPrompt(b: Box, answer: string): Promise<{ code: number | null; screen: string }> {
  const line = `stty cols 120 rows 50; exec ${[process.execPath, CNH, ...FLAGS].map((a) => `'${a}'`).join(" ")}`;
  const child = spawn("script", ["-qec", line, "/dev/null"], {
    cwd: b.root,
    env: { ...b.env, SHELL: "/bin/sh", TERM: "xterm-256color" },
  });
  let screen = "";
  let sent = false;
  child.stdout.on("data", (d: Buffer) => {
    screen += d.toString("utf8");
    if (!sent && screen.includes("Where should")) {
      sent = true;
      setTimeout(() => child.stdin.write(`${"\u007f".repeat(40)}${answer}\r`), 200);
      // Any later question (the flags answer the known ones): take its default.
      const enter = setInterval(() => child.stdin.writable && child.stdin.write("\r"), 1500);
      child.on("close", () => clearInterval(enter));
    }
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve) =>
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    }),
  );
}

describe.skipIf(!hasScript).concurrent("#19 ~ at the directory prompt", () => {
  for (const [answer, rel] of [
    ["~/hm", "hm"],
    ["~/deep/er/hm", "deep/er/hm"],
  ] as const)
    it(`#19 typing ${answer} writes into $HOME/${rel}, not ./~`, async ({ expect }) => {
      const b = box();
      try {
        const r = await atPrompt(b, answer);
        const problems: string[] = [];
        if (r.code !== 0) problems.push(`exit ${r.code}: ${r.screen.slice(-400)}`);
        if (existsSync(join(b.root, "~"))) problems.push(`it created ${join(b.root, "~")}`);
        if (!existsSync(join(b.home, rel, "nixhome.json")))
          problems.push(
            `no repository in $HOME/${rel}; case folder holds ${readdirSync(b.root).join(", ")}`,
          );
        expect(problems, problems.join("\n")).toEqual([]);
      } finally {
        cleanup(b);
      }
    });
});

// Only without `script`: say why the pty cases did not run.
if (!hasScript)
  describe("#19 ~ at the directory prompt", () => {
    it.skip("needs `script` (util-linux) for a pseudo-terminal: skipped", () => {});
  });
