import type { Evidence, Preset } from "../preset.js";

export const solidity: Preset = {
  id: "solidity",
  name: "Solidity",
  aliases: ["sol", "foundry", "evm"],
  description: "Solidity compiler with Foundry (forge, cast, anvil)",
  packages: ["solc", "foundry"],
  markers: [{ file: "foundry.toml" }, { file: "hardhat.config.ts" }, { file: "hardhat.config.js" }],
  watch: ["foundry.toml", "remappings.txt"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  solc: "NixOS/nixpkgs:pkgs/by-name/so/solc/package.nix",
  foundry: "NixOS/nixpkgs:pkgs/by-name/fo/foundry/package.nix",
};
