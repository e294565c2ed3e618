import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "protobuf",
  name: "Protocol Buffers",
  aliases: ["proto", "protoc", "grpc", "buf"],
  packages: ["protobuf", "buf", "protols", "grpcurl"],
};

export const protobuf: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "protoc and buf with the protols language server and grpcurl",
  markers: [
    { file: "buf.yaml" },
    { file: "buf.gen.yaml" },
    { file: "buf.work.yaml" },
    { ext: ".proto" },
  ],
  watch: ["buf.yaml", "buf.lock"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  protobuf: "attributes.json (present); the-nix-way/dev-templates@4eab4b7:protobuf/flake.nix",
  buf: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/bu/buf/package.nix",
  protols: "NixOS/nixpkgs:pkgs/by-name/pr/protols/package.nix",
  grpcurl: "NixOS/nixpkgs:pkgs/by-name/gr/grpcurl/package.nix",
};
