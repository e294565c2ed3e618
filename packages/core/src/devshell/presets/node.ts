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
  packages: ["pnpm", "typescript", "typescript-language-server"],
  shellHook: 'export PATH="$PWD/node_modules/.bin:$PATH"',
};

export const node: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Node.js with pnpm, TypeScript and typescript-language-server",
  markers: [{ file: "package.json" }],
  versionFrom: [
    { file: ".nvmrc", pattern: "^\\s*v?(\\d+)" },
    { file: ".node-version", pattern: "^\\s*v?(\\d+)" },
    { file: ".tool-versions", pattern: "^nodejs\\s+v?(\\d+)" },
    { file: "package.json", pattern: '"node"\\s*:\\s*"[^0-9]*(\\d+)' },
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
  typescript: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ty/typescript/package.nix",
  "typescript-language-server":
    "attributes.json (present); pkgs/by-name/ty/typescript-language-server/package.nix",
};
