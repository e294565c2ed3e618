import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "bun",
  name: "Bun",
  aliases: ["bunjs"],
  packages: ["bun", "typescript-language-server", "biome"],
  shellHook: 'export PATH="$project_root/node_modules/.bin:$PATH"',
};

export const bun: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Bun runtime and package manager with the TypeScript language server and Biome",
  markers: [
    { file: "bun.lock", nested: "lockfileVersion" },
    { file: "bun.lockb", nested: "." },
    { file: "bunfig.toml", nested: "." },
    { file: "package.json", contains: '"packageManager"\\s*:\\s*"bun@' },
  ],
  toolNames: ["bun"],
  supersedes: ["node"],
  watch: ["package.json", "bun.lock", "bun.lockb"],
  gitignore: ["node_modules/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  bun: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/bu/bun/package.nix",
  "typescript-language-server":
    "attributes.json (present); pkgs/by-name/ty/typescript-language-server/package.nix",
  biome: "NixOS/nixpkgs:pkgs/by-name/bi/biome/package.nix",
};
