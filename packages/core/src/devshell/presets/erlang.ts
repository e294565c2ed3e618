// OTP 27 and 28 come from their beamXXPackages sets; OTP 29 is only reachable as
// beam.interpreters.erlang_29 (no beam29Packages was verified).
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "erlang",
  name: "Erlang",
  aliases: ["erl", "otp", "rebar3"],
  version: {
    flag: "erlang",
    default: "28",
    attrs: {
      "27": "beam27Packages.erlang",
      "28": "beam28Packages.erlang",
      "29": "beam.interpreters.erlang_29",
    },
  },
  packages: ["beamPackages.rebar3", "beamPackages.erlfmt", "erlang-language-platform"],
  packageSet: {
    prefix: "beamPackages",
    flag: "erlang",
    sets: { "27": "beam27Packages", "28": "beam28Packages" },
  },
  env: {
    ERL_AFLAGS: "-kernel shell_history enabled",
  },
};

export const erlang: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Erlang/OTP with rebar3, erlfmt and the Erlang Language Platform (ELP)",
  markers: [
    { file: "rebar.config", nested: "\\{\\s*(deps|erl_opts|minimum_otp_vsn|plugins)" },
    { file: "erlang.mk", nested: "." },
  ],
  versionFrom: [
    {
      file: "rebar.config",
      pattern: 'minimum_otp_vsn\\s*,\\s*"(\\d+(?:\\.\\d+)*)',
      kind: "minimum",
    },
  ],
  toolNames: ["erlang"],
  watch: ["rebar.config", "rebar.lock"],
  gitignore: ["_build/"],
});

const BEAM_SET =
  "NixOS/nixpkgs:pkgs/top-level/beam-packages.nix (2026-08: every beamNNPackages set is one callPackage of beam-modules with its OTP, so it carries rebar3 and erlfmt like beamPackages)";

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "beam27Packages.erlang": "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/aliases.nix",
  "beam28Packages.erlang": "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/aliases.nix",
  "beam.interpreters.erlang_29":
    "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/beam-packages.nix",
  "beam27Packages.rebar3": BEAM_SET,
  "beam27Packages.erlfmt": BEAM_SET,
  "beam28Packages.rebar3": BEAM_SET,
  "beam28Packages.erlfmt": BEAM_SET,
  "beamPackages.rebar3": "NixOS/nixpkgs:pkgs/development/beam-modules/default.nix (inherit rebar3)",
  "beamPackages.erlfmt": "NixOS/nixpkgs:pkgs/development/beam-modules/erlfmt/default.nix",
  "erlang-language-platform": "NixOS/nixpkgs:pkgs/by-name/er/erlang-language-platform/package.nix",
};
