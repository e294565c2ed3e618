/**
 * The plop generators (profile, host, template) run by the real plop CLI against hostile generated
 * repositories: every setup × every generator, then names. Numbered cases (#n) reproduce issue 10.
 */
import {
  chmodSync,
  cpSync,
  lchownSync,
  lstatSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { type Case, judge, type Outcome } from "./case.js";
import {
  type Box,
  box,
  checkRefusal,
  checkSame,
  cleanup,
  copyRepo,
  inTarget,
  inVictim,
  isRoot,
  listTree,
  NOBODY,
  OTHER,
  ROOT_ONLY,
  run,
} from "./harness.js";
import { dir, fifo, file, gitLinkedTo, gitWithFilter, LATIN1, link, own } from "./setups.js";

const GEN = {
  profile: ["profile", "gaming", "Games and launchers", "prismlauncher", "laptop"],
  host: ["host", "desktop", "x86_64-linux", "", "", "base,personal"],
  template: ["template", "go"],
} as const;
type Gen = keyof typeof GEN;

const T = inTarget;
const V = inVictim;
const json = (b: Box) => JSON.parse(readFileSync(T(b, "nixhome.json"), "utf8"));
const setJson = (b: Box, f: (j: Record<string, unknown>) => void) => {
  const j = json(b);
  f(j);
  writeFileSync(T(b, "nixhome.json"), `${JSON.stringify(j, null, 2)}\n`);
};

interface Setup {
  id: string;
  setup: (b: Box) => void;
  /** One outcome for all generators, or one per generator. */
  outcome: Outcome | Record<Gen, Outcome>;
  allow?: RegExp;
  root?: boolean;
  uid?: number;
}
const all = (o: Outcome) => o;
const per = (profile: Outcome, host: Outcome, template: Outcome) => ({ profile, host, template });

const S: Setup[] = [
  { id: "a clean generated repository", setup: () => {}, outcome: all("succeed") },
  // git is skipped (the generator says to git add); nothing outside changes, no filter runs.
  {
    id: "git: its .git/config defines a filter that git add would run",
    setup: (b) => gitWithFilter(b.t, V(b, "filter-ran")),
    outcome: all("succeed"),
  },
  {
    id: "git: it sits in a parent repository whose .git/config defines such a filter",
    setup: (b) => gitWithFilter(b.root, V(b, "filter-ran")),
    outcome: all("succeed"),
  },
  {
    id: "git: its .git is a gitdir file pointing at a repository outside",
    setup: (b) => gitLinkedTo(b.t, V(b, "repo"), "file"),
    outcome: all("succeed"),
  },
  {
    id: "git: its .git is a symlink to a repository outside",
    setup: (b) => gitLinkedTo(b.t, V(b, "repo"), "symlink"),
    outcome: all("succeed"),
  },
  {
    id: "nixhome.json 0600 owned by nobody",
    setup: (b) => {
      own(T(b, "nixhome.json"), NOBODY);
      dir(T(b, "x"), 0o755);
      require0600(b);
    },
    outcome: all("succeed"),
    allow: /^t\/x$/,
    root: true,
  },
  {
    id: "nixhome.json read-only (0444)",
    setup: (b) => file(T(b, "nixhome.json"), readFileSync(T(b, "nixhome.json")), 0o444),
    outcome: all("safe"),
  },
  {
    id: "nixhome.json is a symlink to a copy outside",
    setup: (b) => {
      file(V(b, "nixhome.json"), readFileSync(T(b, "nixhome.json")));
      rmSync(T(b, "nixhome.json"));
      link(T(b, "nixhome.json"), V(b, "nixhome.json"));
    },
    outcome: all("refuse"),
  },
  {
    id: "nixhome.json is a symlink inside the repository",
    setup: (b) => {
      file(T(b, "data/nixhome.json"), readFileSync(T(b, "nixhome.json")));
      rmSync(T(b, "nixhome.json"));
      link(T(b, "nixhome.json"), "data/nixhome.json");
    },
    outcome: all("safe"),
    allow: /^t\/data\/nixhome\.json$/,
  },
  {
    id: "#18 nixhome.json is a FIFO",
    setup: (b) => {
      rmSync(T(b, "nixhome.json"));
      fifo(T(b, "nixhome.json"));
    },
    outcome: all("refuse"),
  },
  {
    id: "nixhome.json is a directory",
    setup: (b) => {
      const keep = readFileSync(T(b, "nixhome.json"));
      rmSync(T(b, "nixhome.json"));
      dir(T(b, "nixhome.json"));
      file(T(b, "nixhome.json/keep"), keep);
    },
    outcome: all("refuse"),
  },
  {
    id: "nixhome.json holds non-UTF-8 bytes",
    setup: (b) => file(T(b, "nixhome.json"), LATIN1),
    outcome: all("refuse"),
  },
  {
    id: "nixhome.json has CRLF line endings",
    setup: (b) =>
      file(T(b, "nixhome.json"), readFileSync(T(b, "nixhome.json"), "utf8").replace(/\n/g, "\r\n")),
    outcome: all("safe"),
  },
  {
    id: "nixhome.json has hosts laptop and LAPTOP",
    setup: (b) =>
      setJson(b, (j) => {
        (j.hosts as Record<string, unknown>).LAPTOP = { system: "x86_64-linux", layers: ["base"] };
      }),
    outcome: all("refuse"),
  },
  {
    id: "nixhome.json has a host named __proto__",
    setup: (b) =>
      file(
        T(b, "nixhome.json"),
        readFileSync(T(b, "nixhome.json"), "utf8").replace(
          '"hosts": {',
          '"hosts": {\n    "__proto__": { "system": "x86_64-linux", "layers": ["base"] },',
        ),
      ),
    outcome: all("safe"),
  },
  {
    id: "nixhome.json has a host named constructor",
    setup: (b) =>
      setJson(b, (j) => {
        (j.hosts as Record<string, unknown>)["constructor"] = {
          system: "x86_64-linux",
          layers: ["base"],
        };
      }),
    outcome: all("safe"),
  },
  {
    id: "hosts/ is a symlink to a folder outside",
    setup: (b) => {
      cpSync(T(b, "hosts"), V(b, "hosts"), { recursive: true });
      rmSync(T(b, "hosts"), { recursive: true });
      link(T(b, "hosts"), V(b, "hosts"));
    },
    outcome: per("safe", "refuse", "safe"),
  },
  {
    id: "hosts/ is a dangling symlink",
    setup: (b) => {
      rmSync(T(b, "hosts"), { recursive: true });
      link(T(b, "hosts"), V(b, "nohosts"));
    },
    outcome: per("safe", "refuse", "safe"),
  },
  {
    id: "profiles/ is a symlink to a folder outside",
    setup: (b) => {
      cpSync(T(b, "profiles"), V(b, "profiles"), { recursive: true });
      rmSync(T(b, "profiles"), { recursive: true });
      link(T(b, "profiles"), V(b, "profiles"));
    },
    outcome: per("refuse", "safe", "refuse"),
  },
  {
    id: "profiles/project-templates is a symlink to outside",
    setup: (b) => {
      rmSync(T(b, "profiles/project-templates"), { recursive: true });
      link(T(b, "profiles/project-templates"), join(b.victim, "dir"));
    },
    outcome: per("safe", "safe", "refuse"),
  },
  {
    id: "hosts/desktop.nix exists, written by hand",
    setup: (b) => file(T(b, "hosts/desktop.nix"), "{ ... }: { }\n"),
    outcome: per("succeed", "refuse", "succeed"),
  },
  {
    id: "profiles/gaming.nix exists, written by hand",
    setup: (b) => file(T(b, "profiles/gaming.nix"), "{ ... }: { }\n"),
    outcome: per("refuse", "succeed", "succeed"),
  },
  {
    id: "hosts/desktop.nix is a symlink to outside",
    setup: (b) => link(T(b, "hosts/desktop.nix"), V(b, "keep")),
    outcome: per("succeed", "refuse", "succeed"),
  },
  {
    id: "profiles/gaming.nix is a dangling symlink to outside",
    setup: (b) => link(T(b, "profiles/gaming.nix"), V(b, "planted.nix")),
    outcome: per("refuse", "succeed", "succeed"),
  },
  {
    id: "profiles/project-templates/go.nix is a FIFO",
    setup: (b) => fifo(T(b, "profiles/project-templates/go.nix")),
    outcome: per("succeed", "succeed", "refuse"),
  },
  {
    id: "flake.nix edited by hand (a comment appended)",
    setup: (b) => file(T(b, "flake.nix"), `${readFileSync(T(b, "flake.nix"), "utf8")}# mine\n`),
    outcome: all("safe"),
  },
  {
    id: "flake.nix is a symlink to a file outside",
    setup: (b) => {
      file(V(b, "flake.nix"), readFileSync(T(b, "flake.nix")));
      rmSync(T(b, "flake.nix"));
      link(T(b, "flake.nix"), V(b, "flake.nix"));
    },
    outcome: all("safe"),
  },
  {
    id: "README.md (as generated) is a symlink to a copy outside",
    setup: (b) => {
      file(V(b, "README.md"), readFileSync(T(b, "README.md")));
      rmSync(T(b, "README.md"));
      link(T(b, "README.md"), V(b, "README.md"));
    },
    outcome: all("safe"),
  },
  {
    id: "bootstrap.sh (as generated) is a symlink to a copy outside",
    setup: (b) => {
      file(V(b, "bootstrap.sh"), readFileSync(T(b, "bootstrap.sh")), 0o755);
      rmSync(T(b, "bootstrap.sh"));
      link(T(b, "bootstrap.sh"), V(b, "bootstrap.sh"));
    },
    outcome: all("safe"),
  },
  {
    id: "#18 README.md is a FIFO",
    setup: (b) => {
      rmSync(T(b, "README.md"));
      fifo(T(b, "README.md"));
    },
    outcome: all("safe"),
  },
  {
    id: "hosts/ owned by another uid, mode 0700",
    setup: (b) => {
      own(T(b, "hosts"), OTHER);
      chmodSync(T(b, "hosts"), 0o700);
    },
    outcome: all("succeed"),
    root: true,
  },
  {
    id: "hosts is a regular file",
    setup: (b) => {
      rmSync(T(b, "hosts"), { recursive: true });
      file(T(b, "hosts"), "x\n");
    },
    outcome: per("safe", "refuse", "safe"),
  },
  {
    id: "#16 ENOTDIR: profiles is a regular file",
    setup: (b) => {
      rmSync(T(b, "profiles"), { recursive: true });
      file(T(b, "profiles"), "x\n");
    },
    outcome: per("refuse", "safe", "refuse"),
  },
  {
    id: "#16 EACCES: run as nobody on a repository owned by root",
    setup: () => {},
    outcome: all("refuse"),
    root: true,
    uid: NOBODY,
  },
  {
    id: "#16 EACCES: profiles/ not writable, run as nobody on its own repository",
    setup: (b) => {
      chmodSync(T(b, "profiles"), 0o555);
      chmodSync(T(b, "profiles/project-templates"), 0o555);
      chmodSync(T(b, "hosts"), 0o555);
      chownTree(b.t, NOBODY);
    },
    outcome: all("refuse"),
    root: true,
    uid: NOBODY,
  },
  {
    id: "a leftover .nixhome staging folder of an earlier crash",
    setup: (b) => file(T(b, ".nixhome-staging-old/0"), "half\n"),
    outcome: all("safe"),
    allow: /^t\/\.nixhome-staging-old(\/0)?$/,
  },
];

function require0600(b: Box) {
  chmodSync(T(b, "nixhome.json"), 0o600);
}
function chownTree(p: string, uid: number) {
  const st = lstatSync(p);
  lchownSync(p, uid, uid);
  if (st.isDirectory()) for (const n of readdirSync(p)) chownTree(join(p, n), uid);
}

const cases: Case[] = [];
for (const s of S)
  for (const g of Object.keys(GEN) as Gen[]) {
    const outcome = typeof s.outcome === "string" ? s.outcome : s.outcome[g];
    cases.push({
      name: `${s.id} | plop ${g}`,
      tool: "plop",
      setup: (b) => {
        copyRepo(b);
        s.setup(b);
      },
      args: GEN[g],
      outcome,
      allow: s.allow,
      root: s.root,
      opts: s.uid === undefined ? {} : { uid: s.uid },
    });
  }

// Names: prototype members, case-insensitive duplicates, `default`, too long.
const PROTO = ["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"];
const names: Array<[string, readonly string[], Outcome]> = [];
for (const n of PROTO) {
  names.push([`#15 plop profile ${n}`, ["profile", n, "x", "", "laptop"], "safe"]);
  names.push([`#15 plop host ${n}`, ["host", n, "x86_64-linux", "", "", "base"], "safe"]);
  names.push([`plop template ${n}`, ["template", n], "refuse"]);
  names.push([`plop profile gaming on host ${n}`, ["profile", "gaming", "x", "", n], "refuse"]);
  names.push([
    `plop host desktop with layer ${n}`,
    ["host", "desktop", "x86_64-linux", "", "", n],
    "refuse",
  ]);
}
names.push(
  [
    "#14 plop host LAPTOP next to laptop",
    ["host", "LAPTOP", "x86_64-linux", "", "", "base"],
    "refuse",
  ],
  [
    "#14 plop host Laptop next to laptop",
    ["host", "Laptop", "x86_64-linux", "", "", "base"],
    "refuse",
  ],
  [
    "plop host Work-Server next to work-server",
    ["host", "Work-Server", "x86_64-linux", "", "", "base"],
    "refuse",
  ],
  ["plop profile Base next to base", ["profile", "Base", "x", "", "laptop"], "refuse"],
  ["plop profile PERSONAL next to personal", ["profile", "PERSONAL", "x", "", "laptop"], "refuse"],
  ["plop template PYTHON next to python", ["template", "PYTHON"], "refuse"],
  ["#21 plop host default", ["host", "default", "x86_64-linux", "", "", "base"], "safe"],
  [
    "plop host with 300 characters",
    ["host", "h".repeat(300), "x86_64-linux", "", "", "base"],
    "refuse",
  ],
  ["plop profile with 300 characters", ["profile", "p".repeat(300), "x", "", "laptop"], "refuse"],
  ["plop host ../escape", ["host", "../escape", "x86_64-linux", "", "", "base"], "refuse"],
  ["plop profile ../../victim/x", ["profile", "../../victim/x", "x", "", "laptop"], "refuse"],
  [
    "plop profile with package `a; b = 1`",
    ["profile", "gaming", "x", "a; home.file.x.text = 1", "laptop"],
    "refuse",
  ],
  [
    "plop profile with package ${x}",
    ["profile", "gaming", "x", '${builtins.abort "x"}', "laptop"],
    "refuse",
  ],
  [
    "plop host with system constructor",
    ["host", "desktop", "constructor", "", "", "base"],
    "refuse",
  ],
);
for (const [name, args, outcome] of names)
  cases.push({ name: `names: ${name}`, tool: "plop", setup: copyRepo, args, outcome });

describe.concurrent("plop generators: hostile repositories and names", () => {
  for (const c of cases) {
    const skip = c.root && !isRoot;
    it.skipIf(skip)(skip ? `${c.name} [${ROOT_ONLY}]` : c.name, async ({ expect }) => {
      const v = await judge(c);
      expect(v.problems, v.problems.join("\n")).toEqual([]);
    });
  }
});

describe.concurrent("plop without a terminal (#23)", () => {
  for (const g of Object.keys(GEN) as Gen[])
    it(`#23 plop ${g} with no answers and no terminal says what to pass, writes nothing`, async ({
      expect,
    }) => {
      const b = box();
      try {
        copyRepo(b);
        const before = listTree(b.root);
        const r = await run("plop", b, [g], { stdin: "ignore" });
        const problems = checkRefusal("plop", r, /terminal|argument|pass|bypass|--/i);
        if (r.code === 130) problems.push("exit 130 means cancelled by the user; nobody cancelled");
        problems.push(...checkSame(before, listTree(b.root)));
        expect(problems, problems.join("\n")).toEqual([]);
      } finally {
        cleanup(b);
      }
    });
});

describe.concurrent("#21 a host named default", () => {
  it("#21 plop host default, then plop profile targets it or default is refused clearly", async ({
    expect,
  }) => {
    const b = box();
    try {
      copyRepo(b);
      const r = await run("plop", b, ["host", "default", "x86_64-linux", "", "", "base"]);
      const problems: string[] = [];
      if (r.code !== 0) problems.push(...checkRefusal("plop", r, /default/));
      else {
        const p = await run("plop", b, ["profile", "gaming", "x", "", "default"]);
        if (p.code !== 0)
          problems.push(
            `host "default" was accepted but cannot be targeted: ${p.stderr}${p.stdout}`,
          );
        else {
          const j = json(b);
          const onHost = (j.hosts?.default?.layers ?? []).includes("gaming");
          const onTop = (j.layers ?? []).includes("gaming");
          if (!onHost)
            problems.push(
              `plop profile … default put gaming ${onTop ? "on the host-less configuration" : "nowhere"}, not on host "default"`,
            );
        }
      }
      expect(problems, problems.join("\n")).toEqual([]);
    } finally {
      cleanup(b);
    }
  });
});
