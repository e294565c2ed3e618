// nodejs_20 is insecure/removed and nodejs_25 reached end of life: only LTS lines and
// the current release are offered. nodePackages.* no longer exists.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "node",
  name: "Node.js",
  aliases: ["js", "ts", "javascript", "typescript", "nodejs", "npm", "pnpm"],
  version: {
    flag: "node",
    default: "24",
    attrs: {
      "22": "nodejs_22",
      "24": "nodejs_24",
      "26": "nodejs_26",
    },
  },
  packages: ["typescript", "typescript-language-server"],
  tool: {
    what: "package manager",
    default: "pnpm",
    // npm ships with Node.js.
    attrs: { pnpm: "pnpm", yarn: "yarn", npm: null },
  },
  shellHook: 'export PATH="$project_root/node_modules/.bin:$PATH"',
};

export const node: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Node.js with pnpm, TypeScript and typescript-language-server",
  markers: [
    {
      file: "package.json",
      nested: '"(name|dependencies|devDependencies|scripts|workspaces)"\\s*:',
    },
  ],
  versionFrom: [
    { file: ".nvmrc", pattern: "^\\s*(\\S+)" },
    { file: ".node-version", pattern: "^\\s*(\\S+)" },
    { file: "package.json", json: "devEngines.runtime[name=node].version", kind: "range" },
    { file: "package.json", json: "engines.node", kind: "range" },
  ],
  toolNames: ["nodejs", "node"],
  versionAliases: {
    "lts/*": "24",
    "lts/krypton": "24",
    "lts/jod": "22",
    "lts/iron": "20",
    "lts/hydrogen": "18",
    node: "26",
    latest: "26",
  },
  toolFrom: [
    { file: "package.json", pattern: '"packageManager"\\s*:\\s*"pnpm@', choice: "pnpm" },
    { file: "package.json", pattern: '"packageManager"\\s*:\\s*"yarn@', choice: "yarn" },
    { file: "package.json", pattern: '"packageManager"\\s*:\\s*"npm@', choice: "npm" },
    { file: "pnpm-lock.yaml", choice: "pnpm" },
    { file: "pnpm-workspace.yaml", choice: "pnpm" },
    { file: "yarn.lock", choice: "yarn" },
    { file: "package-lock.json", choice: "npm" },
    { file: "npm-shrinkwrap.json", choice: "npm" },
  ],
  watch: ["package.json", "pnpm-lock.yaml", "package-lock.json", "yarn.lock", ".nvmrc"],
  gitignore: ["node_modules/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  nodejs_22: "attributes.json (present); NixOS/nixpkgs:pkgs/development/web/nodejs/v22.nix",
  nodejs_24: "attributes.json (present); NixOS/nixpkgs:doc/release-notes/rl-2605.section.md",
  nodejs_26: "attributes.json (present); NixOS/nixpkgs:pkgs/development/web/nodejs/v26.nix",
  pnpm: "attributes.json (present); NixOS/nixpkgs:doc/release-notes/rl-2611.section.md",
  yarn: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ya/yarn/package.nix",
  typescript: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ty/typescript/package.nix",
  "typescript-language-server":
    "attributes.json (present); pkgs/by-name/ty/typescript-language-server/package.nix",
};
