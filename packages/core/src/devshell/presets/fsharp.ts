import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "fsharp",
  name: "F#",
  aliases: ["f#", "fs"],
  version: {
    flag: "dotnet",
    default: "10",
    attrs: {
      "8": "dotnet-sdk_8",
      "9": "dotnet-sdk_9",
      "10": "dotnet-sdk_10",
    },
  },
  packages: ["fsautocomplete", "fantomas"],
  env: {
    DOTNET_CLI_TELEMETRY_OPTOUT: "1",
    DOTNET_NOLOGO: "1",
  },
};

export const fsharp: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: ".NET SDK for F# with FsAutoComplete and Fantomas",
  markers: [{ ext: ".fsproj" }],
  versionFrom: [{ file: "global.json", pattern: '"version"\\s*:\\s*"(\\d+)' }],
  watch: ["global.json", "paket.dependencies"],
  gitignore: ["bin/", "obj/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "dotnet-sdk_8": "shared/nixpkgs/attributes.json (present): long-standing attribute",
  "dotnet-sdk_9": "shared/nixpkgs/attributes.json (present): long-standing attribute",
  "dotnet-sdk_10": "attributes.json (present); the-nix-way/dev-templates@4eab4b7:csharp/flake.nix",
  fsautocomplete: "NixOS/nixpkgs:pkgs/by-name/fs/fsautocomplete/package.nix",
  fantomas: "NixOS/nixpkgs:pkgs/by-name/fa/fantomas/package.nix",
};
