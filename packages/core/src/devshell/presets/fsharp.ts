import type { Evidence, Preset } from "../preset.js";

export const fsharp: Preset = {
  id: "fsharp",
  name: "F#",
  aliases: ["f#", "fs"],
  description: ".NET SDK for F# with FsAutoComplete and Fantomas",
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
  markers: [{ ext: ".fsproj" }],
  versionFrom: [{ file: "global.json", pattern: '"version"\\s*:\\s*"(\\d+)' }],
  watch: ["global.json", "paket.dependencies"],
  gitignore: ["bin/", "obj/"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "dotnet-sdk_8": "shared/nixpkgs/attributes.json (present): long-standing attribute",
  "dotnet-sdk_9": "shared/nixpkgs/attributes.json (present): long-standing attribute",
  "dotnet-sdk_10": "attributes.json (present); the-nix-way/dev-templates@4eab4b7:csharp/flake.nix",
  fsautocomplete: "NixOS/nixpkgs:pkgs/by-name/fs/fsautocomplete/package.nix",
  fantomas: "NixOS/nixpkgs:pkgs/by-name/fa/fantomas/package.nix",
};
