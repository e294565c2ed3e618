/**
 * Step 1: every .nix file under the folder, as sorted relative POSIX paths.
 * Skips .git, node_modules and result* (nix build outputs), and never follows
 * a symbolic link (a link can point anywhere; files inside the folder are
 * found through their real path).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

const SKIP = (name: string) =>
  name === ".git" || name === "node_modules" || name.startsWith("result");

export function findNixFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to check there
    }
    for (const e of entries) {
      if (SKIP(e.name) || e.isSymbolicLink()) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), r);
      else if (e.isFile() && e.name.endsWith(".nix")) out.push(r);
    }
  };
  walk(root, "");
  return out.sort();
}
