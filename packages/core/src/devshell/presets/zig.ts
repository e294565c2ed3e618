// zls follows the default zig (0.16 since NixOS/nixpkgs#509719).
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "zig",
  name: "Zig",
  aliases: ["ziglang"],
  version: {
    flag: "zig",
    default: "0.16",
    attrs: {
      "0.15": "zig_0_15",
      "0.16": "zig_0_16",
    },
  },
  packages: ["zls"],
};

export const zig: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Zig compiler with the zls language server",
  markers: [
    { file: "build.zig", nested: '@import\\("std"\\)' },
    { file: "build.zig.zon", nested: "\\.name\\s*=" },
  ],
  // Zig breaks its language between 0.x releases: the pin's own line, not a newer one.
  versionFrom: [
    {
      file: "build.zig.zon",
      pattern: '\\.minimum_zig_version\\s*=\\s*"(\\d+\\.\\d+(?:\\.\\d+)?)',
      kind: "line",
    },
  ],
  toolNames: ["zig"],
  watch: ["build.zig", "build.zig.zon"],
  gitignore: [".zig-cache/", "zig-out/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  zig_0_15: "attributes.json (present); NixOS/nixpkgs#509719",
  zig_0_16: "attributes.json (present); NixOS/nixpkgs#509719",
  zls: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/zl/zls/package.nix",
};
