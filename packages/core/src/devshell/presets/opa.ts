import type { Evidence, Preset } from "../preset.js";

export const opa: Preset = {
  id: "opa",
  name: "Open Policy Agent",
  aliases: ["rego", "open-policy-agent"],
  description: "OPA with conftest and the Regal linter/language server for Rego",
  packages: ["open-policy-agent", "conftest", "regal"],
  markers: [{ ext: ".rego" }, { file: ".regal" }],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "open-policy-agent":
    "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/op/open-policy-agent/package.nix",
  conftest: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/co/conftest/package.nix",
  regal: "NixOS/nixpkgs:pkgs/by-name/re/regal/package.nix",
};
