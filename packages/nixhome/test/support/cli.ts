/** Run nixhome in-process (src/run.ts) with captured output, and scratch copies of fixtures. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { errorLine, run } from "../../src/run.js";

export const TEST_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURES = join(TEST_DIR, "fixtures");
export const GOLDEN = join(TEST_DIR, "__golden__");

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export function nixhome(argv: string[], cwd = process.cwd()): Ran {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
  };
  try {
    const code = run({ argv, cwd, env: {}, io });
    return { code, stdout, stderr };
  } catch (e) {
    const { line, code } = errorLine(e);
    return { code, stdout, stderr: stderr + line };
  }
}

const scratches: string[] = [];
/** A private copy of fixtures (all, or one case folder). */
export function scratch(caseName?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "nixhome-doctor-"));
  scratches.push(dir);
  cpSync(caseName ? join(FIXTURES, caseName) : FIXTURES, dir, { recursive: true });
  return dir;
}
export function cleanup(): void {
  for (const d of scratches.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Every file below dir: relative path → content. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}
