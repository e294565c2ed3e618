// .v is not a marker: V (vlang) and Coq use the same extension.
import type { Preset } from "../preset.js";

export const verilog: Preset = {
  id: "verilog",
  name: "Verilog",
  aliases: ["systemverilog", "sv", "hdl"],
  description: "Verilog/SystemVerilog with Icarus Verilog, Verilator and Verible",
  packages: ["iverilog", "verilator", "verible"],
  markers: [{ ext: ".sv" }, { ext: ".svh" }],
  evidence: {
    iverilog: "NixOS/nixpkgs:pkgs/by-name/iv/iverilog/package.nix",
    verilator: "NixOS/nixpkgs:pkgs/by-name/ve/verilator/package.nix",
    verible: "NixOS/nixpkgs:pkgs/by-name/ve/verible/package.nix",
  },
};
