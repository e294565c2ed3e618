import type { Evidence, Preset } from "../preset.js";

export const nickel: Preset = {
  id: "nickel",
  name: "Nickel",
  aliases: ["ncl"],
  description: "Nickel configuration language with the nls language server and Topiary",
  packages: ["nickel", "nls", "topiary"],
  markers: [{ ext: ".ncl" }],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  nickel: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ni/nickel/package.nix",
  nls: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/nl/nls/package.nix",
  topiary: "NixOS/nixpkgs:pkgs/by-name/to/topiary/package.nix",
};
