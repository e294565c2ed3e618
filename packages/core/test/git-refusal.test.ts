// gitRefusal against real git: what in an untrusted folder keeps the CLIs from running
// `git add` there, and what (the user's own global config) does not.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gitRefusal } from "../src/index.js";

const saved = { ...process.env };
let root = "";
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "git-refusal-"));
  // Nothing of the machine's own git config: a global file of the test's, no system file.
  process.env.GIT_CONFIG_GLOBAL = join(root, "global.gitconfig");
  process.env.GIT_CONFIG_NOSYSTEM = "1";
  writeFileSync(process.env.GIT_CONFIG_GLOBAL, "");
});
afterEach(() => {
  process.env = { ...saved };
});

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
}
function repo(name = "r"): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  git(dir, "init", "-q");
  return dir;
}

describe("gitRefusal", () => {
  it("lets git run in a plain repository, and where there is no .git (init makes one)", () => {
    expect(gitRefusal(repo())).toBeNull();
    const plain = join(root, "plain");
    mkdirSync(plain);
    expect(gitRefusal(plain)).toBeNull();
  });

  it("refuses a .git that is a file or a symlink (another repository's folder)", () => {
    const other = repo("other");
    const viaFile = join(root, "f");
    mkdirSync(viaFile);
    writeFileSync(join(viaFile, ".git"), `gitdir: ${join(other, ".git")}\n`);
    expect(gitRefusal(viaFile)).toMatch(/its \.git is a file, which points git at another/);
    const viaLink = join(root, "l");
    mkdirSync(viaLink);
    symlinkSync(join(other, ".git"), join(viaLink, ".git"));
    expect(gitRefusal(viaLink)).toMatch(/its \.git is a symlink/);
  });

  it("refuses a filter driver of the repository's own config, included files too", () => {
    const r = repo();
    git(r, "config", "filter.evil.clean", "touch x; cat");
    expect(gitRefusal(r)).toBe(
      'its .git/config defines the filter "evil", a command git add would run',
    );
    const inc = repo("inc");
    writeFileSync(join(inc, ".git", "more.cfg"), '[filter "sneaky"]\n\tprocess = touch y\n');
    git(inc, "config", "include.path", "more.cfg");
    expect(gitRefusal(inc)).toMatch(/"sneaky"/);
  });

  it("keeps the user's own global filters (git-lfs) in force", () => {
    writeFileSync(
      process.env.GIT_CONFIG_GLOBAL as string,
      '[filter "lfs"]\n\tclean = git-lfs clean -- %f\n\tprocess = git-lfs filter-process\n',
    );
    expect(gitRefusal(repo())).toBeNull();
  });

  it("shows the folder's names quoted, short and few", () => {
    const r = repo();
    const long = `a${"b".repeat(100)}`;
    for (const n of ["x\u001b[2Jy", long, "c", "d"]) git(r, "config", `filter.${n}.clean`, "cat");
    const why = gitRefusal(r) ?? "";
    expect(why).not.toContain("\u001b");
    expect(why).toContain('"x\\u001b[2Jy"');
    expect(why).not.toContain("b".repeat(50));
    expect(why).not.toContain('"d"');
    expect(why.split("\n")).toHaveLength(1);
  });
});
