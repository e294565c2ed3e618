/** Step 2: read, parse and analyze each file. */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type FixResult, fixSource, NixSyntaxError } from "@nixhome/core";

export interface Checked {
  path: string;
  source: string;
  mode: number;
  result?: FixResult;
  /** The file could not be read as Nix: one line. */
  error?: string;
}

export function checkFiles(root: string, files: readonly string[]): Checked[] {
  return files.map((path) => {
    const full = join(root, path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
    } catch (e) {
      return { path, source: "", mode: 0o644, error: `cannot read: ${(e as Error).message}` };
    }
    const mode = statSync(full).mode & 0o7777;
    const source = bytes.toString("utf8");
    if (!Buffer.from(source, "utf8").equals(bytes))
      return { path, source, mode, error: "not UTF-8 text; left alone" };
    try {
      return { path, source, mode, result: fixSource(source) };
    } catch (e) {
      if (e instanceof NixSyntaxError)
        return {
          path,
          source,
          mode,
          error: `${e.line}:${e.column}: cannot parse: ${e.message.replace(/^\d+:\d+: /, "")}`,
        };
      throw e;
    }
  });
}
