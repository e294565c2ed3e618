/**
 * create-nix-home against hostile targets and hostile names: every setup × (--yes, --yes --force,
 * --dry-run --force), then flag and name tables. Numbered cases (#n) reproduce issue 10.
 */
import { chmodSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { type Case, judge, type Outcome } from "./case.js";
import {
  type Box,
  copyRepo,
  inTarget,
  inVictim,
  isRoot,
  NOBODY,
  OTHER,
  ROOT_ONLY,
  type RunResult,
  type Tree,
} from "./harness.js";
import {
  allCrlf,
  dir,
  fifo,
  file,
  gitLinkedTo,
  gitWithFilter,
  LATIN1,
  link,
  own,
  someFileHolds,
  USER_FLAKE,
} from "./setups.js";

const HOME_ARGS = [
  ...["--yes", "--no-git", "--name", "Big Boss", "--email", "b@x.y"],
  ...["--username", "bigboss", "--home", "/home/bigboss"],
];

interface Setup {
  id: string;
  setup: (b: Box) => void;
  yes: Outcome;
  force: Outcome;
  message?: RegExp;
  allow?: RegExp;
  check?: (b: Box, r: RunResult, before: Tree, after: Tree) => string[];
  root?: boolean;
  /** Where the CLI writes, relative to the case folder (default t). */
  target?: string;
  /** More arguments (the same answers as a repository made earlier). */
  args?: string[];
}

const T = inTarget;
const V = inVictim;

const S: Setup[] = [
  { id: "no target yet", setup: () => {}, yes: "succeed", force: "succeed" },
  { id: "an empty target", setup: (b) => dir(b.t), yes: "succeed", force: "succeed" },
  {
    id: "a target with the user's own files",
    setup: (b) => file(T(b, "notes.txt"), "mine\n"),
    yes: "refuse",
    force: "succeed",
  },
  {
    id: "a hand-edited README.md (--force must keep a backup)",
    setup: (b) => file(T(b, "README.md"), "# my notes\n"),
    yes: "refuse",
    force: "succeed",
    check: (b, _r, _x, after) => someFileHolds(b, after, /^t\/README\.md\.bak/, "# my notes\n"),
  },
  {
    id: "a hand-written flake.nix (--force must keep a backup)",
    setup: (b) => file(T(b, "flake.nix"), USER_FLAKE),
    yes: "refuse",
    force: "succeed",
    check: (b, _r, _x, after) => someFileHolds(b, after, /^t\/flake\.nix\.bak/, USER_FLAKE),
  },
  {
    id: "#1 flake.nix.bak is a symlink to a file outside",
    setup: (b) => {
      file(T(b, "flake.nix"), USER_FLAKE);
      link(T(b, "flake.nix.bak"), V(b, "keep"));
    },
    yes: "refuse",
    force: "safe",
  },
  {
    id: "the target is a regular file",
    setup: (b) => file(b.t, "x\n"),
    yes: "refuse",
    force: "refuse",
  },
  { id: "the target is a FIFO", setup: (b) => fifo(b.t), yes: "refuse", force: "refuse" },
  {
    id: "the target is a dangling symlink",
    setup: (b) => link(b.t, V(b, "made-by-us")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "the target is a symlink loop",
    setup: (b) => link(b.t, "t"),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "#16 ENOTDIR: the target's parent is a file",
    setup: (b) => file(join(b.root, "afile"), "x\n"),
    target: "afile/t",
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "#16 ENAMETOOLONG: a 300-character target name",
    setup: () => {},
    target: "n".repeat(300),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "#16 ENAMETOOLONG: a 5000-character target path",
    setup: () => {},
    target: Array.from({ length: 25 }, () => "d".repeat(200)).join("/"),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "profiles/ is a symlink to a folder outside",
    setup: (b) => link(T(b, "profiles"), b.victim),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "hosts/ is a symlink to a folder outside",
    setup: (b) => link(T(b, "hosts"), join(b.victim, "dir")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "hosts/ is a dangling symlink",
    setup: (b) => link(T(b, "hosts"), V(b, "newdir")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "profiles/project-templates is a symlink to outside",
    setup: (b) => {
      dir(T(b, "profiles"));
      link(T(b, "profiles/project-templates"), join(b.victim, "dir"));
    },
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "hosts is a regular file",
    setup: (b) => file(T(b, "hosts"), "x\n"),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "profiles/base.nix is a directory",
    setup: (b) => dir(T(b, "profiles/base.nix")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "nixhome.json is a FIFO",
    setup: (b) => fifo(T(b, "nixhome.json")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "#18 .gitignore is a FIFO",
    setup: (b) => fifo(T(b, ".gitignore")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "flake.nix is a symlink to a file outside",
    setup: (b) => link(T(b, "flake.nix"), V(b, "flake.nix")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: ".gitignore is a symlink to a file outside",
    setup: (b) => link(T(b, ".gitignore"), V(b, "keep")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "#6 a user's .gitignore owned by nobody, 0600",
    setup: (b) => {
      file(T(b, ".gitignore"), "secret/\n", 0o600);
      own(T(b, ".gitignore"), NOBODY);
    },
    yes: "refuse",
    force: "succeed",
    root: true,
  },
  {
    id: "a user's .gitignore with CRLF",
    setup: (b) => file(T(b, ".gitignore"), "secret/\r\n"),
    yes: "refuse",
    force: "succeed",
  },
  {
    id: "#7 a user's .gitignore with non-UTF-8 bytes",
    setup: (b) => file(T(b, ".gitignore"), LATIN1),
    yes: "refuse",
    force: "succeed",
  },
  {
    id: "a target owned by another uid, mode 0700",
    setup: (b) => {
      dir(b.t, 0o700);
      own(b.t, OTHER);
    },
    yes: "succeed",
    force: "succeed",
    root: true,
  },
  {
    id: "a repository it generated before (same answers: nothing to do)",
    setup: (b) => {
      copyRepo(b);
      rmSync(T(b, "plopfile.js"));
    },
    args: ["--no-plop"],
    yes: "succeed",
    force: "succeed",
    check: (_b, _r, before, after) => {
      const changed = [...after].filter(([k, v]) => before.get(k) !== v && k !== "t/plopfile.js");
      return changed.length > 2 ? [`${changed.length} paths changed on a rerun`] : [];
    },
  },
  {
    id: "a generated repository with nixhome.json mode 0600 owned by nobody",
    setup: (b) => {
      copyRepo(b);
      rmSync(T(b, "plopfile.js"));
      chmodSync(T(b, "nixhome.json"), 0o600);
      own(T(b, "nixhome.json"), NOBODY);
      own(T(b, "hosts"), NOBODY);
    },
    args: ["--no-plop"],
    yes: "safe",
    force: "safe",
    root: true,
  },
];

const cases: Case[] = [];
for (const s of S) {
  const target = (b: Box) => (s.target ? join(b.root, s.target) : b.t);
  const withTarget = (extra: string[]) => (b: Box) => {
    b.t = target(b);
    return [...HOME_ARGS, ...(s.args ?? []), ...extra];
  };
  const variants: Array<[string, string[], Outcome]> = [
    ["--yes", [], s.yes],
    ["--yes --force", ["--force"], s.force],
    ["--dry-run --force", ["--force", "--dry-run"], "same"],
  ];
  for (const [label, extra, outcome] of variants)
    cases.push({
      name: `${s.id} | ${label}`,
      tool: "cnh",
      setup: (b) => {
        s.setup(b);
        b.t = target(b);
      },
      args: withTarget(extra),
      outcome,
      message: outcome === "refuse" ? s.message : undefined,
      allow: s.allow,
      check: outcome === "succeed" ? s.check : undefined,
      root: s.root,
    });
}

// Names: prototype members, case-insensitive duplicates, reserved words, bytes.
const PROTO = [
  "constructor",
  "toString",
  "hasOwnProperty",
  "__proto__",
  "valueOf",
  "isPrototypeOf",
];
const named: Array<{ name: string; args: string[]; outcome: Outcome; message?: RegExp }> = [];
for (const n of PROTO) {
  named.push({ name: `#15 --host ${n}`, args: ["--host", n], outcome: "safe" });
  named.push({ name: `--host laptop,${n}`, args: ["--host", `laptop,${n}`], outcome: "safe" });
  named.push({ name: `--template ${n}`, args: ["--template", n], outcome: "refuse" });
  named.push({ name: `--system ${n}`, args: ["--system", n], outcome: "refuse" });
  named.push({ name: `--shell ${n}`, args: ["--shell", n], outcome: "refuse" });
  named.push({ name: `--host laptop:${n}`, args: ["--host", `laptop:${n}`], outcome: "refuse" });
}
named.push(
  {
    name: "#14 --host LAPTOP,laptop (case-insensitive duplicate)",
    args: ["--host", "LAPTOP,laptop"],
    outcome: "refuse",
    message: /laptop/i,
  },
  { name: "--host Laptop,laptop", args: ["--host", "Laptop,laptop"], outcome: "refuse" },
  { name: "--host laptop,laptop", args: ["--host", "laptop,laptop"], outcome: "refuse" },
  { name: "#21 --host default", args: ["--host", "default"], outcome: "safe" },
  { name: "--host DEFAULT", args: ["--host", "DEFAULT"], outcome: "safe" },
  { name: "--host with a slash", args: ["--host", "../escape"], outcome: "refuse" },
  { name: "--host with a NUL-free newline", args: ["--host", "a\nb"], outcome: "refuse" },
  { name: "--host 300 characters", args: ["--host", "h".repeat(300)], outcome: "refuse" },
  { name: "--username with a quote", args: ["--username", 'a"b'], outcome: "refuse" },
  { name: "--home relative", args: ["--home", "relative/home"], outcome: "refuse" },
  { name: "--home with ${", args: ["--home", "/home/${x}"], outcome: "safe" },
  { name: "--state-version __proto__", args: ["--state-version", "__proto__"], outcome: "refuse" },
  { name: "--channel constructor", args: ["--channel", "constructor"], outcome: "refuse" },
  { name: "--editor toString", args: ["--editor", "toString"], outcome: "refuse" },
);

for (const n of named)
  cases.push({
    name: `names: ${n.name}`,
    tool: "cnh",
    args: [...HOME_ARGS, ...n.args],
    outcome: n.outcome,
    message: n.message,
    check: (b, r) => {
      // A success must keep the name as data: nixhome.json still parses and lists it.
      if (r.code !== 0) return [];
      const json = JSON.parse(readFileSync(join(b.t, "nixhome.json"), "utf8"));
      return json && typeof json === "object" ? [] : ["nixhome.json is not an object"];
    },
  });

// #22: non-UTF-8 bytes in an argument (passed through sh: node cannot pass raw bytes).
for (const flag of ["--name", "--email", "--username", "--host", "--home"])
  cases.push({
    name: `#22 non-UTF-8 bytes in ${flag} are refused, not mangled`,
    tool: "cnh",
    args: HOME_ARGS.filter((a, i, all) => a !== flag && all[i - 1] !== flag),
    opts: { rawShellArgs: `${flag} "$(printf 'caf\\351\\377')"` },
    outcome: "refuse",
  });

// --config FILE: a hostile nixhome.json.
const spec = (over: Record<string, unknown>) =>
  JSON.stringify({
    version: 1,
    user: { name: "Big Boss", email: "b@x.y", username: "bigboss", homeDirectory: "/home/bigboss" },
    system: "x86_64-linux",
    hosts: { laptop: { system: "x86_64-linux", layers: ["base", "personal"] } },
    ...over,
  });
const configs: Array<{ name: string; make: (b: Box) => void; outcome: Outcome }> = [
  { name: "a FIFO", make: (b) => fifo(join(b.root, "cfg.json")), outcome: "refuse" },
  { name: "a directory", make: (b) => dir(join(b.root, "cfg.json")), outcome: "refuse" },
  { name: "missing", make: () => {}, outcome: "refuse" },
  {
    name: "not JSON",
    make: (b) => file(join(b.root, "cfg.json"), "{ nix = 1; }"),
    outcome: "refuse",
  },
  { name: "non-UTF-8", make: (b) => file(join(b.root, "cfg.json"), LATIN1), outcome: "refuse" },
  {
    name: "hosts LAPTOP and laptop",
    make: (b) =>
      file(
        join(b.root, "cfg.json"),
        spec({
          hosts: {
            laptop: { system: "x86_64-linux", layers: ["base"] },
            LAPTOP: { system: "x86_64-linux", layers: ["base"] },
          },
        }),
      ),
    outcome: "refuse",
  },
  ...PROTO.map((n) => ({
    name: `a host named ${n}`,
    make: (b: Box) =>
      file(
        join(b.root, "cfg.json"),
        `{"version":1,"user":{"name":"B","email":"b@x.y","username":"bigboss","homeDirectory":"/home/bigboss"},"system":"x86_64-linux","hosts":{${JSON.stringify(n)}:{"system":"x86_64-linux","layers":["base"]}}}`,
      ),
    outcome: "safe" as Outcome,
  })),
  {
    name: "a layer named __proto__",
    make: (b) => file(join(b.root, "cfg.json"), spec({ layers: ["base", "__proto__"] })),
    outcome: "safe",
  },
  {
    name: "layers Base and base",
    make: (b) => file(join(b.root, "cfg.json"), spec({ layers: ["base", "Base"] })),
    outcome: "refuse",
  },
  {
    name: "a 5 MB user name",
    make: (b) =>
      file(join(b.root, "cfg.json"), spec({ user: { name: "x".repeat(5e6), email: "b@x.y" } })),
    outcome: "safe",
  },
];
for (const c of configs)
  cases.push({
    name: `--config: ${c.name}`,
    tool: "cnh",
    setup: c.make,
    args: (b) => ["--yes", "--no-git", "--config", join(b.root, "cfg.json")],
    outcome: c.outcome,
    allow: /^cfg\.json$/,
  });

// #16 EACCES: a parent nobody may write, the CLI run as nobody.
cases.push(
  {
    name: "#16 EACCES: the target's parent is not writable (run as nobody)",
    tool: "cnh",
    setup: (b) => {
      dir(join(b.root, "ro"), 0o755);
      b.t = join(b.root, "ro", "t");
    },
    args: (b) => {
      b.t = join(b.root, "ro", "t");
      return HOME_ARGS;
    },
    opts: { uid: NOBODY },
    outcome: "refuse",
    root: true,
  },
  {
    name: "#16 EACCES: an existing target not writable (run as nobody, --force)",
    tool: "cnh",
    setup: (b) => {
      dir(b.t, 0o755);
      file(T(b, "notes"), "x\n");
    },
    args: [...HOME_ARGS, "--force"],
    opts: { uid: NOBODY },
    outcome: "refuse",
    root: true,
  },
  {
    name: "#16 EACCES: hosts/ not writable (run as nobody, --force over its own tree)",
    tool: "cnh",
    setup: (b) => {
      dir(b.t, 0o755);
      own(b.t, NOBODY);
      dir(T(b, "hosts"), 0o555);
    },
    args: [...HOME_ARGS, "--force"],
    opts: { uid: NOBODY },
    outcome: "refuse",
    root: true,
  },
  {
    name: "CRLF .gitignore stays CRLF after --force",
    tool: "cnh",
    setup: (b) => file(T(b, ".gitignore"), "secret/\r\n"),
    args: [...HOME_ARGS, "--force"],
    outcome: "succeed",
    check: (b) => allCrlf(b, ".gitignore"),
  },
);

// With git (the default): --force into a folder that carries a .git of its own. The run
// succeeds (the files are written, git is skipped with a warning); nothing outside changes.
const WITH_GIT = [...HOME_ARGS.filter((a) => a !== "--no-git"), "--git", "--force"];
const gitSkipped = (_b: Box, r: RunResult) => [
  ...(/warning: git was not run: its \.git/.test(r.stderr) ? [] : [`no git warning: ${r.stderr}`]),
  // The next steps must not suggest the very command that would run the folder's config.
  ...(r.stdout.includes("git add -A") ? [`suggests git add -A: ${r.stdout}`] : []),
];
cases.push(
  {
    name: "git: the target's .git/config defines a filter that git add would run",
    tool: "cnh",
    setup: (b) => gitWithFilter(b.t, V(b, "filter-ran")),
    args: WITH_GIT,
    outcome: "succeed",
    check: gitSkipped,
  },
  {
    name: "git: the target's .git is a gitdir file pointing at a repository outside",
    tool: "cnh",
    setup: (b) => gitLinkedTo(b.t, V(b, "repo"), "file"),
    args: WITH_GIT,
    outcome: "succeed",
    check: gitSkipped,
  },
  {
    name: "git: the target's .git is a symlink to a repository outside",
    tool: "cnh",
    setup: (b) => gitLinkedTo(b.t, V(b, "repo"), "symlink"),
    args: WITH_GIT,
    outcome: "succeed",
    check: gitSkipped,
  },
);

describe.concurrent("create-nix-home: hostile targets and names", () => {
  for (const c of cases) {
    const skip = c.root && !isRoot;
    it.skipIf(skip)(skip ? `${c.name} [${ROOT_ONLY}]` : c.name, async ({ expect }) => {
      const v = await judge(c);
      expect(v.problems, v.problems.join("\n")).toEqual([]);
    });
  }
});
