// rust-analyzer from nixpkgs is wrapped with RUST_SRC_PATH, so no env is needed.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "rust",
  name: "Rust",
  aliases: ["rs", "cargo", "rustlang"],
  packages: ["rustc", "cargo", "clippy", "rustfmt", "rust-analyzer"],
};

export const rust: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Rust stable from nixpkgs: rustc, cargo, clippy, rustfmt and rust-analyzer",
  markers: [
    { file: "Cargo.toml", nested: "^\\[(package|workspace)\\]" },
    { file: "rust-toolchain.toml", nested: "^\\[toolchain\\]" },
    { file: "rust-toolchain", nested: "^\\s*(stable|beta|nightly|\\d)" },
  ],
  // nixpkgs has one Rust; a project's toolchain file is read by oxalica/rust-overlay instead.
  toolchainFile: {
    files: ["rust-toolchain.toml", "rust-toolchain"],
    input: { name: "rust-overlay", url: "github:oxalica/rust-overlay" },
    overlay: "overlays.default",
    reader: "rust-bin.fromRustupToolchainFile",
    replaces: ["rustc", "cargo", "clippy", "rustfmt"],
  },
  watch: ["Cargo.toml", "Cargo.lock", "rust-toolchain.toml"],
  gitignore: ["target/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  rustc: "shared/nixpkgs/attributes.json (present): long-standing top-level attributes",
  cargo: "shared/nixpkgs/attributes.json (present): long-standing top-level attributes",
  clippy: "shared/nixpkgs/attributes.json (present): long-standing top-level attributes",
  rustfmt: "shared/nixpkgs/attributes.json (present): long-standing top-level attributes",
  "rust-analyzer":
    "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ru/rust-analyzer/package.nix",
};
