// All Python packages come from python3Packages so they match python3; the interpreter's
// setup hook puts them on PYTHONPATH, which the kernel inherits.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "jupyter",
  name: "Jupyter",
  aliases: ["ipynb", "notebook", "jupyterlab"],
  packages: [
    "python3",
    "python3Packages.jupyterlab",
    "python3Packages.ipykernel",
    "python3Packages.pandas",
    "python3Packages.matplotlib",
  ],
};

export const jupyter: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "JupyterLab with an IPython kernel, pandas and matplotlib",
  markers: [{ ext: ".ipynb" }],
  gitignore: [".ipynb_checkpoints/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  python3: "attributes.json (present); pkgs/development/interpreters/python/default.nix",
  "python3Packages.jupyterlab":
    "NixOS/nixpkgs:pkgs/development/python-modules/jupyterlab/default.nix",
  "python3Packages.ipykernel":
    "NixOS/nixpkgs:pkgs/development/python-modules/ipykernel/default.nix",
  "python3Packages.pandas": "NixOS/nixpkgs:pkgs/development/python-modules/pandas/default.nix",
  "python3Packages.matplotlib":
    "NixOS/nixpkgs:pkgs/development/python-modules/matplotlib/default.nix",
};
