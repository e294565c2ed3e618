/** `--help`. */
import { renameData } from "@nixhome/core";

export function helpText(version: string): string {
  const hm = renameData.source.homeManager;
  return `nixhome ${version}
Find and fix renamed, removed and deprecated Home Manager options and retired
nixpkgs package names in a Nix configuration. Offline; reads every .nix file.

Usage:
  nixhome doctor [DIR] [options]     check DIR (default: the current folder)

Options:
  --fix        Rewrite what is mechanical (in place, all files or none); list what needs a person
  --dry-run    Show the diff --fix would make; write nothing
  --json       Machine-readable findings (for CI)
  -h, --help   This help
  -v, --version

Exit status: 0 nothing found, 1 findings (or a file that does not parse), 2 usage error.
Skips .git, node_modules and result*; never follows symbolic links.

Knows ${hm.repository} at ${hm.commit.slice(0, 12)} (${hm.date.slice(0, 10)}):
${renameData.counts.renamed} renamed, ${renameData.counts.removed} removed, ${renameData.counts.changed} changed options, ${renameData.counts.packages} retired package names.
`;
}
