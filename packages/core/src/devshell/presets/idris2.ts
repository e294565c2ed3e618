import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "idris2",
  name: "Idris 2",
  aliases: ["idris"],
  packages: ["idris2"],
};

export const idris2: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Idris 2 dependently typed language (Chez Scheme backend)",
  markers: [{ ext: ".ipkg" }, { file: "pack.toml" }],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  idris2: "NixOS/nixpkgs:pkgs/by-name/id/idris2/package.nix",
};
