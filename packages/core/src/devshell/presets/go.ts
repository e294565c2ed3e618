// 1.26 stays the default: it is what nixpkgs builds gopls and golangci-lint with.
// GOTOOLCHAIN=local stops go from downloading toolchains named in go.mod.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "go",
  name: "Go",
  aliases: ["golang"],
  version: {
    flag: "go",
    default: "1.26",
    attrs: {
      "1.26": "go_1_26",
      "1.27": "go_1_27",
    },
  },
  packages: ["gopls", "gotools", "golangci-lint", "delve"],
  env: {
    GOTOOLCHAIN: "local",
  },
};

export const go: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Go toolchain with gopls, gotools, golangci-lint and delve",
  markers: [
    { file: "go.mod", nested: "^module\\s+\\S" },
    { file: "go.work", nested: "^go\\s+\\d" },
  ],
  versionFrom: [
    { file: "go.mod", pattern: "^toolchain\\s+go(\\d+\\.\\d+(?:\\.\\d+)?)", kind: "line" },
    { file: "go.work", pattern: "^toolchain\\s+go(\\d+\\.\\d+(?:\\.\\d+)?)", kind: "line" },
    { file: "go.mod", pattern: "^go\\s+(\\d+\\.\\d+(?:\\.\\d+)?)", kind: "minimum" },
    { file: "go.work", pattern: "^go\\s+(\\d+\\.\\d+(?:\\.\\d+)?)", kind: "minimum" },
  ],
  toolNames: ["golang", "go"],
  watch: ["go.mod", "go.sum", "go.work"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  go_1_26: "attributes.json (present); NixOS/nixpkgs:pkgs/development/compilers/go/1.26.nix",
  go_1_27: "attributes.json (present); NixOS/nixpkgs:pkgs/development/compilers/go/1.27.nix",
  gopls: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/go/gopls/package.nix",
  gotools: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/go/gotools/package.nix",
  "golangci-lint":
    "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/go/golangci-lint/package.nix",
  delve: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/de/delve/package.nix",
};
