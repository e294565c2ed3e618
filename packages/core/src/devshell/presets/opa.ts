import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "opa",
  name: "Open Policy Agent",
  aliases: ["rego", "open-policy-agent"],
  packages: ["open-policy-agent", "conftest", "regal"],
};

export const opa: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "OPA with conftest and the Regal linter/language server for Rego",
  markers: [{ ext: ".rego" }, { file: ".regal" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "open-policy-agent":
    "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/op/open-policy-agent/package.nix",
  conftest: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/co/conftest/package.nix",
  regal: "NixOS/nixpkgs:pkgs/by-name/re/regal/package.nix",
};
