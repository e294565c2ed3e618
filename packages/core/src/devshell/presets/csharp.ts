// .NET 8 and 9 reached upstream end of life on 2026-11-10; nixpkgs may mark them
// insecure, so they stay selectable (global.json pins) but 10 is the default.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "csharp",
  name: "C#",
  aliases: ["c#", "cs", "dotnet"],
  version: {
    flag: "dotnet",
    default: "10",
    attrs: {
      "8": "dotnet-sdk_8",
      "9": "dotnet-sdk_9",
      "10": "dotnet-sdk_10",
    },
  },
  packages: ["csharp-ls", "csharpier", "netcoredbg"],
  env: {
    DOTNET_CLI_TELEMETRY_OPTOUT: "1",
    DOTNET_NOLOGO: "1",
  },
};

export const csharp: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: ".NET SDK for C# with csharp-ls, CSharpier and the netcoredbg debugger",
  markers: [{ ext: ".csproj" }, { ext: ".sln" }, { ext: ".slnx" }],
  versionFrom: [{ file: "global.json", json: "sdk.version", kind: "line" }],
  toolNames: ["dotnet", "dotnet-core"],
  watch: ["global.json", "Directory.Packages.props"],
  gitignore: ["bin/", "obj/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "dotnet-sdk_8": "shared/nixpkgs/attributes.json (present): long-standing attribute",
  "dotnet-sdk_9": "shared/nixpkgs/attributes.json (present): long-standing attribute",
  "dotnet-sdk_10": "attributes.json (present); the-nix-way/dev-templates@4eab4b7:csharp/flake.nix",
  "csharp-ls": "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/cs/csharp-ls/package.nix",
  csharpier: "NixOS/nixpkgs:pkgs/by-name/cs/csharpier/package.nix",
  netcoredbg: "NixOS/nixpkgs:pkgs/by-name/ne/netcoredbg/package.nix",
};
