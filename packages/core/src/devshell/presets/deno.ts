import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "deno",
  name: "Deno",
  aliases: ["denojs"],
  packages: ["deno"],
};

export const deno: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Deno runtime (formatter, linter and language server built in)",
  markers: [{ file: "deno.json" }, { file: "deno.jsonc" }, { file: "deno.lock" }],
  supersedes: ["node"],
  watch: ["deno.json", "deno.jsonc", "deno.lock"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  deno: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/de/deno/package.nix",
};
