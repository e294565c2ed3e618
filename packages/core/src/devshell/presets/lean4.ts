import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "lean4",
  name: "Lean 4",
  aliases: ["lean"],
  packages: ["lean4"],
};

export const lean4: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Lean 4 theorem prover and programming language (lake included)",
  markers: [{ file: "lakefile.lean" }, { file: "lakefile.toml" }, { file: "lean-toolchain" }],
  watch: ["lakefile.lean", "lakefile.toml", "lake-manifest.json"],
  gitignore: [".lake/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  lean4: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/le/lean4/package.nix",
};
