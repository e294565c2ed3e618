import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "gleam",
  name: "Gleam",
  aliases: ["gleam-lang"],
  packages: ["gleam", "beamPackages.erlang", "beamPackages.rebar3"],
};

export const gleam: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Gleam (language server built in) with Erlang/OTP and rebar3 from beamPackages",
  markers: [{ file: "gleam.toml" }],
  watch: ["gleam.toml", "manifest.toml"],
  gitignore: ["build/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  gleam: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/gl/gleam/package.nix",
  "beamPackages.erlang": "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/aliases.nix",
  "beamPackages.rebar3": "NixOS/nixpkgs:pkgs/development/beam-modules/default.nix (inherit rebar3)",
};
