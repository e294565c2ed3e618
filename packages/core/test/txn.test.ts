/**
 * The transaction of applyPlan, driven through its test hooks in child
 * processes (the built library): a run killed at every point is undone or
 * finished by the next run, a second run refuses while one holds the lock, a
 * file changed during the write is refused at commit, and a planted journal
 * cannot make recovery touch anything outside the target.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyPlan, type FilePlan, TEST_POINTS, TXN_DIR } from "../src/index.js";

const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), "nixhome-txn-"));

/** Every entry below a folder: path → content / link target / "dir", with modes. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const full = join(dir, p);
    const st = lstatSync(full);
    const mode = (st.mode & 0o7777).toString(8);
    if (st.isSymbolicLink()) out[p] = `link -> ${readlinkSync(full)}`;
    else if (st.isDirectory()) out[p] = `dir ${mode}`;
    else out[p] = `${mode} ${readFileSync(full).toString("base64")}`;
  }
  return out;
}

const plan: FilePlan = [
  { path: "flake.nix", content: "{ new = true; }\n" },
  { path: "hosts/laptop.nix", content: "{ }\n" },
  { path: "README.md", content: "# new\n" },
  { path: ".gitignore", content: "# nixhome\nresult\n", merge: "lines" },
];

function seed(): string {
  const dir = tmp();
  writeFileSync(join(dir, "flake.nix"), "{ old = true; }\n");
  writeFileSync(join(dir, "README.md"), "# mine\n");
  writeFileSync(join(dir, ".gitignore"), "node_modules\r\n", { mode: 0o600 });
  return dir;
}

function runChild(dir: string, env: Record<string, string>, p: FilePlan = plan) {
  const script = `import { applyPlan } from ${JSON.stringify(dist)};
    try { const r = applyPlan(${JSON.stringify(p)}, ${JSON.stringify(dir)}, { force: true, backup: true });
      console.log(JSON.stringify(r.written)); }
    catch (e) { console.log("ERR " + e.message); process.exitCode = 1; }`;
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

const points = [
  "locked",
  "staged",
  "journaled",
  "commit:1",
  "commit:2",
  "commit:3",
  "commit:4",
  "commit:5",
  "committed",
  "cleaned",
];

describe("transactional apply", () => {
  it("exports its test points", () => {
    expect(TEST_POINTS).toEqual([
      "locked",
      "staged",
      "journaled",
      "commit:<n>",
      "committed",
      "cleaned",
    ]);
  });

  for (const point of points)
    it(`killed at ${point}: the next run finds the target whole and leaves no ${TXN_DIR}`, () => {
      const dir = seed();
      const before = tree(dir);
      const killed = runChild(dir, { NIXHOME_TEST_CRASH_AT: point });
      expect(killed.signal).toBe("SIGKILL");
      const complete = runChild(tmp(), {}); // what a whole run writes, on a copy
      expect(complete.status).toBe(0);
      // The next run (here: a dry look, then a real run) undoes or finishes it.
      const afterCrash = tree(dir);
      const txnLeft = Object.keys(afterCrash).some((p) => p.startsWith(TXN_DIR));
      if (point === "cleaned") expect(txnLeft).toBe(false);
      const again = runChild(dir, {});
      expect(again.stdout).not.toMatch(/^ERR/);
      const after = tree(dir);
      expect(Object.keys(after).some((p) => p.startsWith(TXN_DIR))).toBe(false);
      // Whatever the crash point: afterwards exactly one complete run happened,
      // so the first backup holds the user's flake, and nothing of theirs is lost.
      expect(readFileSync(join(dir, "flake.nix.bak"), "utf8")).toBe("{ old = true; }\n");
      expect(readFileSync(join(dir, "README.md.bak"), "utf8")).toBe("# mine\n");
      expect(readFileSync(join(dir, "flake.nix"), "utf8")).toBe("{ new = true; }\n");
      expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe(
        "node_modules\r\n\r\n# nixhome\r\nresult\r\n",
      );
      expect(lstatSync(join(dir, ".gitignore")).mode & 0o777).toBe(0o600);
      if (!["committed", "cleaned"].includes(point)) {
        // The crashed run was undone: no second generation of backups.
        expect(existsSync(join(dir, "flake.nix.bak.1"))).toBe(false);
      }
      expect(before["README.md"]).toBeDefined();
    });

  it("a second run refuses with one line while the first holds the lock", async () => {
    const dir = seed();
    const script = `import { applyPlan } from ${JSON.stringify(dist)};
      applyPlan(${JSON.stringify(plan)}, ${JSON.stringify(dir)}, { force: true });`;
    const first = spawn(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, NIXHOME_TEST_PAUSE_AT: "staged:1500" },
    });
    const done = new Promise((r) => first.on("exit", r));
    for (let i = 0; i < 100 && !existsSync(join(dir, TXN_DIR, "lock")); i++)
      await new Promise((r) => setTimeout(r, 20));
    const second = runChild(dir, {});
    expect(second.stdout.trim()).toMatch(
      /^ERR another nixhome run \(pid \d+\) is writing to .*; try again when it has finished/,
    );
    expect(second.stdout.trim().split("\n")).toHaveLength(1);
    expect(await done).toBe(0);
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toBe("{ new = true; }\n");
    expect(existsSync(join(dir, TXN_DIR))).toBe(false);
  });

  it("a file edited by hand before the run reads it under the lock is merged, not lost", async () => {
    const dir = seed();
    const script = `import { applyPlan } from ${JSON.stringify(dist)};
      applyPlan(${JSON.stringify(plan)}, ${JSON.stringify(dir)}, { force: true });`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, NIXHOME_TEST_PAUSE_AT: "locked:800" },
    });
    const done = new Promise((r) => child.on("exit", r));
    for (let i = 0; i < 100 && !existsSync(join(dir, TXN_DIR, "lock")); i++)
      await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(dir, ".gitignore"), "node_modules\r\nmine\r\n");
    expect(await done).toBe(0);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe(
      "node_modules\r\nmine\r\n\r\n# nixhome\r\nresult\r\n",
    );
  });

  for (const point of ["staged", "journaled"])
    it(`a file edited by hand at ${point} is refused at commit, nothing written`, async () => {
      const dir = seed();
      const before = tree(dir);
      const script = `import { applyPlan } from ${JSON.stringify(dist)};
        try { applyPlan(${JSON.stringify(plan)}, ${JSON.stringify(dir)}, { force: true }); console.log("OK"); }
        catch (e) { console.log("ERR " + e.message); }`;
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
        env: { ...process.env, NIXHOME_TEST_PAUSE_AT: `${point}:800` },
      });
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      const done = new Promise((r) => child.on("exit", r));
      for (let i = 0; i < 100 && !existsSync(join(dir, TXN_DIR, "lock")); i++)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200));
      writeFileSync(join(dir, ".gitignore"), "node_modules\r\nmine\r\n", { mode: 0o600 });
      await done;
      expect(out.trim()).toMatch(
        /^ERR .*\.gitignore was changed by someone else .*nothing was changed$/,
      );
      expect(tree(dir)).toEqual({
        ...before,
        ".gitignore": `600 ${Buffer.from("node_modules\r\nmine\r\n").toString("base64")}`,
      });
    });

  // The apply is synchronous: a signal during it is held, and delivered (exit 128 + n, one
  // line) once the write is whole, whether the write ran before the event loop started
  // (a --yes run) or inside a callback of its poll phase (after a prompt's answer).
  for (const where of ["before the event loop", "in a poll-phase callback"])
    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143],
    ] as const)
      it(`${signal} during a write ${where}: the write finishes, then exit ${code}`, async () => {
        const dir = seed();
        const apply = `applyPlan(${JSON.stringify(plan)}, ${JSON.stringify(dir)}, { force: true }); console.log("written");`;
        const script = `import { applyPlan } from ${JSON.stringify(dist)};
          import { readFile } from "node:fs";
          ${where.startsWith("in") ? `readFile(${JSON.stringify(dist)}, () => { ${apply} });` : apply}`;
        const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
          env: { ...process.env, NIXHOME_TEST_PAUSE_AT: "commit:1:800" },
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => {
          out += d;
        });
        child.stderr.on("data", (d) => {
          err += d;
        });
        const done = new Promise((r) => child.on("exit", (c) => r(c)));
        for (let i = 0; i < 100 && !existsSync(join(dir, TXN_DIR, "journal.json")); i++)
          await new Promise((r) => setTimeout(r, 20));
        child.kill(signal);
        expect(await done).toBe(code);
        expect(out).toBe("written\n");
        expect(err).toBe(
          `nixhome: ${signal}: stopped after the write finished (nothing is half-written)\n`,
        );
        expect(readFileSync(join(dir, "flake.nix"), "utf8")).toBe("{ new = true; }\n");
        expect(existsSync(join(dir, TXN_DIR))).toBe(false);
      });

  it("recovery ignores a planted journal that points outside the target", () => {
    const outside = tmp();
    writeFileSync(join(outside, "victim"), "KEEP\n");
    const dir = seed();
    const txn = join(dir, TXN_DIR);
    mkdirSync(join(txn, "orig"), { recursive: true });
    writeFileSync(join(txn, "lock"), JSON.stringify({ pid: 999999, host: "x", start: null }));
    const before = tree(dir);
    // A lock from another host: refused, nothing touched.
    expect(runChild(dir, {}).stdout).toMatch(/^ERR another nixhome run/);
    expect(tree(dir)).toEqual(before);
    // A stale lock with a journal naming ../ paths: refused as not ours.
    writeFileSync(
      join(txn, "lock"),
      JSON.stringify({ pid: 999999, host: require_host(), start: null }),
    );
    writeFileSync(
      join(txn, "journal.json"),
      JSON.stringify({
        v: 1,
        dirs: [],
        entries: [
          {
            path: `../${outside.split("/").pop()}/victim`,
            kind: "create",
            staged: "stage/0",
            orig: null,
            dev: "1",
            ino: "1",
            hash: "0".repeat(64),
          },
        ],
      }),
    );
    expect(runChild(dir, {}).stdout).toMatch(/^ERR .*holds a journal nixhome did not write/);
    expect(readFileSync(join(outside, "victim"), "utf8")).toBe("KEEP\n");
    // Through a symlinked folder inside: recovery does not follow it.
    symlinkSync(outside, join(dir, "sub"));
    writeFileSync(join(txn, "orig", "0"), "EVIL\n");
    writeFileSync(
      join(txn, "journal.json"),
      JSON.stringify({
        v: 1,
        dirs: ["sub"],
        entries: [
          {
            path: "sub/victim",
            kind: "replace",
            staged: "stage/0",
            orig: "orig/0",
            dev: "1",
            ino: "1",
            hash: "0".repeat(64),
          },
        ],
      }),
    );
    // Well-formed now, but not sealed by a run on this machine: refused, nothing followed.
    const r = runChild(dir, {});
    expect(r.stdout).toMatch(/^ERR .*holds a journal nixhome did not write/);
    expect(readFileSync(join(outside, "victim"), "utf8")).toBe("KEEP\n");
  });

  /** A journal as a cloned repository could carry it: well-formed, with a seal it made up. */
  const plantedJournal = (entries: object[], seal = { dev: "1", ino: "1", ctime: "1" }) =>
    JSON.stringify({ v: 2, seal, dirs: [], entries });
  const hookEntry = {
    path: ".git/hooks/pre-commit",
    kind: "replace",
    staged: "stage/0",
    orig: "orig/0",
    dev: "1",
    ino: "1",
    size: 21,
    mtime: "1",
  };

  for (const [what, withSeal] of [
    ["without a seal", false],
    ["with a seal file it made (another inode and change time)", true],
  ] as const)
    it(`a planted journal ${what} cannot restore a git hook into .git (refused, nothing touched)`, () => {
      const dir = tmp();
      mkdirSync(join(dir, ".git", "hooks"), { recursive: true });
      const txn = join(dir, TXN_DIR);
      mkdirSync(join(txn, "orig"), { recursive: true });
      writeFileSync(join(txn, "orig", "0"), "#!/bin/sh\necho PWNED\n", { mode: 0o755 });
      if (withSeal) writeFileSync(join(txn, "seal"), "");
      const st = withSeal ? lstatSync(join(txn, "seal"), { bigint: true }) : null;
      // Even the seal's true device and inode do not help: its change time is the clone's.
      const seal = st
        ? { dev: String(st.dev), ino: String(st.ino), ctime: String(st.ctimeNs - 1n) }
        : undefined;
      writeFileSync(join(txn, "journal.json"), plantedJournal([hookEntry], seal));
      const before = tree(dir);
      const r = runChild(dir, {}, [{ path: "x.txt", content: "hi\n" }]);
      expect(r.stdout).toMatch(/^ERR .*holds a journal nixhome did not write/);
      expect(existsSync(join(dir, ".git", "hooks", "pre-commit"))).toBe(false);
      expect(tree(dir)).toEqual(before);
    });

  it("a journal of the old format (v1, sha256) is refused, nothing touched", () => {
    const dir = seed();
    const txn = join(dir, TXN_DIR);
    mkdirSync(txn);
    writeFileSync(
      join(txn, "journal.json"),
      JSON.stringify({
        v: 1,
        dirs: [],
        entries: [{ ...hookEntry, path: "README.md", size: undefined, hash: "0".repeat(64) }],
      }),
    );
    const before = tree(dir);
    expect(runChild(dir, {}).stdout).toMatch(/^ERR .*holds a journal nixhome did not write/);
    expect(tree(dir)).toEqual(before);
  });

  it("a crashed run's seal replaced by another file: its journal is refused, nothing touched", () => {
    const dir = seed();
    expect(runChild(dir, { NIXHOME_TEST_CRASH_AT: "commit:3" }).signal).toBe("SIGKILL");
    const sealPath = join(dir, TXN_DIR, "seal");
    const copy = readFileSync(sealPath);
    rmSync(sealPath);
    writeFileSync(sealPath, copy);
    const { [`${TXN_DIR}/lock`]: _stale, ...before } = tree(dir);
    expect(runChild(dir, {}).stdout).toMatch(/^ERR .*holds a journal nixhome did not write/);
    // Only the stale lock was taken over (and dropped); the rest is left for a person.
    expect(tree(dir)).toEqual(before);
  });

  it("a crashed run is still undone when its device number changed since (a reboot on btrfs or NFS)", () => {
    const dir = seed();
    const before = tree(dir);
    expect(runChild(dir, { NIXHOME_TEST_CRASH_AT: "commit:4" }).signal).toBe("SIGKILL");
    const jp = join(dir, TXN_DIR, "journal.json");
    const j = JSON.parse(readFileSync(jp, "utf8"));
    j.seal.dev = "4242";
    for (const e of j.entries) e.dev = "4242";
    writeFileSync(jp, JSON.stringify(j));
    // Undone (the next run then writes the plan again): exactly one run's backups, no leftovers.
    expect(runChild(dir, {}).stdout).not.toMatch(/^ERR/);
    expect(existsSync(join(dir, "flake.nix.bak.1"))).toBe(false);
    expect(existsSync(join(dir, "hosts", "laptop.nix.bak"))).toBe(false);
    expect(readFileSync(join(dir, "flake.nix.bak"), "utf8")).toBe("{ old = true; }\n");
    expect(existsSync(join(dir, TXN_DIR))).toBe(false);
    expect(before["README.md"]).toBeDefined();
  });

  it("a file a crashed run created, then edited in place to the same size, is kept by the undo", () => {
    const dir = tmp();
    const p: FilePlan = [
      { path: "a.txt", content: "first file\n" },
      { path: "b.txt", content: "second file\n" },
    ];
    expect(runChild(dir, { NIXHOME_TEST_CRASH_AT: "commit:2" }, p).signal).toBe("SIGKILL");
    // Same inode, same size, other bytes (an editor writing in place).
    writeFileSync(join(dir, "a.txt"), "FIRST FILE\n", { flag: "r+" });
    const r = runChild(dir, {}, p);
    // The undo removed only b.txt (still exactly what the run wrote); a.txt is the user's now,
    // so the next run finds it differs and overwrites it only with --force (then a backup).
    expect(r.stdout).not.toMatch(/^ERR/);
    expect(readFileSync(join(dir, "a.txt.bak"), "utf8")).toBe("FIRST FILE\n");
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("first file\n");
    expect(existsSync(join(dir, TXN_DIR))).toBe(false);
  });
});

function require_host(): string {
  return spawnSync("hostname", [], { encoding: "utf8" }).stdout.trim() || "localhost";
}

it("applyPlan in-process leaves no transaction folder", () => {
  const dir = seed();
  applyPlan(plan, dir, { force: true, backup: true });
  expect(existsSync(join(dir, TXN_DIR))).toBe(false);
});

it("importing the library (and a whole write) never loads node:crypto", () => {
  const dir = join(tmp(), "new");
  const script = `import { applyPlan } from ${JSON.stringify(dist)};
    applyPlan(${JSON.stringify(plan)}, ${JSON.stringify(dir)});
    console.log(JSON.stringify(process.moduleLoadList.filter((m) => /\\bcrypto\\b/.test(m))));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  expect(JSON.parse(r.stdout)).toEqual([]);
  expect(readFileSync(join(dir, "flake.nix"), "utf8")).toBe("{ new = true; }\n");
});
