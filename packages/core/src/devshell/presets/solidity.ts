import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "solidity",
  name: "Solidity",
  aliases: ["sol", "foundry", "evm"],
  packages: ["solc", "foundry"],
};

export const solidity: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Solidity compiler with Foundry (forge, cast, anvil)",
  markers: [{ file: "foundry.toml" }, { file: "hardhat.config.ts" }, { file: "hardhat.config.js" }],
  watch: ["foundry.toml", "remappings.txt"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  solc: "NixOS/nixpkgs:pkgs/by-name/so/solc/package.nix",
  foundry: "NixOS/nixpkgs:pkgs/by-name/fo/foundry/package.nix",
};
