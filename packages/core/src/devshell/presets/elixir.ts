// Top-level elixir/erlang are deprecated aliases since 2026-06; everything comes from
// one beamPackages set so Elixir, Erlang and ElixirLS share an OTP release.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "elixir",
  name: "Elixir",
  aliases: ["ex", "exs", "mix"],
  version: {
    flag: "elixir",
    default: "1.19",
    attrs: {
      "1.18": "beamPackages.elixir_1_18",
      "1.19": "beamPackages.elixir_1_19",
      "1.20": "beamPackages.elixir_1_20",
    },
  },
  packages: ["beamPackages.erlang", "beamPackages.elixir-ls"],
  linuxOnly: ["inotify-tools"],
  packageSet: {
    prefix: "beamPackages",
    flag: "erlang",
    sets: { "27": "beam27Packages", "28": "beam28Packages" },
  },
  env: {
    ERL_AFLAGS: "-kernel shell_history enabled",
  },
  shellHook: `export MIX_HOME="$project_root/.nix-mix"
export HEX_HOME="$project_root/.nix-hex"
export PATH="$MIX_HOME/bin:$MIX_HOME/escripts:$HEX_HOME/bin:$PATH"`,
};

export const elixir: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Elixir and Erlang/OTP from beamPackages with ElixirLS; Mix/Hex state kept local",
  markers: [{ file: "mix.exs", nested: "Mix\\.Project" }],
  versionFrom: [{ file: "mix.exs", pattern: 'elixir:\\s*"([^"]+)"', kind: "range" }],
  toolNames: ["elixir"],
  watch: ["mix.exs", "mix.lock"],
  gitignore: ["_build/", "deps/", ".elixir_ls/", ".nix-mix/", ".nix-hex/"],
});

const BEAM_SET =
  "NixOS/nixpkgs:pkgs/top-level/beam-packages.nix (2026-08: every beamNNPackages set is one callPackage of beam-modules with its OTP, so it carries that set's elixir_1_NN and elixir-ls; beam.packagesWith throw names beam27Packages)";

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  "beamPackages.elixir_1_18":
    "NixOS/nixpkgs:pkgs/top-level/beam-packages.nix (2026-08: elixir_1_18)",
  "beamPackages.elixir_1_19": "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/aliases.nix",
  "beamPackages.elixir_1_20":
    "NixOS/nixpkgs:pkgs/top-level/beam-packages.nix (2026-08: elixir_1_20)",
  "beamPackages.erlang": "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/aliases.nix",
  "beam27Packages.elixir_1_18": BEAM_SET,
  "beam27Packages.elixir_1_19": BEAM_SET,
  "beam27Packages.elixir_1_20": BEAM_SET,
  "beam27Packages.elixir-ls": BEAM_SET,
  "beam27Packages.erlang": "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/aliases.nix",
  "beam28Packages.elixir_1_18": BEAM_SET,
  "beam28Packages.elixir_1_19": BEAM_SET,
  "beam28Packages.elixir_1_20": BEAM_SET,
  "beam28Packages.elixir-ls": BEAM_SET,
  "beam28Packages.erlang": "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/aliases.nix",
  "beamPackages.elixir-ls":
    "attributes.json (present); NixOS/nixpkgs:pkgs/top-level/beam-packages.nix",
  "inotify-tools":
    "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/in/inotify-tools/package.nix",
};
