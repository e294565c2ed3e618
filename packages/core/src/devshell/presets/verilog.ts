// .v is not a marker: V (vlang) and Coq use the same extension.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "verilog",
  name: "Verilog",
  aliases: ["systemverilog", "sv", "hdl"],
  packages: ["iverilog", "verilator", "verible"],
};

export const verilog: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Verilog/SystemVerilog with Icarus Verilog, Verilator and Verible",
  markers: [{ ext: ".sv" }, { ext: ".svh" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  iverilog: "NixOS/nixpkgs:pkgs/by-name/iv/iverilog/package.nix",
  verilator: "NixOS/nixpkgs:pkgs/by-name/ve/verilator/package.nix",
  verible: "NixOS/nixpkgs:pkgs/by-name/ve/verible/package.nix",
};
