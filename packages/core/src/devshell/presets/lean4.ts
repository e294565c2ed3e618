import type { Evidence, Preset } from "../preset.js";

export const lean4: Preset = {
  id: "lean4",
  name: "Lean 4",
  aliases: ["lean"],
  description: "Lean 4 theorem prover and programming language (lake included)",
  packages: ["lean4"],
  markers: [{ file: "lakefile.lean" }, { file: "lakefile.toml" }, { file: "lean-toolchain" }],
  watch: ["lakefile.lean", "lakefile.toml", "lake-manifest.json"],
  gitignore: [".lake/"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  lean4: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/le/lean4/package.nix",
};
