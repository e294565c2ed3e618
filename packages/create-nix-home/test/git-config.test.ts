// The git identity read without starting git: whenever the reader answers, real
// git (reading the same files) gives the same answer; whenever it is unsure, it
// says so and the CLI asks git.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gitOnPath, readGitIdentity } from "../src/git-config.js";

interface Case {
  what: string;
  gitconfig?: string;
  xdg?: string;
  /** The reader must answer (plain syntax, both keys set). */
  plain: boolean;
}

const CASES: Case[] = [
  {
    what: "tab-indented",
    gitconfig: "[user]\n\tname = Ada Lovelace\n\temail = ada@x.y\n",
    plain: true,
  },
  { what: "no blanks", gitconfig: "[user]\nname=Ada\nemail=ada@x.y", plain: true },
  { what: "upper case", gitconfig: "[USER]\n  NAME = Ada\n  Email = ada@x.y\n", plain: true },
  {
    what: "quotes, escapes, comments",
    gitconfig:
      '# me\n[user] ; who\n  name = "  Ada \\"The Countess\\" Lovelace " # not this\n  email = ada@x.y ; nor this\n',
    plain: true,
  },
  {
    what: "runs of blanks and a tab inside",
    gitconfig: "[user]\n  name = Ada  \t Lovelace   \n  email = a\\\\b@x.y\n",
    plain: true,
  },
  { what: "CRLF", gitconfig: "[user]\r\n\tname = Ada\r\n\temail = ada@x.y\r\n", plain: true },
  {
    what: "last value wins, empty sets nothing",
    gitconfig: "[user]\n name = First\n name = Second\n email = e@x.y\n email =\n",
    plain: true,
  },
  {
    what: "a subsection is another key",
    gitconfig:
      '[user "work"]\n name = Work\n[user]\n name = Ada\n email = ada@x.y\n[core]\n name = no\n',
    plain: true,
  },
  {
    what: "XDG then ~/.gitconfig",
    xdg: "[user]\n name = From XDG\n email = xdg@x.y\n",
    gitconfig: "[user]\n name = From home\n",
    plain: true,
  },
  { what: "XDG alone", xdg: "[user]\n name = Zoë Ünïcode\u00a0\n email = z@x.y\n", plain: true },
  { what: "email missing", gitconfig: "[user]\n name = Ada\n", plain: false },
  {
    what: "an include",
    gitconfig: "[include]\n path = other\n[user]\n name = Ada\n email = ada@x.y\n",
    plain: false,
  },
  {
    what: "an includeIf",
    gitconfig: '[user]\n name = Ada\n email = ada@x.y\n[includeIf "gitdir:~/work/"]\n path = w\n',
    plain: false,
  },
  {
    what: "continued line",
    gitconfig: "[user]\n name = Ada \\\n Lovelace\n email = a@x.y\n",
    plain: false,
  },
  {
    what: "a continued line in another section",
    gitconfig: "[alias]\n x = log \\\n[user]\n name = Evil\n[user]\n name = Ada\n email = a@x.y\n",
    plain: false,
  },
  { what: "a key alone", gitconfig: "[user]\n name\n email = a@x.y\n", plain: false },
  { what: "same-line key", gitconfig: "[user] name = Ada\n email = a@x.y\n", plain: false },
  {
    what: "old dotted section",
    gitconfig: "[user.work]\n name = W\n[user]\n name = A\n email = a@x.y\n",
    plain: false,
  },
  { what: "a bad escape", gitconfig: "[user]\n name = A\\q\n email = a@x.y\n", plain: false },
];

function home(c: Case): string {
  const dir = mkdtempSync(join(tmpdir(), "cnh-gitconfig-"));
  if (c.gitconfig !== undefined) writeFileSync(join(dir, ".gitconfig"), c.gitconfig);
  if (c.xdg !== undefined) {
    mkdirSync(join(dir, ".config", "git"), { recursive: true });
    writeFileSync(join(dir, ".config", "git", "config"), c.xdg);
  }
  return dir;
}

/** What git says, read as the CLI reads `git config --get-regexp`. */
function realGit(dir: string): Map<string, string> | "error" {
  const r = spawnSync("git", ["config", "--get-regexp", "^user\\.(name|email)$"], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: "1" },
  });
  if (r.status !== 0 && r.status !== 1) return "error";
  const values = new Map<string, string>();
  for (const line of r.stdout.split("\n")) {
    const space = line.indexOf(" ");
    const value = line.slice(space + 1).trim();
    if (space > 0 && value) values.set(line.slice(0, space).toLowerCase(), value);
  }
  return values;
}

describe("readGitIdentity", () => {
  for (const c of CASES)
    it(`${c.what}: ${c.plain ? "answers as git does" : "leaves it to git"}`, () => {
      const dir = home(c);
      const fast = readGitIdentity({ HOME: dir, PATH: process.env.PATH }, dir);
      if (c.plain) {
        expect(fast).toBeDefined();
        expect(fast?.values).toEqual(realGit(dir));
      } else expect(fast).toBeUndefined();
    });

  it("leaves it to git inside a repository, with GIT_CONFIG* set, or without a usable HOME", () => {
    const dir = home(CASES[0] as Case);
    const env = { HOME: dir };
    expect(readGitIdentity(env, dir)).toBeDefined();
    expect(spawnSync("git", ["init", "-q", join(dir, "repo")]).status).toBe(0);
    mkdirSync(join(dir, "repo", "sub"));
    expect(readGitIdentity(env, join(dir, "repo", "sub"))).toBeUndefined();
    expect(readGitIdentity({ ...env, GIT_CONFIG_GLOBAL: "/x" }, dir)).toBeUndefined();
    expect(readGitIdentity({ ...env, GIT_CONFIG_COUNT: "1" }, dir)).toBeUndefined();
    expect(readGitIdentity({ ...env, GIT_DIR: "/x" }, dir)).toBeUndefined();
    expect(readGitIdentity({ ...env, GIT_SSL_CAINFO: "/x" }, dir)).toBeDefined();
    expect(readGitIdentity({}, dir)).toBeUndefined();
    expect(readGitIdentity({ HOME: "relative" }, dir)).toBeUndefined();
  });

  it("leaves a config that is not a regular file, or is huge, to git", () => {
    const dir = mkdtempSync(join(tmpdir(), "cnh-gitconfig-"));
    mkdirSync(join(dir, ".gitconfig"));
    expect(readGitIdentity({ HOME: dir }, dir)).toBeUndefined();
    const big = mkdtempSync(join(tmpdir(), "cnh-gitconfig-"));
    writeFileSync(
      join(big, ".gitconfig"),
      `[user]\n name = A\n email = a@x.y\n${"#\n".repeat(600_000)}`,
    );
    expect(readGitIdentity({ HOME: big }, big)).toBeUndefined();
  });
});

describe("gitOnPath", () => {
  it("finds an executable git on PATH, as spawning would", () => {
    const dir = mkdtempSync(join(tmpdir(), "cnh-path-"));
    expect(gitOnPath({ PATH: dir })).toBe(false);
    writeFileSync(join(dir, "git"), "#!/bin/sh\n");
    expect(gitOnPath({ PATH: `/nonexistent:${dir}` })).toBe(false);
    chmodSync(join(dir, "git"), 0o755);
    expect(gitOnPath({ PATH: `/nonexistent:${dir}` })).toBe(true);
    expect(gitOnPath({})).toBe(false);
  });
});
