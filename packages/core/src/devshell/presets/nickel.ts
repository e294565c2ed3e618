import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "nickel",
  name: "Nickel",
  aliases: ["ncl"],
  packages: ["nickel", "nls", "topiary"],
};

export const nickel: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Nickel configuration language with the nls language server and Topiary",
  markers: [{ ext: ".ncl" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  nickel: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ni/nickel/package.nix",
  nls: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/nl/nls/package.nix",
  topiary: "NixOS/nixpkgs:pkgs/by-name/to/topiary/package.nix",
};
