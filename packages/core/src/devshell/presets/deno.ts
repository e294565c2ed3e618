import type { Evidence, Preset } from "../preset.js";

export const deno: Preset = {
  id: "deno",
  name: "Deno",
  aliases: ["denojs"],
  description: "Deno runtime (formatter, linter and language server built in)",
  packages: ["deno"],
  markers: [{ file: "deno.json" }, { file: "deno.jsonc" }, { file: "deno.lock" }],
  supersedes: ["node"],
  watch: ["deno.json", "deno.jsonc", "deno.lock"],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  deno: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/de/deno/package.nix",
};
