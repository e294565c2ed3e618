// stack is not included: its top-level attribute could not be verified for 2026.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "haskell",
  name: "Haskell",
  aliases: ["hs", "ghc", "cabal"],
  packages: ["ghc", "cabal-install", "haskell-language-server"],
};

export const haskell: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "GHC with cabal-install and haskell-language-server",
  markers: [
    { ext: ".cabal" },
    { file: "cabal.project", nested: "^packages:" },
    { file: "stack.yaml", nested: "^(resolver|snapshot):" },
    { file: "package.yaml", nested: "^name:" },
  ],
  // No GHC version choice is verified in nixpkgs yet: a pin is reported, nixpkgs' ghc is used.
  versionFrom: [
    { file: "stack.yaml", pattern: "^(?:resolver|snapshot):\\s*(\\S+)" },
    { file: "cabal.project", pattern: "^with-compiler:\\s*(\\S+)" },
  ],
  toolNames: ["ghc", "haskell"],
  watch: ["cabal.project", "stack.yaml", "package.yaml"],
  gitignore: ["dist-newstyle/", ".stack-work/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  ghc: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:haskell/flake.nix",
  "cabal-install": "attributes.json (present); the-nix-way/dev-templates@4eab4b7:haskell/flake.nix",
  "haskell-language-server":
    "attributes.json (present); the-nix-way/dev-templates@4eab4b7:haskell/flake.nix",
};
