// haxe is 4.3 (haxe_4_0/haxe_4_1 were removed in 2026-05), so there is no version knob.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "haxe",
  name: "Haxe",
  aliases: ["hx"],
  packages: ["haxe", "neko"],
};

export const haxe: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Haxe 4.3 compiler with the Neko VM (needed by haxelib)",
  markers: [{ ext: ".hxml" }, { file: "haxelib.json" }],
  watch: ["haxelib.json"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  haxe: "attributes.json (present); NixOS/nixpkgs#508350",
  neko: "NixOS/nixpkgs:pkgs/by-name/ne/neko/package.nix",
};
