// nixfmt is the RFC 166 formatter (nixfmt-rfc-style is a deprecated alias of it).
// flake.nix is not a marker: every generated shell has one.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "nix",
  name: "Nix",
  aliases: ["nixlang"],
  packages: ["nixd", "nil", "nixfmt", "statix", "deadnix"],
};

export const nix: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Nix language tooling: nixd, nil, nixfmt, statix and deadnix",
  markers: [{ file: "default.nix" }, { file: "shell.nix" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  nixd: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ni/nixd/package.nix",
  nil: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ni/nil/package.nix",
  nixfmt: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ni/nixfmt/package.nix",
  statix: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/st/statix/package.nix",
  deadnix: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/de/deadnix/package.nix",
};
