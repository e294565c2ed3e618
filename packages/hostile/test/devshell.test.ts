/**
 * create-nix-devshell against hostile project folders: every setup × (--yes, --yes --force over a
 * hand-written flake.nix, --dry-run). The numbered cases (#n) are the reproductions of issue 10.
 */
import { describe, it } from "vitest";
import { type Case, judge, type Outcome } from "./case.js";
import {
  type Box,
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
  chardev,
  contains,
  dir,
  fifo,
  file,
  hardlink,
  LATIN1,
  link,
  own,
  SECRET_ENVRC,
  someFileHolds,
  USER_FLAKE,
} from "./setups.js";

interface Setup {
  id: string;
  setup: (b: Box) => void;
  /** Outcome of `python --yes` and of `python --yes --force` (a user flake.nix is added for it). */
  yes: Outcome;
  force: Outcome;
  message?: RegExp;
  allow?: RegExp;
  check?: (b: Box, r: RunResult, before: Tree, after: Tree) => string[];
  root?: boolean;
  /** The flake.nix of the setup is part of it (the force variant adds none). */
  hasFlake?: boolean;
  lang?: string[];
  timeoutMs?: number;
}

const T = inTarget;
const V = inVictim;
const proj = (b: Box) => dir(b.t);

const S: Setup[] = [
  { id: "empty project", setup: proj, yes: "succeed", force: "succeed" },
  {
    id: "a hand-written flake.nix",
    setup: (b) => file(T(b, "flake.nix"), USER_FLAKE),
    hasFlake: true,
    yes: "refuse",
    message: /flake\.nix.*--force|--force.*flake\.nix/,
    force: "succeed",
    check: (b, _r, _x, after) => someFileHolds(b, after, /^t\/flake\.nix\.bak/, USER_FLAKE),
  },
  {
    id: "#1 flake.nix.bak is a symlink to a file outside",
    setup: (b) => {
      file(T(b, "flake.nix"), USER_FLAKE);
      link(T(b, "flake.nix.bak"), V(b, "keep"));
    },
    hasFlake: true,
    yes: "refuse",
    force: "safe",
  },
  {
    id: "#1 flake.nix.bak is a dangling symlink to outside",
    setup: (b) => {
      file(T(b, "flake.nix"), USER_FLAKE);
      link(T(b, "flake.nix.bak"), V(b, "planted"));
    },
    hasFlake: true,
    yes: "refuse",
    force: "safe",
  },
  {
    id: "flake.nix.bak is a user's own earlier backup",
    setup: (b) => {
      file(T(b, "flake.nix"), USER_FLAKE);
      file(T(b, "flake.nix.bak"), "# an older backup the user keeps\n");
    },
    hasFlake: true,
    yes: "refuse",
    force: "succeed",
    check: (b, _r, _x, after) => someFileHolds(b, after, /^t\/flake\.nix\.bak/, USER_FLAKE),
  },
  {
    id: "flake.nix.bak is a directory",
    setup: (b) => {
      file(T(b, "flake.nix"), USER_FLAKE);
      dir(T(b, "flake.nix.bak"));
      file(T(b, "flake.nix.bak/inside"), "mine\n");
    },
    hasFlake: true,
    yes: "refuse",
    force: "safe",
  },
  {
    id: "flake.nix.bak is a FIFO",
    setup: (b) => {
      file(T(b, "flake.nix"), USER_FLAKE);
      fifo(T(b, "flake.nix.bak"));
    },
    hasFlake: true,
    yes: "refuse",
    force: "safe",
  },
  {
    id: "flake.nix is a symlink to a file outside",
    setup: (b) => {
      proj(b);
      link(T(b, "flake.nix"), V(b, "flake.nix"));
    },
    hasFlake: true,
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "flake.nix is a relative symlink escaping with ..",
    setup: (b) => {
      proj(b);
      link(T(b, "flake.nix"), "../victim/flake.nix");
    },
    hasFlake: true,
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "flake.nix is a dangling symlink to outside",
    setup: (b) => {
      proj(b);
      link(T(b, "flake.nix"), V(b, "created-by-us"));
    },
    hasFlake: true,
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "flake.nix is a symlink to itself (loop)",
    setup: (b) => {
      proj(b);
      link(T(b, "flake.nix"), "flake.nix");
    },
    hasFlake: true,
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "flake.nix is a two-link loop",
    setup: (b) => {
      proj(b);
      link(T(b, "flake.nix"), "other.nix");
      link(T(b, "other.nix"), "flake.nix");
    },
    hasFlake: true,
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "flake.nix is a symlink to /dev/zero",
    setup: (b) => {
      proj(b);
      link(T(b, "flake.nix"), "/dev/zero");
    },
    hasFlake: true,
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "flake.nix is a symlink inside the project",
    setup: (b) => {
      file(T(b, "nix/flake.nix"), USER_FLAKE);
      link(T(b, "flake.nix"), "nix/flake.nix");
    },
    hasFlake: true,
    yes: "refuse",
    force: "safe",
    allow: /^t\/nix\/flake\.nix(\.bak.*)?$/,
  },
  {
    id: "flake.nix is a directory",
    setup: (b) => {
      dir(T(b, "flake.nix"));
      file(T(b, "flake.nix/default.nix"), "{ }\n");
    },
    hasFlake: true,
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "#18 flake.nix is a FIFO",
    setup: (b) => fifo(T(b, "flake.nix")),
    hasFlake: true,
    yes: "refuse",
    force: "refuse",
  },
  {
    id: "flake.nix is a character device",
    setup: (b) => {
      proj(b);
      chardev(T(b, "flake.nix"));
    },
    hasFlake: true,
    yes: "refuse",
    force: "refuse",
    root: true,
  },
  {
    id: "flake.nix is a hard link to a file outside",
    setup: (b) => hardlink(T(b, "flake.nix"), V(b, "flake.nix")),
    hasFlake: true,
    yes: "refuse",
    force: "safe",
  },
  {
    id: "#5 .envrc holds a secret, mode 0600",
    setup: (b) => file(T(b, ".envrc"), SECRET_ENVRC, 0o600),
    yes: "succeed",
    force: "succeed",
  },
  {
    id: ".envrc is executable (0755)",
    setup: (b) => file(T(b, ".envrc"), "export A=1\n", 0o755),
    yes: "succeed",
    force: "succeed",
  },
  {
    id: ".envrc is read-only (0444)",
    setup: (b) => file(T(b, ".envrc"), "export A=1\n", 0o444),
    yes: "safe",
    force: "safe",
  },
  {
    id: "#6 .envrc is owned by nobody",
    setup: (b) => {
      file(T(b, ".envrc"), SECRET_ENVRC, 0o600);
      own(T(b, ".envrc"), NOBODY);
    },
    yes: "succeed",
    force: "succeed",
    root: true,
  },
  {
    id: ".envrc is owned by another uid and gid, mode 0640",
    setup: (b) => {
      file(T(b, ".envrc"), "export B=2\n", 0o640);
      own(T(b, ".envrc"), OTHER, OTHER + 1);
    },
    yes: "succeed",
    force: "succeed",
    root: true,
  },
  {
    id: "#20 .envrc has CRLF line endings",
    setup: (b) => file(T(b, ".envrc"), "export A=1\r\nexport B=2\r\n"),
    yes: "succeed",
    force: "succeed",
    check: (b) => allCrlf(b, ".envrc"),
  },
  {
    id: "#7 .envrc holds non-UTF-8 bytes",
    setup: (b) =>
      file(T(b, ".envrc"), Buffer.concat([Buffer.from("export X='"), LATIN1, Buffer.from("'\n")])),
    yes: "succeed",
    force: "succeed",
  },
  {
    id: ".envrc has no final newline",
    setup: (b) => file(T(b, ".envrc"), "export A=1"),
    yes: "succeed",
    force: "succeed",
    check: (b) => contains(b, ".envrc", "export A=1\n"),
  },
  {
    id: ".envrc already loads a shell",
    setup: (b) => file(T(b, ".envrc"), "use nix\n"),
    yes: "succeed",
    force: "succeed",
  },
  {
    id: ".envrc is a symlink to a file outside",
    setup: (b) => link(T(b, ".envrc"), V(b, "keep")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: ".envrc is a dangling symlink",
    setup: (b) => link(T(b, ".envrc"), "nowhere/envrc"),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: ".envrc is a symlink loop",
    setup: (b) => link(T(b, ".envrc"), ".envrc"),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: ".envrc is a symlink inside the project (kept a symlink)",
    setup: (b) => {
      file(T(b, "config/.envrc"), "export A=1\n");
      link(T(b, ".envrc"), "config/.envrc");
    },
    yes: "succeed",
    force: "succeed",
    allow: /^t\/config\/\.envrc$/,
    check: (b) => contains(b, "config/.envrc", "use flake"),
  },
  {
    id: ".envrc is a directory",
    setup: (b) => dir(T(b, ".envrc")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: ".envrc is a FIFO",
    setup: (b) => fifo(T(b, ".envrc")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: ".envrc is a hard link to a file outside",
    setup: (b) => hardlink(T(b, ".envrc"), V(b, "keep")),
    yes: "safe",
    force: "safe",
  },
  {
    id: ".gitignore mode 0600",
    setup: (b) => file(T(b, ".gitignore"), "secrets/\n", 0o600),
    yes: "succeed",
    force: "succeed",
  },
  {
    id: ".gitignore is read-only (0444)",
    setup: (b) => file(T(b, ".gitignore"), "secrets/\n", 0o444),
    yes: "safe",
    force: "safe",
  },
  {
    id: ".gitignore is owned by nobody",
    setup: (b) => {
      file(T(b, ".gitignore"), "secrets/\n", 0o664);
      own(T(b, ".gitignore"), NOBODY);
    },
    yes: "succeed",
    force: "succeed",
    root: true,
  },
  {
    id: ".gitignore and the project folder are owned by another uid",
    setup: (b) => {
      file(T(b, ".gitignore"), "secrets/\n");
      own(T(b, ".gitignore"), OTHER);
      own(b.t, OTHER);
    },
    yes: "succeed",
    force: "succeed",
    root: true,
  },
  {
    id: "#7 .gitignore holds non-UTF-8 bytes",
    setup: (b) => file(T(b, ".gitignore"), LATIN1),
    yes: "succeed",
    force: "succeed",
  },
  {
    id: ".gitignore starts with a byte-order mark",
    setup: (b) => file(T(b, ".gitignore"), "\ufeffdist/\n"),
    yes: "succeed",
    force: "succeed",
  },
  {
    id: ".gitignore has CRLF line endings",
    setup: (b) => file(T(b, ".gitignore"), "dist/\r\nbuild/\r\n"),
    yes: "succeed",
    force: "succeed",
    check: (b) => allCrlf(b, ".gitignore"),
  },
  {
    id: ".gitignore negates .direnv",
    setup: (b) => file(T(b, ".gitignore"), "*\n!.direnv/\n"),
    yes: "succeed",
    force: "succeed",
  },
  {
    id: "#17 .gitignore has 30,000 lines",
    setup: (b) =>
      file(
        T(b, ".gitignore"),
        Array.from({ length: 30_000 }, (_, i) => `generated/path-${i}/*.o`).join("\n") + "\n",
      ),
    yes: "succeed",
    force: "succeed",
    timeoutMs: 20_000,
    check: (_b, r) => (r.ms > 8000 ? [`took ${r.ms} ms on a 30,000-line .gitignore`] : []),
  },
  {
    id: "#8 .gitignore is a symlink inside the project (kept a symlink)",
    setup: (b) => {
      file(T(b, "shared/.gitignore"), "dist/\n");
      link(T(b, ".gitignore"), "shared/.gitignore");
    },
    yes: "succeed",
    force: "succeed",
    allow: /^t\/shared\/\.gitignore$/,
    check: (b) => contains(b, "shared/.gitignore", ".direnv"),
  },
  {
    id: ".gitignore is a symlink to a file outside",
    setup: (b) => link(T(b, ".gitignore"), V(b, "keep")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: ".gitignore is a dangling symlink to outside",
    setup: (b) => link(T(b, ".gitignore"), V(b, "planted-gitignore")),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: ".gitignore is a symlink loop",
    setup: (b) => {
      link(T(b, ".gitignore"), "a");
      link(T(b, "a"), ".gitignore");
    },
    yes: "refuse",
    force: "refuse",
  },
  {
    id: ".gitignore is a directory",
    setup: (b) => dir(T(b, ".gitignore")),
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
    id: ".gitignore is /dev/null through a symlink",
    setup: (b) => link(T(b, ".gitignore"), "/dev/null"),
    yes: "refuse",
    force: "refuse",
  },
  {
    id: ".gitignore is a hard link to a file outside",
    setup: (b) => hardlink(T(b, ".gitignore"), V(b, "keep")),
    yes: "safe",
    force: "safe",
  },
  {
    id: "#18 package.json is a FIFO (detection must not hang)",
    setup: (b) => fifo(T(b, "package.json")),
    yes: "safe",
    force: "safe",
  },
  {
    id: "pyproject.toml is a FIFO (detection must not hang)",
    setup: (b) => fifo(T(b, "pyproject.toml")),
    yes: "safe",
    force: "safe",
  },
  {
    id: "package.json is a directory",
    setup: (b) => dir(T(b, "package.json")),
    yes: "safe",
    force: "safe",
  },
  {
    id: "package.json is a symlink to a file outside",
    setup: (b) => link(T(b, "package.json"), V(b, "keep")),
    yes: "safe",
    force: "safe",
  },
  {
    id: "a subfolder is a symlink loop (detection)",
    setup: (b) => link(T(b, "web"), "."),
    yes: "safe",
    force: "safe",
  },
  {
    id: "a leftover .nixhome staging folder of an earlier crash",
    setup: (b) => file(T(b, ".nixhome-staging-old/0"), "half\n"),
    yes: "safe",
    force: "safe",
    allow: /^t\/\.nixhome-staging-old(\/0)?$/,
  },
  {
    id: "the project folder is 0700 and owned by another uid",
    setup: (b) => {
      dir(b.t, 0o700);
      own(b.t, OTHER);
    },
    yes: "succeed",
    force: "succeed",
    root: true,
  },
];

const cases: Case[] = [];
for (const s of S) {
  const lang = s.lang ?? ["python"];
  cases.push({
    name: `${s.id} | --yes`,
    tool: "cnd",
    setup: s.setup,
    args: [...lang, "--yes"],
    outcome: s.yes,
    message: s.yes === "refuse" ? s.message : undefined,
    allow: s.allow,
    check: s.check,
    root: s.root,
    timeoutMs: s.timeoutMs,
  });
  const forceSetup = (b: Box) => {
    s.setup(b);
    if (!s.hasFlake) file(T(b, "flake.nix"), USER_FLAKE);
  };
  cases.push({
    name: `${s.id} | --yes --force over a hand-written flake.nix`,
    tool: "cnd",
    setup: forceSetup,
    args: [...lang, "--yes", "--force"],
    outcome: s.force,
    allow: s.allow,
    check: s.hasFlake ? (s.force === "succeed" ? s.check : undefined) : s.check,
    root: s.root,
    timeoutMs: s.timeoutMs,
  });
  cases.push({
    name: `${s.id} | --dry-run --force`,
    tool: "cnd",
    setup: forceSetup,
    args: [...lang, "--yes", "--force", "--dry-run"],
    outcome: "same",
    root: s.root,
    timeoutMs: s.timeoutMs,
  });
}

describe.concurrent("create-nix-devshell: hostile project folders", () => {
  for (const c of cases) {
    const skip = c.root && !isRoot;
    it.skipIf(skip)(skip ? `${c.name} [${ROOT_ONLY}]` : c.name, async ({ expect }) => {
      const v = await judge(c);
      expect(v.problems, v.problems.join("\n")).toEqual([]);
    });
  }
});
