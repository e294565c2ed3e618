/**
 * The transaction, from outside: kills at every injected point of the commit
 * (NIXHOME_TEST_CRASH_AT), signals while paused there, concurrent runs and edits made during a
 * write (NIXHOME_TEST_PAUSE_AT). After a kill, the next run must complete or undo it and leave no
 * staging, lock or journal: its end state is exactly that of one clean run.
 */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  lstatSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { judge } from "./case.js";
import {
  type Box,
  baseDir,
  box,
  checkNoCrash,
  checkRefusal,
  cleanup,
  copyRepo,
  IDENTITY,
  inTarget,
  leftovers,
  listTree,
  type RunResult,
  run,
  sleep,
  start,
  type Tool,
  type Tree,
  treeDiff,
} from "./harness.js";
import { dir, file, SECRET_ENVRC, USER_FLAKE } from "./setups.js";

const HOME = ["--yes", ...IDENTITY];

interface Scenario {
  id: string;
  tool: Tool;
  setup: (b: Box) => void;
  args: readonly string[];
  /** How many renames/replaces its commit makes (commit:1 … commit:n are injected). */
  commits: number[];
}

const SCENARIOS: Scenario[] = [
  {
    id: "create-nix-devshell into a project with a .gitignore",
    tool: "cnd",
    setup: (b) => file(join(b.t, ".gitignore"), "dist/\n"),
    args: ["python", "--yes"],
    commits: [1, 2, 3],
  },
  {
    id: "create-nix-devshell --force over a hand-written flake.nix and a 0600 .envrc",
    tool: "cnd",
    setup: (b) => {
      file(join(b.t, "flake.nix"), USER_FLAKE);
      file(join(b.t, ".envrc"), SECRET_ENVRC, 0o600);
    },
    args: ["python", "node", "--yes", "--force"],
    commits: [1, 2, 3, 4],
  },
  {
    id: "create-nix-home into an empty folder",
    tool: "cnh",
    setup: (b) => dir(b.t),
    args: HOME,
    commits: [1, 2, 8, 15, 16],
  },
  {
    id: "create-nix-home --force over a hand-edited README.md",
    tool: "cnh",
    setup: (b) => file(join(b.t, "README.md"), "# my notes\n"),
    args: [...HOME, "--force"],
    commits: [1, 9, 17],
  },
  {
    id: "plop profile",
    tool: "plop",
    setup: copyRepo,
    args: ["profile", "gaming", "Games", "prismlauncher", "laptop"],
    commits: [1, 2],
  },
  {
    id: "plop host",
    tool: "plop",
    setup: copyRepo,
    args: ["host", "desktop", "x86_64-linux", "", "", "base,personal"],
    commits: [1, 2],
  },
];

/** The end state of one clean run of a scenario (a listing relative to the case folder). */
const refs = new Map<string, Promise<Tree>>();
function reference(s: Scenario): Promise<Tree> {
  let p = refs.get(s.id);
  if (!p) {
    p = (async () => {
      const b = box();
      try {
        s.setup(b);
        const r = await run(s.tool, b, s.args);
        if (r.code !== 0)
          throw new Error(`reference run of ${s.id} failed: ${r.stderr}${r.stdout}`);
        return listTree(b.root);
      } finally {
        cleanup(b);
      }
    })();
    refs.set(s.id, p);
  }
  return p;
}

/** After an interrupted run: a clean next run, then exactly the reference state, no leftovers. */
async function recovers(s: Scenario, b: Box, before: Tree): Promise<string[]> {
  const problems: string[] = [];
  const next = await run(s.tool, b, s.args);
  problems.push(...checkNoCrash(next));
  const after = listTree(b.root);
  const d = treeDiff(await reference(s), after);
  // The next run either completes the work (exit 0), or finds it already done by the recovery
  // (a generator then refuses "already exists" with one line): either way, one clean run's tree.
  if (next.code !== 0 && (d || checkRefusal(s.tool, next).length))
    problems.push(
      `the next run did not complete: exit ${next.code}: ${next.stderr.trim()}${next.stdout.trim().slice(-300)}`,
    );
  const left = leftovers(after).filter((k) => !before.has(k));
  if (left.length) problems.push(`left behind after the next run: ${left.join(", ")}`);
  if (d) problems.push(`after the next run the tree is not that of one clean run:\n${d}`);
  return problems;
}

const points = (s: Scenario) => [
  "locked",
  "staged",
  "journaled",
  ...s.commits.map((n) => `commit:${n}`),
  "committed",
  "cleaned",
];

describe.concurrent("#9 #10 killed at every injected point, then run again", () => {
  for (const s of SCENARIOS)
    for (const point of points(s))
      it(`#9 #10 ${s.id}: SIGKILL at ${point}`, async ({ expect }) => {
        const b = box();
        try {
          s.setup(b);
          const before = listTree(b.root);
          const r = await run(s.tool, b, s.args, { env: { NIXHOME_TEST_CRASH_AT: point } });
          const problems: string[] = [];
          if (r.signal !== "SIGKILL" || r.timedOut)
            problems.push(
              `NIXHOME_TEST_CRASH_AT=${point} did not kill the run (exit ${r.code}, signal ${r.signal}): the hook is missing or the point is never reached`,
            );
          problems.push(...(await recovers(s, b, before)));
          expect(problems, problems.join("\n")).toEqual([]);
        } finally {
          cleanup(b);
        }
      });
});

/** Start a run paused at `point`; resolve once it is there (the tree changed, then held still). */
async function paused(
  tool: Tool,
  b: Box,
  args: readonly string[],
  point: string,
  ms = 2500,
): Promise<{ done: Promise<RunResult>; reached: boolean; pid: number | undefined }> {
  const before = listTree(b.root);
  const { done, child } = start(tool, b, args, {
    env: { NIXHOME_TEST_PAUSE_AT: `${point}:${ms}` },
    timeoutMs: 45_000,
  });
  let ended = false;
  done.then(() => {
    ended = true;
  });
  const end = Date.now() + 25_000;
  let last = before;
  let stableSince = 0;
  let changed = false;
  while (Date.now() < end && !ended) {
    await sleep(20);
    const now = listTree(b.root);
    if (treeDiff(last, now)) {
      changed = true;
      stableSince = Date.now();
      last = now;
    } else if (changed && Date.now() - stableSince > 250) break;
  }
  return { done, reached: changed && !ended, pid: child.pid };
}

describe.concurrent("signals while paused in the commit, then run again", () => {
  for (const s of SCENARIOS)
    for (const [point, signal] of [
      ["commit:1", "SIGTERM"],
      ["commit:1", "SIGINT"],
      ["journaled", "SIGTERM"],
      ["staged", "SIGINT"],
    ] as const)
      it(`#9 ${s.id}: ${signal} while paused at ${point}`, async ({ expect }) => {
        const b = box();
        try {
          s.setup(b);
          const before = listTree(b.root);
          const a = await paused(s.tool, b, s.args, point, 4000);
          const problems: string[] = [];
          if (!a.reached)
            problems.push(`the run never paused at ${point} (NIXHOME_TEST_PAUSE_AT missing?)`);
          else if (a.pid) process.kill(a.pid, signal);
          const r = await a.done;
          if (r.timedOut) problems.push("the signalled run hung");
          // Exit 0 after the signal is only right if the commit was finished: one clean run's tree.
          if (r.code === 0 && a.reached) {
            const d = treeDiff(await reference(s), listTree(b.root));
            if (d)
              problems.push(
                `the run exited 0 after ${signal} but the write is not complete:\n${d}`,
              );
          }
          problems.push(...(await recovers(s, b, before)));
          expect(problems, problems.join("\n")).toEqual([]);
        } finally {
          cleanup(b);
        }
      });
});

const T = inTarget;

interface Edit {
  id: string;
  tool: Tool;
  setup: (b: Box) => void;
  args: readonly string[];
  point: string;
  /** The user's edit while the run is paused; returns the paths it touched. */
  edit: (b: Box) => string[];
}

const EDITS: Edit[] = [
  {
    id: "#13 a .gitignore line added during create-nix-devshell's write",
    tool: "cnd",
    setup: (b) => file(T(b, ".gitignore"), "dist/\n"),
    args: ["python", "--yes"],
    point: "staged",
    edit: (b) => {
      appendFileSync(T(b, ".gitignore"), "my-secret-dir/\n");
      return ["t/.gitignore"];
    },
  },
  {
    id: "#13 a .gitignore line added while create-nix-devshell is journaled",
    tool: "cnd",
    setup: (b) => file(T(b, ".gitignore"), "dist/\n"),
    args: ["python", "--yes"],
    point: "journaled",
    edit: (b) => {
      appendFileSync(T(b, ".gitignore"), "my-secret-dir/\n");
      return ["t/.gitignore"];
    },
  },
  {
    id: ".envrc edited during create-nix-devshell's write",
    tool: "cnd",
    setup: (b) => file(T(b, ".envrc"), "export A=1\n", 0o600),
    args: ["python", "--yes"],
    point: "staged",
    edit: (b) => {
      writeFileSync(T(b, ".envrc"), "export A=2\n");
      return ["t/.envrc"];
    },
  },
  {
    id: "a flake.nix written by the user during create-nix-devshell's write",
    tool: "cnd",
    setup: (b) => dir(b.t),
    args: ["python", "--yes"],
    point: "staged",
    edit: (b) => {
      writeFileSync(T(b, "flake.nix"), USER_FLAKE);
      return ["t/flake.nix"];
    },
  },
  {
    id: ".gitignore swapped for a symlink to outside during create-nix-devshell's write",
    tool: "cnd",
    setup: (b) => file(T(b, ".gitignore"), "dist/\n"),
    args: ["python", "--yes"],
    point: "journaled",
    edit: (b) => {
      rmSync(T(b, ".gitignore"));
      symlinkSync(join(b.victim, "keep"), T(b, ".gitignore"));
      return ["t/.gitignore"];
    },
  },
  {
    id: "#12 nixhome.json edited during plop host's write",
    tool: "plop",
    setup: copyRepo,
    args: ["host", "desktop", "x86_64-linux", "", "", "base"],
    point: "staged",
    edit: (b) => {
      const j = JSON.parse(readFileSync(T(b, "nixhome.json"), "utf8"));
      j.user.email = "changed-by-hand@x.y";
      writeFileSync(T(b, "nixhome.json"), `${JSON.stringify(j, null, 2)}\n`);
      return ["t/nixhome.json"];
    },
  },
  {
    id: "#12 nixhome.json edited while plop profile holds the lock",
    tool: "plop",
    setup: copyRepo,
    args: ["profile", "gaming", "Games", "", "laptop"],
    point: "locked",
    edit: (b) => {
      const j = JSON.parse(readFileSync(T(b, "nixhome.json"), "utf8"));
      j.templates.push("go");
      writeFileSync(T(b, "nixhome.json"), `${JSON.stringify(j, null, 2)}\n`);
      return ["t/nixhome.json"];
    },
  },
  {
    id: "a template file written by hand during plop template's write",
    tool: "plop",
    setup: copyRepo,
    args: ["template", "go"],
    point: "journaled",
    edit: (b) => {
      writeFileSync(T(b, "profiles/project-templates/go.nix"), "{ pkgs }: pkgs.mkShell { }\n");
      return ["t/profiles/project-templates/go.nix"];
    },
  },
  {
    id: "hosts/desktop.nix written by hand during plop host's write",
    tool: "plop",
    setup: copyRepo,
    args: ["host", "desktop", "x86_64-linux", "", "", "base"],
    point: "staged",
    edit: (b) => {
      writeFileSync(T(b, "hosts/desktop.nix"), "{ ... }: { }\n");
      return ["t/hosts/desktop.nix"];
    },
  },
];

describe.concurrent("compare-and-swap: a file changed during the write is never overwritten", () => {
  for (const e of EDITS)
    it(e.id, async ({ expect }) => {
      const b = box();
      try {
        e.setup(b);
        const before = listTree(b.root);
        const a = await paused(e.tool, b, e.args, e.point);
        const touched = e.edit(b);
        const edited = new Map(touched.map((p) => [p, readFileSync(join(b.root, p))]));
        const r = await a.done;
        const problems: string[] = [];
        if (!a.reached)
          problems.push(`the run never paused at ${e.point} (NIXHOME_TEST_PAUSE_AT missing?)`);
        problems.push(...checkRefusal(e.tool, r));
        const after = listTree(b.root);
        for (const [p, bytes] of edited)
          if (!readFileSync(join(b.root, p)).equals(bytes))
            problems.push(`the user's edit of ${p} was lost`);
        const rest = (t: Tree) => new Map([...t].filter(([k]) => !touched.includes(k)));
        const d = treeDiff(rest(before), rest(after));
        if (d) problems.push(`besides the user's edit the tree changed:\n${d}`);
        expect(problems, problems.join("\n")).toEqual([]);
      } finally {
        cleanup(b);
      }
    });
});

interface Pair {
  id: string;
  tool: Tool;
  setup: (b: Box) => void;
  a: readonly string[];
  b: readonly string[];
  tool2?: Tool;
  /** Given both exited 0, the problems with the end state. */
  bothDone: (x: Box) => string[];
}

const PAIRS: Pair[] = [
  {
    id: "#11 two create-nix-devshell runs on one project",
    tool: "cnd",
    setup: (x) => file(T(x, ".gitignore"), "dist/\n"),
    a: ["python", "--yes"],
    b: ["rust", "--yes"],
    bothDone: () => [
      "both runs exited 0, but only one flake.nix can win: the second must refuse (without --force) or see the first's file",
    ],
  },
  {
    id: "#11 create-nix-devshell python, then rust --force, concurrently",
    tool: "cnd",
    setup: (x) => dir(x.t),
    a: ["python", "--yes"],
    b: ["rust", "--yes", "--force"],
    bothDone: (x) => {
      const baks = listTree(x.t);
      return [...baks.keys()].some((k) => k.startsWith("flake.nix.bak"))
        ? []
        : [
            "both exited 0 but the first run's flake.nix was replaced without a backup (last writer wins)",
          ];
    },
  },
  {
    id: "#12 two plop host runs on one repository",
    tool: "plop",
    setup: copyRepo,
    a: ["host", "one", "x86_64-linux", "", "", "base"],
    b: ["host", "two", "x86_64-linux", "", "", "base"],
    bothDone: (x) => {
      const j = JSON.parse(readFileSync(T(x, "nixhome.json"), "utf8"));
      return ["one", "two"]
        .filter((h) => !j.hosts[h])
        .map((h) => `host ${h} was added (exit 0) but is lost from nixhome.json`);
    },
  },
  {
    id: "#12 plop profile and plop template concurrently",
    tool: "plop",
    setup: copyRepo,
    a: ["profile", "gaming", "Games", "", "laptop"],
    b: ["template", "go"],
    bothDone: (x) => {
      const j = JSON.parse(readFileSync(T(x, "nixhome.json"), "utf8"));
      const p: string[] = [];
      if (!j.hosts.laptop.layers.includes("gaming"))
        p.push("the profile's layer was lost from nixhome.json");
      if (!j.templates.includes("go")) p.push("the template was lost from nixhome.json");
      return p;
    },
  },
  {
    id: "two create-nix-home runs into one new folder",
    tool: "cnh",
    setup: () => {},
    a: HOME,
    b: [...HOME.slice(0, 3), "Other Person", ...HOME.slice(4)],
    bothDone: () => [
      "both runs exited 0 into one folder: the second must refuse (the folder is no longer empty)",
    ],
  },
];

describe.concurrent("concurrent runs on one target serialize or refuse", () => {
  for (const p of PAIRS)
    it(p.id, async ({ expect }) => {
      const x = box();
      try {
        p.setup(x);
        const a = await paused(p.tool, x, p.a, "staged");
        const second = await run(p.tool2 ?? p.tool, x, p.b, { timeoutMs: 30_000 });
        const first = await a.done;
        const problems: string[] = [];
        if (!a.reached)
          problems.push("the first run never paused (NIXHOME_TEST_PAUSE_AT missing?)");
        problems.push(...checkNoCrash(first), ...checkNoCrash(second));
        if (first.code !== 0) problems.push(`the first run failed: ${first.stderr.trim()}`);
        if (second.code !== 0) problems.push(...checkRefusal(p.tool2 ?? p.tool, second));
        else if (first.code === 0) problems.push(...p.bothDone(x));
        const left = leftovers(listTree(x.root));
        if (left.length) problems.push(`left behind: ${left.join(", ")}`);
        expect(problems, problems.join("\n")).toEqual([]);
      } finally {
        cleanup(x);
      }
    });
});

describe.concurrent("#10 a crashed run's staging is never committed to git", () => {
  for (const point of ["staged", "journaled", "commit:3"])
    it(`#10 create-nix-home killed at ${point}, then --force with git: nothing of the crash is git-added`, async ({
      expect,
    }) => {
      const b = box();
      try {
        dir(b.t);
        const first = await run("cnh", b, HOME, { env: { NIXHOME_TEST_CRASH_AT: point } });
        const gitArgs = [...HOME.filter((a) => a !== "--no-git"), "--git", "--force"];
        const next = await run("cnh", b, gitArgs, { timeoutMs: 30_000 });
        const problems: string[] = [];
        if (first.signal !== "SIGKILL")
          problems.push(`NIXHOME_TEST_CRASH_AT=${point} did not kill the run`);
        problems.push(...checkNoCrash(next));
        if (next.code !== 0) problems.push(`the --force run failed: ${next.stderr.trim()}`);
        const files = spawnSync("git", ["-C", b.t, "ls-files"], {
          encoding: "utf8",
          env: b.env,
        }).stdout;
        const staged = files.split("\n").filter((f) => /nixhome-|staging|journal|\.lock$/.test(f));
        if (staged.length) problems.push(`git add-ed leftovers of the crash: ${staged.join(", ")}`);
        const left = leftovers(listTree(b.root));
        if (left.length) problems.push(`left behind: ${left.join(", ")}`);
        expect(problems, problems.join("\n")).toEqual([]);
      } finally {
        cleanup(b);
      }
    });
});

// ---------------------------------------------------------------------------------------
// What a transaction folder in the target can make a run do. A cloned repository can carry a
// `.nixhome-txn/` of its own: its journal must never be acted on (before the seal, a planted
// `replace` entry whose file was missing restored the repository's "original" into `.git/hooks`).

/** A planted transaction folder: a journal restoring `orig/0` (an executable) to `.git/hooks`. */
function plantJournal(b: Box, format: "v1" | "v2" | "v2+seal"): void {
  const txn = T(b, ".nixhome-txn");
  dir(join(txn, "orig"));
  dir(T(b, ".git/hooks"));
  file(join(txn, "orig", "0"), "#!/bin/sh\necho PWNED > /tmp/pwned\n", 0o755);
  const entry = {
    path: ".git/hooks/pre-commit",
    kind: "replace",
    staged: "stage/0",
    orig: "orig/0",
    dev: "1",
    ino: "1",
  };
  let seal = { dev: "1", ino: "1", ctime: "1" };
  if (format === "v2+seal") {
    // A seal file of its own, with its true device and inode named: its change time is the
    // clone's, which the journal (written before) cannot know.
    file(join(txn, "seal"), "");
    const st = lstatSync(join(txn, "seal"), { bigint: true });
    seal = { dev: String(st.dev), ino: String(st.ino), ctime: String(st.ctimeNs - 1000n) };
  }
  const journal =
    format === "v1"
      ? { v: 1, dirs: [], entries: [{ ...entry, hash: "0".repeat(64) }] }
      : { v: 2, seal, dirs: [], entries: [{ ...entry, size: 34, mtime: "1" }] };
  file(join(txn, "journal.json"), JSON.stringify(journal));
}

const PLANTED: Array<{ tool: Tool; setup: (b: Box) => void; args: readonly string[] }> = [
  { tool: "cnd", setup: (b) => file(T(b, ".gitignore"), "dist/\n"), args: ["python", "--yes"] },
  {
    tool: "cnh",
    setup: (b) => file(T(b, "README.md"), "# mine\n"),
    args: [...HOME, "--force"],
  },
  { tool: "plop", setup: copyRepo, args: ["profile", "gaming", "Games", "", "laptop"] },
];

describe.concurrent("a planted .nixhome-txn journal is refused, never acted on", () => {
  for (const p of PLANTED)
    for (const format of ["v1", "v2", "v2+seal"] as const)
      it(`${p.tool}: a cloned repository's ${format} journal cannot put a git hook into .git`, async ({
        expect,
      }) => {
        const v = await judge({
          name: "planted journal",
          tool: p.tool,
          setup: (b) => {
            p.setup(b);
            plantJournal(b, format);
          },
          args: p.args,
          outcome: "refuse",
          message: /holds a journal nixhome did not write/,
        });
        expect(v.problems, v.problems.join("\n")).toEqual([]);
      });
});

describe.concurrent("between two commit steps, checks are made again", () => {
  it("create-nix-home: hosts/ swapped for a symlink to outside after commit:1 stops the commit and undoes it", async ({
    expect,
  }) => {
    const b = box();
    try {
      dir(b.t);
      const before = listTree(b.root);
      const a = await paused("cnh", b, HOME, "commit:1");
      // The folder the run made and checked moves outside; a symlink to it takes its place.
      const moved = join(b.victim, "hosts-moved");
      renameSync(T(b, "hosts"), moved);
      symlinkSync(moved, T(b, "hosts"));
      const r = await a.done;
      const problems: string[] = [];
      if (!a.reached) problems.push("the run never paused at commit:1");
      problems.push(...checkRefusal("cnh", r, /changed by someone else/));
      const after = listTree(b.root);
      const inMoved = [...after.keys()].filter((k) => k.startsWith("victim/hosts-moved/"));
      if (inMoved.length) problems.push(`written through the symlink: ${inMoved.join(", ")}`);
      const rest = (t: Tree) =>
        new Map([...t].filter(([k]) => k !== "t/hosts" && !k.startsWith("victim/hosts-moved")));
      const d = treeDiff(rest(before), rest(after));
      if (d) problems.push(`besides the swap the tree changed (not undone):\n${d}`);
      const left = leftovers(after);
      if (left.length) problems.push(`left behind: ${left.join(", ")}`);
      expect(problems, problems.join("\n")).toEqual([]);
    } finally {
      cleanup(b);
    }
  });

  it("create-nix-devshell: flake.nix that a killed run created, edited in place to the same size, survives the undo", async ({
    expect,
  }) => {
    const b = box();
    try {
      dir(b.t);
      const first = await run("cnd", b, ["python", "--yes"], {
        env: { NIXHOME_TEST_CRASH_AT: "commit:1" },
      });
      const problems: string[] = [];
      if (first.signal !== "SIGKILL")
        problems.push("NIXHOME_TEST_CRASH_AT=commit:1 did not kill it");
      // Same inode, same size, other bytes: what an editor writing in place leaves.
      const flake = T(b, "flake.nix");
      const mine = Buffer.from(readFileSync(flake, "utf8").replace("{", "("));
      writeFileSync(flake, mine, { flag: "r+" });
      const next = await run("cnd", b, ["python", "--yes"]);
      problems.push(...checkRefusal("cnd", next, /already exists|--force/));
      if (!readFileSync(flake).equals(mine)) problems.push("the user's edit of flake.nix was lost");
      const left = leftovers(listTree(b.root));
      if (left.length) problems.push(`left behind: ${left.join(", ")}`);
      expect(problems, problems.join("\n")).toEqual([]);
    } finally {
      cleanup(b);
    }
  });
});

describe.concurrent("start-up: node:crypto is never loaded", () => {
  const preload = join(baseDir, "crypto-probe.cjs");
  writeFileSync(
    preload,
    `process.on("exit", () => { if (process.moduleLoadList.some((m) => /\\bcrypto\\b/.test(m))) require("fs").writeSync(2, "LOADED node:crypto\\n"); });\n`,
  );
  const runs: Array<[Tool, readonly string[]]> = [
    ["cnd", ["--help"]],
    ["cnd", ["--version"]],
    ["cnh", ["--help"]],
    ["cnh", ["--version"]],
    ["cnd", ["python", "--yes"]],
    ["cnh", HOME],
  ];
  for (const [tool, args] of runs)
    it(`${tool} ${args.slice(0, 2).join(" ")}`, async ({ expect }) => {
      const b = box();
      try {
        if (tool === "cnd") dir(b.t);
        const r = await run(tool, b, args, { env: { NODE_OPTIONS: `--require ${preload}` } });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toMatch(/LOADED node:crypto/);
      } finally {
        cleanup(b);
      }
    });
});
