/**
 * Full disks and failing renames: a small tmpfs (root, when mountable), `ulimit -f` through a shell
 * wrapper (always), a mount point in place of a file the run must replace (rename fails with
 * EBUSY half-way through the commit: #3), and repeated --force runs (#4).
 */
import { spawnSync } from "node:child_process";
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { type Case, judge } from "./case.js";
import {
  type Box,
  box,
  canMount,
  checkNoCrash,
  cleanup,
  copyRepo,
  IDENTITY,
  isRoot,
  leftovers,
  listTree,
  run,
  type Tool,
} from "./harness.js";
import { dir, file, USER_FLAKE } from "./setups.js";

const NO_MOUNT = isRoot
  ? "mount -t tmpfs is not permitted here: skipped (the ulimit -f cases still run)"
  : "needs root to mount a tmpfs: skipped (the ulimit -f cases still run)";

const HOME = ["--yes", ...IDENTITY];

function mountTmpfs(b: Box, at: string, size: string): void {
  dir(at);
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size},mode=0755`, "tmpfs", at]);
  if (r.status !== 0) throw new Error(`mount tmpfs on ${at} failed`);
  b.mounts.push(at);
}
/** Fill a filesystem up, then free `leave` bytes. */
function fill(path: string, leave: number): void {
  const fd = openSync(path, "w");
  const chunk = Buffer.alloc(4096, 0x2e);
  let size = 0;
  try {
    for (;;) size += writeSync(fd, chunk);
  } catch {
    // ENOSPC: full
  }
  if (leave > 0) ftruncateSync(fd, Math.max(0, size - leave));
  closeSync(fd);
}
function bindOnItself(b: Box, path: string): void {
  const r = spawnSync("mount", ["--bind", path, path]);
  if (r.status !== 0) throw new Error(`mount --bind ${path} failed`);
  b.mounts.push(path);
}

const GEN: Record<Tool, readonly string[]> = {
  cnd: ["python", "--yes"],
  cnh: HOME,
  plop: ["host", "desktop", "x86_64-linux", "", "", "base,personal"],
};

const disk: Array<Case & { kind: "tmpfs" | "ulimit" | "bind" }> = [];
for (const [label, leave] of [
  ["full", 0],
  ["one page free", 4096],
  ["three pages free", 3 * 4096],
] as const) {
  disk.push({
    kind: "tmpfs",
    name: `#16 ENOSPC: create-nix-devshell on a ${label} tmpfs`,
    tool: "cnd",
    setup: (b) => {
      mountTmpfs(b, b.t, "256k");
      file(join(b.t, ".gitignore"), "dist/\n");
      fill(join(b.t, "filler"), leave);
    },
    args: GEN.cnd,
    outcome: "refuse",
    message: /space|ENOSPC/i,
  });
  disk.push({
    kind: "tmpfs",
    name: `#16 ENOSPC: create-nix-home on a ${label} tmpfs`,
    tool: "cnh",
    setup: (b) => {
      mountTmpfs(b, join(b.root, "m"), "256k");
      fill(join(b.root, "m", "filler"), leave);
      b.t = join(b.root, "m", "t");
    },
    args: (b) => {
      b.t = join(b.root, "m", "t");
      return GEN.cnh;
    },
    outcome: "refuse",
    message: /space|ENOSPC/i,
  });
  disk.push({
    kind: "tmpfs",
    name: `#16 ENOSPC: plop host on a ${label} tmpfs`,
    tool: "plop",
    setup: (b) => {
      mountTmpfs(b, b.t, "512k");
      copyRepo(b);
      fill(join(b.t, "filler"), leave);
    },
    args: GEN.plop,
    outcome: "refuse",
    message: /space|ENOSPC/i,
  });
}
disk.push({
  kind: "tmpfs",
  name: "create-nix-devshell --force on a full tmpfs (the backup does not fit)",
  tool: "cnd",
  setup: (b) => {
    mountTmpfs(b, b.t, "256k");
    file(join(b.t, "flake.nix"), USER_FLAKE);
    fill(join(b.t, "filler"), 0);
  },
  args: ["python", "--yes", "--force"],
  outcome: "refuse",
  message: /space|ENOSPC/i,
});
// ulimit -f is in 512-byte blocks for /bin/sh: files over the limit fail with EFBIG.
for (const blocks of [0, 1, 3]) {
  disk.push({
    kind: "ulimit",
    name: `EFBIG: create-nix-devshell under ulimit -f ${blocks}`,
    tool: "cnd",
    setup: (b) => file(join(b.t, ".gitignore"), "dist/\n"),
    args: GEN.cnd,
    opts: { shellPrefix: `ulimit -f ${blocks};` },
    outcome: "refuse",
  });
  disk.push({
    kind: "ulimit",
    name: `EFBIG: create-nix-devshell --force under ulimit -f ${blocks} (a 2 kB .gitignore to merge)`,
    tool: "cnd",
    setup: (b) => {
      file(join(b.t, "flake.nix"), USER_FLAKE);
      file(join(b.t, ".gitignore"), "x/\n".repeat(700));
    },
    args: ["python", "--yes", "--force"],
    opts: { shellPrefix: `ulimit -f ${blocks};` },
    outcome: "refuse",
  });
  disk.push({
    kind: "ulimit",
    name: `EFBIG: create-nix-home under ulimit -f ${blocks}`,
    tool: "cnh",
    args: GEN.cnh,
    opts: { shellPrefix: `ulimit -f ${blocks};` },
    outcome: "refuse",
  });
  disk.push({
    kind: "ulimit",
    name: `EFBIG: plop host under ulimit -f ${blocks}`,
    tool: "plop",
    setup: copyRepo,
    args: GEN.plop,
    opts: { shellPrefix: `ulimit -f ${blocks};` },
    // Its two small files may fit under a few blocks: then success is right.
    outcome: blocks === 0 ? "refuse" : "safe",
  });
}
// #3: a rename that fails half-way (EBUSY on a mount point) must undo everything, user's .bak too.
disk.push(
  {
    kind: "bind",
    name: "#3 a failed rename (EBUSY) with --force keeps the user's own flake.nix.bak",
    tool: "cnd",
    setup: (b) => {
      file(join(b.t, "flake.nix"), USER_FLAKE);
      file(join(b.t, "flake.nix.bak"), "# the user's own older backup\n");
      file(join(b.t, ".gitignore"), "dist/\n");
      bindOnItself(b, join(b.t, ".gitignore"));
    },
    args: ["python", "--yes", "--force"],
    outcome: "refuse",
  },
  {
    kind: "bind",
    name: "#3 a failed rename (EBUSY) of .envrc undoes flake.nix and .gitignore",
    tool: "cnd",
    setup: (b) => {
      file(join(b.t, ".gitignore"), "dist/\n");
      file(join(b.t, ".envrc"), "export A=1\n");
      bindOnItself(b, join(b.t, ".envrc"));
    },
    args: ["python", "--yes"],
    outcome: "refuse",
  },
  {
    kind: "bind",
    name: "#3 a failed rename (EBUSY) of README.md in create-nix-home --force undoes all",
    tool: "cnh",
    setup: (b) => {
      file(join(b.t, "README.md"), "# mine\n");
      file(join(b.t, "flake.nix.bak"), "# the user's own older backup\n");
      bindOnItself(b, join(b.t, "README.md"));
    },
    args: [...HOME, "--force"],
    outcome: "refuse",
  },
  {
    kind: "bind",
    name: "#3 a failed rename (EBUSY) of nixhome.json in plop host undoes all",
    tool: "plop",
    setup: (b) => {
      copyRepo(b);
      bindOnItself(b, join(b.t, "nixhome.json"));
    },
    args: GEN.plop,
    outcome: "refuse",
  },
);

describe.concurrent("full disks and failing renames", () => {
  for (const c of disk) {
    const needsMount = c.kind !== "ulimit";
    const skip = needsMount && !canMount;
    it.skipIf(skip)(skip ? `${c.name} [${NO_MOUNT}]` : c.name, async ({ expect }) => {
      const v = await judge(c);
      expect(v.problems, v.problems.join("\n")).toEqual([]);
    });
  }
});

/** A next run without the limit after a full-disk failure completes and leaves nothing behind. */
describe.concurrent("after a full disk, the next run completes", () => {
  for (const tool of ["cnd", "cnh", "plop"] as Tool[])
    it(`${tool}: ulimit -f 1 run, then a normal run`, async ({ expect }) => {
      const b = box();
      try {
        if (tool === "plop") copyRepo(b);
        else dir(b.t);
        const first = await run(tool, b, GEN[tool], { shellPrefix: "ulimit -f 1;" });
        const second = await run(tool, b, GEN[tool]);
        const problems = [...checkNoCrash(first), ...checkNoCrash(second)];
        if (second.code !== 0) problems.push(`the next run failed: ${second.stderr.trim()}`);
        const left = leftovers(listTree(b.root));
        if (left.length) problems.push(`left behind: ${left.join(", ")}`);
        expect(problems, problems.join("\n")).toEqual([]);
      } finally {
        cleanup(b);
      }
    });
});

// #4: --force twice never loses the original: every replaced flake stays in some backup.
const twice: Array<{
  id: string;
  tool: Tool;
  setup: (b: Box) => void;
  runs: string[][];
  keep: string[];
}> = [
  {
    id: "#4 create-nix-devshell --force twice keeps the hand-written flake.nix",
    tool: "cnd",
    setup: (b) => file(join(b.t, "flake.nix"), USER_FLAKE),
    runs: [
      ["python", "--yes", "--force"],
      ["rust", "--yes", "--force"],
    ],
    keep: [USER_FLAKE],
  },
  {
    id: "#4 create-nix-devshell --force three times keeps every earlier flake.nix",
    tool: "cnd",
    setup: (b) => file(join(b.t, "flake.nix"), USER_FLAKE),
    runs: [
      ["python", "--yes", "--force"],
      ["rust", "--yes", "--force"],
      ["go", "--yes", "--force"],
    ],
    keep: [USER_FLAKE],
  },
  {
    id: "#4 create-nix-home --force twice keeps the hand-edited README.md",
    tool: "cnh",
    setup: (b) => file(join(b.t, "README.md"), "# my notes\n"),
    runs: [
      [...HOME, "--force"],
      [...HOME.slice(0, 3), "Someone Else", ...HOME.slice(4), "--force"],
    ],
    keep: ["# my notes\n"],
  },
];
describe.concurrent("#4 repeated --force", () => {
  for (const t of twice)
    it(t.id, async ({ expect }) => {
      const b = box();
      try {
        t.setup(b);
        const problems: string[] = [];
        const held = new Set<string>();
        for (const args of t.runs) {
          const flake = (() => {
            try {
              return readFileSync(join(b.t, "flake.nix"), "utf8");
            } catch {
              return null;
            }
          })();
          if (flake && t.tool === "cnd") held.add(flake);
          const r = await run(t.tool, b, args);
          problems.push(...checkNoCrash(r));
          if (r.code !== 0) problems.push(`${args.join(" ")} failed: ${r.stderr.trim()}`);
        }
        const contents = [...listTree(b.t)]
          .filter(([k, v]) => v.startsWith("file") && /\.bak/.test(k))
          .map(([k]) => readFileSync(join(b.t, k), "utf8"));
        for (const want of new Set([...t.keep, ...held]))
          if (!contents.includes(want))
            problems.push(
              `a replaced file is in no backup any more: ${JSON.stringify(want.slice(0, 50))}`,
            );
        expect(problems, problems.join("\n")).toEqual([]);
      } finally {
        cleanup(b);
      }
    });
});
