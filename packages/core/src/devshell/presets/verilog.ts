// .v is not a marker: V (vlang) and Coq use the same extension.
import type { Evidence, Preset } from "../preset.js";

export const verilog: Preset = {
  id: "verilog",
  name: "Verilog",
  aliases: ["systemverilog", "sv", "hdl"],
  description: "Verilog/SystemVerilog with Icarus Verilog, Verilator and Verible",
  packages: ["iverilog", "verilator", "verible"],
  markers: [{ ext: ".sv" }, { ext: ".svh" }],
};

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  iverilog: "NixOS/nixpkgs:pkgs/by-name/iv/iverilog/package.nix",
  verilator: "NixOS/nixpkgs:pkgs/by-name/ve/verilator/package.nix",
  verible: "NixOS/nixpkgs:pkgs/by-name/ve/verible/package.nix",
};
