/** `--help` text. */
export const HELP = `create-nix-home — scaffold a layered Home Manager repository

Usage
  npm create nix-home [-- DIR] [options]
  npx create-nix-home [DIR] [options]

DIR (default home-manager) gets flake.nix, home.nix, profiles/base.nix,
profiles/personal.nix, hosts/<host>.nix, profiles/project-templates/<lang>.nix,
nixhome.json, README.md, bootstrap.sh, .github/workflows/ and .gitignore. Without flags it asks.

Answers (each skips its question)
  --name TEXT               full name for git (default: git config user.name)
  --email ADDRESS           email for git (default: git config user.email)
  --username NAME           account name (default: $USER)
  --home PATH               home directory (default: this machine's, or /home|/Users/NAME)
  --system SYSTEM           x86_64-linux | aarch64-linux | aarch64-darwin | x86_64-darwin
  --shell SHELL             zsh | bash | fish (default: your login shell, else zsh)
  --editor EDITOR           vim | vscode (VS Code is unfree: allowed by exact name)
  --host NAME[:SYSTEM]      a host layer; repeatable or comma-separated; "none" for none
                            (default: laptop, work-server, cloud-instance)
  --template LANG           a project dev shell; repeatable or comma-separated; "none"
                            (default: python, node, rust)
  --channel CHANNEL         unstable (nixpkgs-unstable + HM master) | 26.05
  --state-version VERSION   home.stateVersion (default 26.05)
  --git / --no-git          git init + git add of its files (default: yes, when git exists)
  --no-plop                 no package.json/plopfile.js (npx plop profile|host|template)
  --cache URL               binary cache CI pushes to and bootstrap.sh fetches from
  --cache-key KEY           its public key, NAME:BASE64 (both or neither; README: add one later)
  --config FILE             start from a nixhome.json (flags still win)

Run
  -y, --yes                 take every default; never ask
  --dry-run                 print the file tree and diffs; write nothing
  -f, --force               write into a non-empty directory (only our files; nothing deleted)
  -h, --help                this help
  -v, --version             the version

Without a terminal, either --yes or every answer as a flag is needed.
Exit codes: 0 done, 1 failed (nothing written), 2 bad input, 130 cancelled.
`;
