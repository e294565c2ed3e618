/**
 * What a merge or an overwrite keeps of the user's file, and how hostile
 * file-system states end: one line, target as it was.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
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
import {
  appendMissingLines,
  applyPlan,
  type FilePlan,
  mergeBytes,
  planChanges,
  TXN_DIR,
} from "../src/index.js";

const tmp = () => mkdtempSync(join(tmpdir(), "nixhome-files-"));
const gitignore: FilePlan = [
  { path: ".gitignore", content: "# nixhome\nresult\n.direnv/\n", merge: "lines" },
];

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const full = join(dir, p);
    const st = lstatSync(full);
    const meta = `${(st.mode & 0o7777).toString(8)} ${st.uid}:${st.gid}`;
    if (st.isSymbolicLink()) out[p] = `link -> ${readlinkSync(full)}`;
    else if (st.isDirectory()) out[p] = `dir ${meta}`;
    else if (st.isFile()) out[p] = `${meta} ${readFileSync(full).toString("base64")}`;
    else out[p] = `special ${meta}`;
  }
  return out;
}

describe("a merge changes only what it adds", () => {
  it("keeps non-UTF-8 bytes exactly", () => {
    const dir = tmp();
    const bytes = Buffer.from([0x66, 0xff, 0xfe, 0x0a, 0x80, 0x0a]);
    writeFileSync(join(dir, ".gitignore"), bytes);
    applyPlan(gitignore, dir);
    const after = readFileSync(join(dir, ".gitignore"));
    expect(after.subarray(0, bytes.length).equals(bytes)).toBe(true);
    expect(after.subarray(bytes.length).toString()).toBe("\n# nixhome\nresult\n.direnv/\n");
  });
  it("keeps CRLF line endings (appended lines get CRLF too)", () => {
    const dir = tmp();
    writeFileSync(join(dir, ".envrc"), "export A=1\r\nuse flake");
    applyPlan([{ path: ".envrc", content: "use flake\nwatch_file x.nix\n", merge: "lines" }], dir);
    expect(readFileSync(join(dir, ".envrc"), "utf8")).toBe(
      "export A=1\r\nuse flake\r\n\r\nwatch_file x.nix\r\n",
    );
  });
  it("keeps the mode of a 0600 .envrc", () => {
    const dir = tmp();
    writeFileSync(join(dir, ".envrc"), "export SECRET=x\n", { mode: 0o600 });
    chmodSync(join(dir, ".envrc"), 0o600);
    applyPlan([{ path: ".envrc", content: "use flake\n", merge: "lines" }], dir);
    expect(lstatSync(join(dir, ".envrc")).mode & 0o777).toBe(0o600);
  });
  it("keeps the owner when run as root over another user's file", () => {
    if (process.getuid?.() !== 0) return; // needs root to own a file as someone else
    const dir = tmp();
    writeFileSync(join(dir, ".gitignore"), "x\n");
    spawnSync("chown", ["65534:65534", dir, join(dir, ".gitignore")]);
    applyPlan([...gitignore, { path: "new/flake.nix", content: "{ }\n" }], dir);
    expect(lstatSync(join(dir, ".gitignore")).uid).toBe(65534);
    expect(lstatSync(join(dir, ".gitignore")).gid).toBe(65534);
    expect(lstatSync(join(dir, "new/flake.nix")).uid).toBe(65534);
    expect(lstatSync(join(dir, "new")).uid).toBe(65534);
  });
  it("keeps a symlink inside the project and writes its target", () => {
    const dir = tmp();
    mkdirSync(join(dir, "dotfiles"));
    writeFileSync(join(dir, "dotfiles/ignore"), "node_modules\n");
    symlinkSync("dotfiles/ignore", join(dir, ".gitignore"));
    applyPlan(gitignore, dir);
    expect(readlinkSync(join(dir, ".gitignore"))).toBe("dotfiles/ignore");
    expect(readFileSync(join(dir, "dotfiles/ignore"), "utf8")).toContain("result\n");
  });
  it("refuses a symlink leading outside, writing nothing", () => {
    const dir = tmp();
    const outside = tmp();
    writeFileSync(join(outside, "x"), "KEEP\n");
    symlinkSync(join(outside, "x"), join(dir, ".gitignore"));
    const before = tree(dir);
    expect(() => applyPlan(gitignore, dir)).toThrow(/\.gitignore is a symlink leading outside/);
    expect(tree(dir)).toEqual(before);
    expect(readFileSync(join(outside, "x"), "utf8")).toBe("KEEP\n");
  });
  it("is linear: a 30,000-line .gitignore merges fast", () => {
    const dir = tmp();
    const big = Array.from({ length: 30_000 }, (_, i) => `path/${i}/`).join("\n");
    writeFileSync(join(dir, ".gitignore"), `${big}\n`);
    const t = Date.now();
    applyPlan(gitignore, dir);
    planChanges(gitignore, dir, { diff: true });
    expect(Date.now() - t).toBeLessThan(5000); // the bench measures it properly
  });
  it("mergeBytes applies inserts at any line", () => {
    const r = mergeBytes(Buffer.from("a\r\nb\r\n"), () => [{ at: 1, lines: ["x"] }]);
    expect(r.bytes?.toString()).toBe("a\r\nx\r\nb\r\n");
    expect(mergeBytes(Buffer.from("a"), appendMissingLines("a\n")).bytes).toBeNull();
  });
});

describe("only regular files are read", () => {
  for (const name of [".gitignore", "flake.nix"])
    it(`a FIFO as ${name} is a one-line error, not a hang`, () => {
      const dir = tmp();
      spawnSync("mkfifo", [join(dir, name)]);
      const plan: FilePlan = [
        { path: name, content: "x\n", merge: name === ".gitignore" ? "lines" : "replace" },
      ];
      expect(() => planChanges(plan, dir)).toThrow(
        new RegExp(`${name.replace(".", "\\.")} is a FIFO \\(named pipe\\), not a regular file$`),
      );
      expect(() => applyPlan(plan, dir, { force: true })).toThrow(/FIFO/);
      expect(existsSync(join(dir, TXN_DIR))).toBe(false);
    });
  it("a device as a file is refused", () => {
    const dir = tmp();
    symlinkSync("/dev/zero", join(dir, "null-link"));
    expect(() => applyPlan([{ path: "null-link", content: "x" }], dir, { force: true })).toThrow(
      /symlink leading outside/,
    );
  });
});

describe("backups are planned files", () => {
  it("a .bak symlink is never written through: a fresh name is taken", () => {
    const dir = tmp();
    const outside = tmp();
    writeFileSync(join(outside, "victim"), "KEEP\n");
    writeFileSync(join(dir, "flake.nix"), "{ mine = 1; }\n");
    symlinkSync(join(outside, "victim"), join(dir, "flake.nix.bak"));
    const r = applyPlan([{ path: "flake.nix", content: "{ }\n" }], dir, {
      force: true,
      backup: true,
    });
    expect(r.backups).toEqual(["flake.nix.bak.1"]);
    expect(readFileSync(join(outside, "victim"), "utf8")).toBe("KEEP\n");
    expect(readlinkSync(join(dir, "flake.nix.bak"))).toBe(join(outside, "victim"));
    expect(readFileSync(join(dir, "flake.nix.bak.1"), "utf8")).toBe("{ mine = 1; }\n");
  });
  it("never overwrites a backup: each --force keeps one more", () => {
    const dir = tmp();
    writeFileSync(join(dir, "flake.nix"), "one\n");
    applyPlan([{ path: "flake.nix", content: "two\n" }], dir, { force: true, backup: true });
    applyPlan([{ path: "flake.nix", content: "three\n" }], dir, { force: true, backup: true });
    expect(readFileSync(join(dir, "flake.nix.bak"), "utf8")).toBe("one\n");
    expect(readFileSync(join(dir, "flake.nix.bak.1"), "utf8")).toBe("two\n");
  });
  it("a failed write keeps the user's own .bak and says nothing was changed", () => {
    const dir = tmp();
    writeFileSync(join(dir, "flake.nix"), "mine\n");
    writeFileSync(join(dir, "flake.nix.bak"), "my backup\n");
    const before = tree(dir);
    const long = `${"x".repeat(300)}/f.nix`;
    expect(() =>
      applyPlan(
        [
          { path: "flake.nix", content: "new\n" },
          { path: long, content: "y" },
        ],
        dir,
        {
          force: true,
          backup: true,
        },
      ),
    ).toThrow(/^cannot (create directory|read) .*: file name too long(; nothing was changed)?$/);
    expect(tree(dir)).toEqual(before);
  });
  it("the backup keeps the old file's mode", () => {
    const dir = tmp();
    writeFileSync(join(dir, "bootstrap.sh"), "old\n", { mode: 0o700 });
    chmodSync(join(dir, "bootstrap.sh"), 0o700);
    applyPlan([{ path: "bootstrap.sh", content: "new\n", mode: 0o755 }], dir, {
      force: true,
      backup: true,
    });
    expect(lstatSync(join(dir, "bootstrap.sh.bak")).mode & 0o777).toBe(0o700);
    expect(lstatSync(join(dir, "bootstrap.sh")).mode & 0o777).toBe(0o700);
  });
});

describe("file-system errors are one line, target as it was", () => {
  it("ENOTDIR: a file where a folder must be", () => {
    const dir = tmp();
    writeFileSync(join(dir, "hosts"), "x");
    const before = tree(dir);
    expect(() => applyPlan([{ path: "hosts/a.nix", content: "{ }\n" }], dir)).toThrow(
      /^.*\/hosts is a file, expected a directory$/,
    );
    expect(tree(dir)).toEqual(before);
  });
  it("ENAMETOOLONG on mkdir of the target", () => {
    const parent = tmp();
    const target = join(parent, "a".repeat(300));
    expect(() => applyPlan([{ path: "f", content: "x" }], target)).toThrow(
      /^cannot (create directory|read) .*: file name too long$/,
    );
    expect(readdirSync(parent)).toEqual([]);
  });
  it("ENOSPC: a full disk leaves the target as it was and no staging", () => {
    if (process.getuid?.() !== 0) return;
    const mnt = tmp();
    if (spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt]).status !== 0) return;
    try {
      writeFileSync(join(mnt, "flake.nix"), "mine\n");
      const before = tree(mnt);
      const big = "x".repeat(200_000);
      expect(() =>
        applyPlan(
          [
            { path: "flake.nix", content: "new\n" },
            { path: "big.txt", content: big },
          ],
          mnt,
          {
            force: true,
          },
        ),
      ).toThrow(/^cannot write .*: no space left on device; nothing was changed$/);
      expect(tree(mnt)).toEqual(before);
    } finally {
      spawnSync("umount", [mnt]);
      rmSync(mnt, { recursive: true, force: true });
    }
  });
  it("EACCES / EROFS as an unprivileged user: one line, nothing written", () => {
    const dir = tmp();
    mkdirSync(join(dir, "ro"));
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "ro"), 0o555);
    const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const script = `import { applyPlan } from ${JSON.stringify(dist)};
      try { applyPlan([{ path: "ro/x/f.nix", content: "{ }" }], ${JSON.stringify(dir)}); console.log("wrote"); }
      catch (e) { console.log(e.message); }`;
    const args = ["--input-type=module", "-e", script];
    const r =
      process.getuid?.() === 0
        ? spawnSync(
            "setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, ...args],
            { encoding: "utf8" },
          )
        : spawnSync(process.execPath, args, { encoding: "utf8" });
    // The target itself is writable (the lock goes there), the folder inside is not.
    if (process.getuid?.() === 0) spawnSync("chown", ["65534", dir]);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stdout.trim()).toMatch(/permission denied/);
    expect(readdirSync(join(dir, "ro"))).toEqual([]);
  });
});
